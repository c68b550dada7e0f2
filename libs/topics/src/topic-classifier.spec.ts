import { classify, detectLanguage } from './topic-classifier';
import type { Topic } from './topic';

const topic = (slug: string, keywords: string[], extra: Partial<Topic> = {}): Topic => ({
  id: slug, slug, nameDa: slug, nameEn: slug, queueId: 'q', queueSlug: 'q',
  keywords, priority: 2, isDefault: false, active: true, position: 0, ...extra,
});

const topics = [
  topic('generelt', [], { isDefault: true }),
  topic('affald', ['affald', 'skrald', 'waste', 'bin collection'], { position: 1 }),
  topic('veje', ['vej', 'fortov', 'pothole'], { position: 2 }),
  topic('ydelser', ['pension', 'kontanthjælp'], { priority: 3, position: 3 }),
];

describe('classify', () => {
  it('finds the topic from a Danish compound word', () => {
    expect(classify(topics, { subject: 'Storskrald', body: 'Hvornår bliver mit storskrald hentet?' }).topic.slug).toBe('affald');
  });

  it('matches multi-word English phrases', () => {
    const result = classify(topics, { body: 'The bin collection did not happen on our street' });
    expect(result.topic.slug).toBe('affald');
    expect(result.matchedKeywords).toEqual(['bin collection']);
  });

  it('weighs the subject double', () => {
    expect(classify(topics, { subject: 'Hul i fortov', body: 'Der ligger affald på det' }).topic.slug).toBe('veje');
  });

  it('does not let a short keyword match inside another word', () => {
    expect(classify(topics, { body: 'Vejret er dejligt' }).topic.slug).toBe('generelt');
  });

  it('falls back to the default topic when nothing matches', () => {
    const result = classify(topics, { body: 'Hej, jeg har et spørgsmål' });
    expect(result.topic.slug).toBe('generelt');
    expect(result.matchedKeywords).toEqual([]);
  });

  it('lets an explicit topic win over keywords', () => {
    expect(classify(topics, { body: 'skrald skrald skrald', topicSlug: 'veje' }).topic.slug).toBe('veje');
  });

  it('raises the priority one step for urgent words, up to urgent', () => {
    expect(classify(topics, { body: 'Min pension er ikke udbetalt, det haster' }).priority).toBe(4);
    expect(classify(topics, { body: 'Skrald' }).priority).toBe(2);
  });

  it('ignores inactive topics', () => {
    const withInactive = [...topics, topic('parkering', ['skrald'], { active: false, priority: 4 })];
    expect(classify(withInactive, { body: 'skrald' }).topic.slug).toBe('affald');
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Hej, jeg har ikke fået min pension', 'da'],
    ['Hello, my bin was not emptied and I would like to know why', 'en'],
    ['Ærø', 'da'],
    ['', 'da'],
  ])('reads %j as %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});
