import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '@kontakt/core';

/**
 * The acknowledgement a citizen gets when their email opens a case. The first line of a template is
 * `Subject: …`, the rest is the body; {{reference}}, {{name}}, {{subject}} and {{statusUrl}} are filled in.
 * MAIL_ACK_TEMPLATE_DIR replaces the built-in texts with acknowledgement.da.txt / acknowledgement.en.txt.
 */
export const DEFAULT_ACKNOWLEDGEMENT: Record<Language, string> = {
  da: `Subject: Vi har modtaget din henvendelse [{{reference}}]
Kære {{name}}

Tak for din e-mail{{subject}}. Vi har oprettet sag {{reference}} og svarer dig så hurtigt som muligt.

Du kan følge sagen her: {{statusUrl}}

Svar gerne på denne e-mail, hvis du vil tilføje noget; behold sagsnummeret i emnefeltet.

Med venlig hilsen
Kommunen`,
  en: `Subject: We have received your enquiry [{{reference}}]
Dear {{name}}

Thank you for your email{{subject}}. We have opened case {{reference}} and will answer you as soon as we can.

You can follow the case here: {{statusUrl}}

If you want to add something, just reply to this email and keep the case number in the subject.

Kind regards
The municipality`,
};

export interface AcknowledgementValues {
  reference: string;
  name?: string;
  subject?: string;
  statusUrl: string;
}

export class AcknowledgementTemplate {
  private readonly templates: Record<Language, string>;

  constructor(dir?: string) {
    this.templates = dir
      ? { da: readFileSync(join(dir, 'acknowledgement.da.txt'), 'utf8'), en: readFileSync(join(dir, 'acknowledgement.en.txt'), 'utf8') }
      : DEFAULT_ACKNOWLEDGEMENT;
  }

  render(language: Language, values: AcknowledgementValues): { subject: string; text: string } {
    const fallbackName = language === 'da' ? 'borger' : 'citizen';
    const subjectPart = values.subject ? (language === 'da' ? ` om "${values.subject}"` : ` about "${values.subject}"`) : '';
    const filled = this.templates[language]
      .replaceAll('{{reference}}', values.reference)
      .replaceAll('{{name}}', values.name || fallbackName)
      .replaceAll('{{subject}}', subjectPart)
      .replaceAll('{{statusUrl}}', values.statusUrl);
    const [first, ...rest] = filled.replace(/\r\n?/g, '\n').split('\n');
    const subject = /^Subject:/i.test(first) ? first.replace(/^Subject:\s*/i, '') : `[${values.reference}]`;
    const text = (/^Subject:/i.test(first) ? rest : [first, ...rest]).join('\n').trim();
    return { subject: subject.includes(values.reference) ? subject : `${subject} [${values.reference}]`, text };
  }
}
