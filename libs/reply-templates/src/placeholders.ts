/**
 * The placeholders a reply template may use, filled in by the composer from the case it answers.
 * The names are Danish because the municipality's staff write the templates.
 */
export const TEMPLATE_PLACEHOLDERS = {
  navn: "the citizen's name",
  sag: 'the case reference',
  emne: "the case's subject",
  medarbejder: "the staff member's name",
} as const;

export type TemplatePlaceholder = keyof typeof TEMPLATE_PLACEHOLDERS;

/** The {names} in a template text that are not placeholders, each once, in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  const found = [...text.matchAll(/\{([^{}\s]{1,40})\}/g)].map((m) => m[1]);
  return [...new Set(found.filter((name) => !(name in TEMPLATE_PLACEHOLDERS)))];
}
