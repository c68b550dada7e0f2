import { Injectable } from '@nestjs/common';
import type { Channel, Language } from '@kontakt/core';
import { CasesService } from '@kontakt/cases';
import type { StaffPrincipal, StaffUserView } from '@kontakt/identity';
import { DEMO_SEED } from './demo-plan';
import { DemoTopic, STAFF_FRAMING, STAFF_TEXTS, STAFF_TEXTS_EN } from './demo-texts';
import { SeededRandom } from './seeded-random';

/** A case the demo opened, with what the seeder knows about it. */
export interface SeededCase {
  caseId: string;
  /** channel of origin */
  channel: Channel;
  topic: DemoTopic;
  language: Language;
  citizenName: string;
  lastContactAt: Date;
}

export type DemoOutcome = 'queued' | 'assigned' | 'waiting_on_citizen' | 'resolved' | 'closed';

/** The older a case's last contact, the further along it is; cases resolved for weeks are closed. */
const OUTCOMES_BY_AGE: { underDays: number; mix: Partial<Record<DemoOutcome, number>> }[] = [
  { underDays: 1, mix: { queued: 70, assigned: 30 } },
  { underDays: 3, mix: { queued: 35, assigned: 35, waiting_on_citizen: 20, resolved: 10 } },
  { underDays: 10, mix: { queued: 15, assigned: 25, waiting_on_citizen: 25, resolved: 35 } },
  { underDays: 30, mix: { assigned: 5, waiting_on_citizen: 10, resolved: 35, closed: 50 } },
  { underDays: Infinity, mix: { waiting_on_citizen: 3, closed: 97 } },
];

const PARALLEL_CASES = 8;

/**
 * Moves demo cases through the life cycle the way staff would, through CasesService: a supervisor
 * assigns, the agent asks the citizen for more or answers, then resolves and later closes.
 */
@Injectable()
export class DemoLifecycle {
  constructor(private readonly cases: CasesService) {}

  /** Decides every case's outcome up front, in order and from the seed, then carries the outcomes out a few cases at a time. */
  async advance(seeded: SeededCase[], staff: StaffUserView[], now: Date): Promise<Record<DemoOutcome, number>> {
    const random = new SeededRandom(DEMO_SEED + 1);
    const supervisor = staff.find((s) => s.role === 'supervisor')!;
    const agents = staff.filter((s) => s.role === 'agent');
    const given = new Map(agents.map((a) => [a.id, 0]));
    const work = seeded.map((c) => {
      const ageDays = (now.getTime() - c.lastContactAt.getTime()) / 86_400_000;
      const outcome = random.weighted(OUTCOMES_BY_AGE.find((o) => ageDays < o.underDays)!.mix);
      const agent = outcome === 'queued' ? undefined : leastBusyAgentFor(c, agents, given);
      if (agent) given.set(agent.id, given.get(agent.id)! + 1);
      return { c, outcome, agent };
    });
    for (let i = 0; i < work.length; i += PARALLEL_CASES) {
      await Promise.all(work.slice(i, i + PARALLEL_CASES).map((w) => this.carryOut(w.c, w.outcome, w.agent, principalOf(supervisor))));
    }
    const counts: Record<DemoOutcome, number> = { queued: 0, assigned: 0, waiting_on_citizen: 0, resolved: 0, closed: 0 };
    for (const w of work) counts[w.outcome]++;
    return counts;
  }

  private async carryOut(c: SeededCase, outcome: DemoOutcome, agent: StaffUserView | undefined, supervisor: StaffPrincipal) {
    if (!agent) return;
    const actor = principalOf(agent);
    await this.cases.assign(c.caseId, agent.id, supervisor);
    if (outcome === 'assigned') return;
    if (outcome === 'waiting_on_citizen') {
      await this.respond(c, 'need', actor);
      // A web-form reply moves the case to waiting by itself; a phone call noted on the case does not.
      if (c.channel !== 'webform') await this.cases.changeStatus(c.caseId, 'waiting_on_citizen', actor);
      return;
    }
    await this.respond(c, 'answer', actor);
    await this.cases.changeStatus(c.caseId, 'resolved', actor);
    if (outcome === 'closed') await this.cases.changeStatus(c.caseId, 'closed', actor);
  }

  /** Web-form cases get a reply on the citizen's status page; Kontakt delivers no other channel yet, so staff call and note it. */
  private async respond(c: SeededCase, kind: 'need' | 'answer', actor: StaffPrincipal) {
    const words = STAFF_FRAMING[c.language];
    const texts = c.language === 'en' ? STAFF_TEXTS_EN : STAFF_TEXTS[c.topic];
    if (c.channel === 'webform') {
      const message = kind === 'need' ? `${words.askReply} ${texts.need}.` : `${words.answerReply} ${texts.answer}`;
      const body = `${words.dear} ${c.citizenName.split(' ')[0]}\n\n${message}\n\n${words.signOff}\n${actor.name}\nSkanderborg Kommune`;
      await this.cases.reply(c.caseId, body, undefined, actor);
    } else {
      await this.cases.addNote(c.caseId, kind === 'need' ? `${words.askNote} ${texts.need}.` : `${words.answerNote} ${texts.answer}`, actor);
    }
  }
}

/** An agent with the topic among their skills who writes the case's language, the one given fewest demo cases so far. */
function leastBusyAgentFor(c: SeededCase, agents: StaffUserView[], given: Map<string, number>): StaffUserView {
  const qualified = agents.filter((a) => a.skills.some((s) => s.topic === c.topic) && a.languages.includes(c.language));
  return (qualified.length > 0 ? qualified : agents).reduce((best, a) => (given.get(a.id)! < given.get(best.id)! ? a : best));
}

/** The seeder acts as these staff members without signing in; nothing it calls reads the session. */
function principalOf(user: StaffUserView): StaffPrincipal {
  return { userId: user.id, sessionId: 'demo-seeder', email: user.email, name: user.name, role: user.role };
}
