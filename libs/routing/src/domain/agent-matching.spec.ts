import { MatchAgent, MatchCase, matchCases, skillLevelFor } from './agent-matching';

const aCase = (id: string, over: Partial<MatchCase> = {}): MatchCase => ({
  caseId: id, citizenId: `citizen-${id}`, topicId: 'parking', topicQueueId: 'borgerservice', queueId: 'borgerservice',
  overflowQueueId: null, requiredLevel: 1, channel: 'webform', language: 'da', declinedBy: [], stickyDays: 14, assignsAtOnce: false, ...over,
});

const anAgent = (id: string, over: Partial<MatchAgent> & { topicLevel?: number } = {}): MatchAgent => ({
  agentId: id, languages: ['da'], idleSince: 1_000, free: { webform: 5 },
  topicLevels: new Map([['parking', over.topicLevel ?? 3]]), queueLevels: new Map(), topicQueueLevels: new Map([['borgerservice', over.topicLevel ?? 3]]),
  ...over,
});

const chosen = (cases: MatchCase[], agents: MatchAgent[]) => matchCases(cases, agents, 10_000).map((m) => `${m.caseId}→${m.agentId}`);

describe('agent matching', () => {
  it('prefers the higher skill level', () => {
    expect(chosen([aCase('c1')], [anAgent('low', { topicLevel: 2 }), anAgent('high', { topicLevel: 4 })])).toEqual(['c1→high']);
  });

  it('prefers, among equal levels, the agent idle the longest, then the smaller id', () => {
    expect(chosen([aCase('c1')], [anAgent('b', { idleSince: 500 }), anAgent('a', { idleSince: 900 })])).toEqual(['c1→b']);
    expect(chosen([aCase('c1')], [anAgent('b'), anAgent('a')])).toEqual(['c1→a']);
  });

  it('routes back to the agent who handled the citizen recently, ahead of a higher level', () => {
    const c = aCase('c1', { stickyAgentId: 'known' });
    expect(chosen([c], [anAgent('expert', { topicLevel: 5 }), anAgent('known', { topicLevel: 2 })])).toEqual(['c1→known']);
  });

  it('ignores a sticky agent who is not eligible', () => {
    const c = aCase('c1', { stickyAgentId: 'known', requiredLevel: 3 });
    expect(chosen([c], [anAgent('expert', { topicLevel: 5 }), anAgent('known', { topicLevel: 2 })])).toEqual(['c1→expert']);
  });

  it('makes an agent who got a case the most recently busy, so equal agents take turns', () => {
    const cases = ['c1', 'c2', 'c3', 'c4'].map((id) => aCase(id));
    expect(chosen(cases, [anAgent('a', { idleSince: 1 }), anAgent('b', { idleSince: 2 })])).toEqual(['c1→a', 'c2→b', 'c3→a', 'c4→b']);
  });

  it('never gives an agent more cases of a channel than their free capacity', () => {
    const cases = ['c1', 'c2', 'c3'].map((id) => aCase(id));
    expect(chosen(cases, [anAgent('small', { free: { webform: 2 } })])).toEqual(['c1→small', 'c2→small']);
    expect(chosen([aCase('c1', { channel: 'phone' })], [anAgent('small', { free: { webform: 2 } })])).toEqual([]);
  });

  it('skips agents who do not speak the language or who declined the case', () => {
    const agents = [anAgent('dane'), anAgent('english', { languages: ['en'] })];
    expect(chosen([aCase('c1', { language: 'en' })], agents)).toEqual(['c1→english']);
    expect(chosen([aCase('c1', { declinedBy: ['dane'] })], agents)).toEqual([]);
  });

  it('takes cases in the order given: the first case gets the best agent', () => {
    const agents = [anAgent('expert', { topicLevel: 5, free: { webform: 1 } }), anAgent('novice', { topicLevel: 1 })];
    expect(chosen([aCase('urgent'), aCase('later')], agents)).toEqual(['urgent→expert', 'later→novice']);
  });

  it('makes the agent of an auto-accepted case sticky for the same citizen\'s next case in the page', () => {
    const cases = [aCase('c1', { citizenId: 'z', assignsAtOnce: true }), aCase('c2', { citizenId: 'z', assignsAtOnce: true })];
    expect(chosen(cases, [anAgent('a', { idleSince: 1 }), anAgent('b', { idleSince: 2 })])).toEqual(['c1→a', 'c2→a']);
  });

  describe('which skills count', () => {
    const agent = (over: Partial<MatchAgent>) => anAgent('x', { topicLevels: new Map(), topicQueueLevels: new Map(), ...over });

    it('counts a skill on the topic or on the whole queue', () => {
      expect(skillLevelFor(agent({ topicLevels: new Map([['parking', 2]]) }), aCase('c'))).toBe(2);
      expect(skillLevelFor(agent({ queueLevels: new Map([['borgerservice', 4]]) }), aCase('c'))).toBe(4);
    });

    it('counts another topic of the queue only for a case transferred in from elsewhere', () => {
      const other = agent({ topicQueueLevels: new Map([['borgerservice', 3]]) });
      expect(skillLevelFor(other, aCase('c'))).toBe(0);
      expect(skillLevelFor(other, aCase('c', { topicId: 'tax', topicQueueId: 'skat' }))).toBe(3);
    });

    it('counts the overflow queue\'s skills once the case has escalated to it', () => {
      const overflow = agent({ queueLevels: new Map([['overflow', 2]]) });
      expect(skillLevelFor(overflow, aCase('c'))).toBe(0);
      expect(skillLevelFor(overflow, aCase('c', { overflowQueueId: 'overflow' }))).toBe(2);
      expect(chosen([aCase('c', { overflowQueueId: 'overflow', requiredLevel: 2 })], [overflow])).toEqual(['c→x']);
    });
  });
});
