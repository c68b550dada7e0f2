/** Human case references: K-<year>-<number>, the number zero-padded to at least six digits. */
export const REFERENCE_PATTERN = /\bK-(\d{4})-(\d{6,9})\b/gi;

export function formatReference(year: number, number: number): string {
  return `K-${year}-${String(number).padStart(6, '0')}`;
}

/** Every distinct reference quoted in the texts, in order of appearance, upper-cased. */
export function extractReferences(...texts: (string | undefined)[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const match of (text ?? '').matchAll(REFERENCE_PATTERN)) found.add(match[0].toUpperCase());
  }
  return [...found];
}
