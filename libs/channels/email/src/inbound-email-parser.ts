import { createHash } from 'node:crypto';
import { AddressObject, simpleParser } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import { splitQuotedHistory } from './quoted-history';
import { safeAddress, safeMessageId } from './safe-headers';

/** A message that cannot be turned into a contact; quarantined with this reason, never retried blindly. */
export class UnreadableEmail extends Error {
  override name = 'UnreadableEmail';
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface ParsedEmail {
  /** the Message-ID, or `sha256:<hex>` of the raw message when it has none */
  externalId: string;
  messageId?: string;
  from?: { name?: string; address: string };
  subject: string;
  /** what the sender wrote now */
  text: string;
  /** the quoted history below it */
  quoted?: string;
  /** sanitised HTML for display; the original stays in the attached message.eml */
  html?: string;
  attachments: EmailAttachment[];
  /** attachments left out for size, by name */
  omitted: string[];
  inReplyTo?: string;
  references: string[];
  noiseHeaders: { contentType: string; autoSubmitted?: string; precedence?: string; listId?: string; xAutoreply: boolean };
}

export interface ParseLimits {
  maxAttachmentBytes: number;
}

type Detect = (buffer: Uint8Array) => Promise<{ mime: string } | undefined>;
let detector: Promise<Detect> | undefined;
// file-type is ESM-only; loaded once on first use. Attachment types come from the bytes, never the sender's claim.
const detect: Detect = async (buffer) => {
  detector ??= import('file-type').then((m) => m.fileTypeFromBuffer as Detect);
  return (await detector)(buffer);
};

const DISPLAY_HTML: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'span', 'font', 'center'],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'], '*': ['style', 'align', 'dir'] },
  // remote images are tracking pixels; only inline (cid:) and embedded images are shown
  allowedSchemesByTag: { img: ['cid', 'data'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedStyles: { '*': { color: [/^[#a-z0-9(),.\s%]+$/i], 'text-align': [/^(left|right|center|justify)$/], 'font-weight': [/^(bold|normal|\d{3})$/] } },
  disallowedTagsMode: 'discard',
};

// eslint-disable-next-line no-control-regex
const withoutNul = (text: string) => text.replace(/\u0000/g, '');

function safeFilename(name: string | undefined, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name ?? '').normalize('NFC').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').trim().slice(0, 200);
  return base || fallback;
}

/** A header as the sender wrote it (mailparser restructures some, e.g. List-*), unfolded. */
function header(lines: readonly { key: string; line: string }[], name: string): string | undefined {
  const found = lines.find((l) => l.key === name);
  return found?.line.slice(found.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
}

function contentTypeOf(headers: Map<string, unknown>): string {
  const value = headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (!value) return '';
  return [value.value ?? '', ...Object.entries(value.params ?? {}).map(([k, v]) => `${k}=${v}`)].join('; ');
}

function firstAddress(from: AddressObject | AddressObject[] | undefined): { name?: string; address: string } | undefined {
  const entry = (Array.isArray(from) ? from[0] : from)?.value[0];
  const address = safeAddress(entry?.address);
  if (!address) return undefined;
  const name = entry?.name?.replace(/[\r\n"]/g, ' ').trim();
  return name ? { name, address } : { address };
}

/** Parses a raw RFC 5322 message with mailparser (charsets and encoded words included) into what intake needs. */
export async function parseInboundEmail(raw: Buffer, limits: ParseLimits): Promise<ParsedEmail> {
  let mail;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true, maxHtmlLengthToParse: 5 * 1024 * 1024 });
  } catch (error) {
    throw new UnreadableEmail(`the message cannot be parsed (${(error as Error).message})`);
  }
  if (mail.headers.size === 0) throw new UnreadableEmail('the message has no headers');
  const messageId = safeMessageId(mail.messageId);
  const references = (Array.isArray(mail.references) ? mail.references : mail.references ? mail.references.split(/\s+/) : [])
    .map((r) => safeMessageId(r)).filter((r): r is string => !!r);
  const split = splitQuotedHistory(withoutNul(mail.text ?? ''));
  const attachments: EmailAttachment[] = [];
  const omitted: string[] = [];
  for (const [i, a] of mail.attachments.entries()) {
    if (/^message\/(delivery-status|disposition-notification)$|^text\/rfc822-headers$/i.test(a.contentType)) continue;
    const filename = safeFilename(a.filename, `vedhæftning-${i + 1}`);
    if (a.size === 0) continue;
    if (a.size > limits.maxAttachmentBytes) {
      omitted.push(filename);
      continue;
    }
    const type = await detect(a.content);
    // inline images (cid:) are kept like any attachment; the sanitised HTML keeps their cid: references
    attachments.push({ filename, contentType: type?.mime ?? 'application/octet-stream', content: a.content });
  }
  const html = typeof mail.html === 'string' && mail.html.trim() ? withoutNul(sanitizeHtml(mail.html, DISPLAY_HTML)) : undefined;
  return {
    externalId: messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`,
    messageId,
    from: firstAddress(mail.from),
    subject: withoutNul(mail.subject ?? '').replace(/[\r\n]+/g, ' ').trim(),
    text: split.text,
    quoted: split.quoted,
    html,
    attachments,
    omitted,
    inReplyTo: safeMessageId(mail.inReplyTo),
    references,
    noiseHeaders: {
      contentType: contentTypeOf(mail.headers),
      autoSubmitted: header(mail.headerLines, 'auto-submitted')?.split(';')[0].trim(),
      precedence: header(mail.headerLines, 'precedence'),
      listId: header(mail.headerLines, 'list-id'),
      xAutoreply: header(mail.headerLines, 'x-autoreply') !== undefined || header(mail.headerLines, 'x-autorespond') !== undefined,
    },
  };
}
