/**
 * Header values Kontakt writes come from citizens and staff (subjects, names). A CR or LF would
 * start a new header (Bcc: injection); every such value passes through here before nodemailer.
 */
export function singleLine(value: string, max = 900): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\r\n\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim().slice(0, max);
}

const ADDRESS = /^[^\s@<>",;()\\[\]]+@[^\s@<>",;()\\[\]]+\.[^\s@<>",;()\\[\]]+$/;

/** A bare address Kontakt may send to, lower-cased; anything else (display names, lists, line breaks) is refused. */
export function safeAddress(value: string | undefined): string | undefined {
  const address = value?.trim().toLowerCase();
  return address && ADDRESS.test(address) ? address : undefined;
}

/** A Message-ID as `<id@domain>`, or undefined when it is not one. */
export function safeMessageId(value: string | undefined): string | undefined {
  const id = value?.trim();
  return id && /^<[^<>\s]{1,500}@[^<>\s]{1,250}>$/.test(id) ? id : undefined;
}
