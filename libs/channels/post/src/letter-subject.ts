/**
 * The subject a letter gives its case. A letter opens with blocks a subject must skip — the sender's
 * name and address, the recipient's, a date — so the subject is, in this order: the text after a
 * subject marker ("Vedr.", "Angående:", "Emne:", "Regarding:"); else the first sentence after the
 * salutation ("Kære …", "Dear …"); else the first sentence that starts on a line of at least four
 * words; else the first line.
 */
const SUBJECT_MAX = 200;
const SENTENCE_MIN_WORDS = 4;

const MARKER = /^(?:vedr(?:ørende)?\.?|ang(?:ående)?\.?|(?:emne|om|re|regarding|subject)\s*:)\s*:?\s*(\S.*)$/iu;
const SALUTATION = /^(?:kære|hej|goddag|dear|hello|hi)\b[^.!?]{0,60}[,!]?$/iu;
const POSTCODE_LINE = /^(?:dk-)?\d{4}\s+\p{L}/iu;
const SENTENCE_END = /[.!?](?:\s|$)/u;

const words = (line: string) => line.split(/\s+/).filter((word) => /\p{L}{2,}/u.test(word)).length;

const shorten = (text: string) => (text.length > SUBJECT_MAX ? `${text.slice(0, SUBJECT_MAX - 1)}…` : text);

/** The sentence that starts at `from`, joined across the paragraph's line breaks. */
function sentenceFrom(lines: string[], from: number): string {
  let sentence = '';
  for (let i = from; i < lines.length && lines[i] !== ''; i++) {
    sentence = sentence ? `${sentence} ${lines[i]}` : lines[i];
    const end = SENTENCE_END.exec(sentence);
    if (end) return sentence.slice(0, end.index + 1);
    if (sentence.length >= SUBJECT_MAX) break;
  }
  return sentence;
}

export function letterSubject(text: string): string {
  const lines = text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
  const filled = lines.map((line, index) => ({ line, index })).filter(({ line }) => line !== '');
  if (filled.length === 0) return '—';

  const marked = filled.map(({ line }) => MARKER.exec(line)).find(Boolean);
  if (marked) return shorten(marked[1].trim());

  const salutation = filled.find(({ line }) => SALUTATION.test(line));
  const afterSalutation = salutation && filled.find(({ index }) => index > salutation.index);
  if (afterSalutation) return shorten(sentenceFrom(lines, afterSalutation.index));

  const body = filled.find(({ line }) => words(line) >= SENTENCE_MIN_WORDS && !POSTCODE_LINE.test(line));
  return shorten(body ? sentenceFrom(lines, body.index) : filled[0].line);
}
