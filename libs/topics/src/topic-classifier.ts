import type { Language } from '@kontakt/core';
import type { Priority, Topic } from './topic';

export interface Classification {
  topic: Topic;
  priority: Priority;
  language: Language;
  /** Which keywords decided the topic; empty when the default topic was used. */
  matchedKeywords: string[];
}

const URGENT_WORDS = ['akut', 'haster', 'hurtigst muligt', 'nødsituation', 'urgent', 'emergency', 'asap'];
const DANISH_WORDS = new Set(['og', 'jeg', 'det', 'er', 'ikke', 'har', 'til', 'min', 'mit', 'vores', 'med', 'hvordan', 'hvor', 'kan', 'hej', 'venlig', 'hilsen', 'på', 'en', 'af']);
const ENGLISH_WORDS = new Set(['the', 'and', 'is', 'not', 'have', 'my', 'our', 'with', 'how', 'where', 'can', 'hello', 'regards', 'please', 'of', 'to', 'i', 'a']);

function words(text: string): string[] {
  return text.toLowerCase().normalize('NFC').split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
}

/**
 * A keyword matches a word it is part of, so Danish compounds count ("storskrald" matches "skrald").
 * Phrases match as substrings of the normalised text. Keywords under four letters must match whole words.
 */
function countMatches(keyword: string, tokens: string[], flat: string): number {
  const k = keyword.toLowerCase();
  if (k.includes(' ')) return flat.split(k).length - 1;
  if (k.length < 4) return tokens.filter((t) => t === k).length;
  return tokens.filter((t) => t.includes(k)).length;
}

/** Danish unless the text reads clearly more English; æ, ø and å count for Danish. */
export function detectLanguage(text: string): Language {
  const tokens = words(text);
  let danish = /[æøå]/i.test(text) ? 2 : 0;
  let english = 0;
  for (const t of tokens) {
    if (DANISH_WORDS.has(t)) danish++;
    if (ENGLISH_WORDS.has(t)) english++;
  }
  return english > danish ? 'en' : 'da';
}

/**
 * Picks the topic whose keywords occur most often (subject counts double), ties going to the higher
 * priority and then the earlier topic; falls back to the default topic. An explicit topic chosen by
 * the citizen or a clerk wins. Urgent words raise the priority one step.
 */
export function classify(topics: Topic[], input: { subject?: string; body: string; topicSlug?: string }): Classification {
  const active = topics.filter((t) => t.active);
  const fallback = active.find((t) => t.isDefault) ?? active[0];
  if (!fallback) throw new Error('No active topic exists; seed topics before intake');

  const text = `${input.subject ?? ''}\n${input.body}`;
  const subjectTokens = words(input.subject ?? '');
  const bodyTokens = words(input.body);
  const subjectFlat = subjectTokens.join(' ');
  const bodyFlat = bodyTokens.join(' ');

  let best: { topic: Topic; score: number; matched: string[] } | undefined;
  const chosen = input.topicSlug ? active.find((t) => t.slug === input.topicSlug) : undefined;
  if (chosen) {
    best = { topic: chosen, score: Infinity, matched: [] };
  } else {
    for (const topic of active) {
      let score = 0;
      const matched: string[] = [];
      for (const keyword of topic.keywords) {
        const hits = 2 * countMatches(keyword, subjectTokens, subjectFlat) + countMatches(keyword, bodyTokens, bodyFlat);
        if (hits > 0) matched.push(keyword);
        score += hits;
      }
      const better =
        score > 0 &&
        (!best || score > best.score || (score === best.score && (topic.priority > best.topic.priority || (topic.priority === best.topic.priority && topic.position < best.topic.position))));
      if (better) best = { topic, score, matched };
    }
  }
  const topic = best?.topic ?? fallback;
  const lower = text.toLowerCase();
  const urgent = URGENT_WORDS.some((w) => lower.includes(w));
  const priority = Math.min(4, topic.priority + (urgent ? 1 : 0)) as Priority;
  return { topic, priority, language: detectLanguage(text), matchedKeywords: best?.matched ?? [] };
}
