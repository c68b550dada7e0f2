/** A problem with one field of a submission, in both languages, so a page and the API can each say it. */
export interface FieldError {
  field: 'name' | 'contact' | 'email' | 'phone' | 'topic' | 'subject' | 'message' | 'attachments' | 'website';
  da: string;
  en: string;
}

export const fieldError = (field: FieldError['field'], da: string, en: string): FieldError => ({ field, da, en });

/** Thrown by the web-form service when a submission cannot be accepted; nothing has been written. */
export class SubmissionRejected extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.en}`).join('; '));
    this.name = 'SubmissionRejected';
  }
}
