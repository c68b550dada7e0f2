import type { ParsedEmail } from './inbound-email-parser';

/**
 * What kind of mail this is, for loop protection: bounces are matched to what Kontakt sent,
 * out-of-office replies are recorded without reopening, and automatic or bulk mail never gets an
 * acknowledgement (two auto-responders answering each other is the classic mail loop).
 */
export type EmailKind = 'bounce' | 'auto_reply' | 'citizen';

export interface EmailNoise {
  kind: EmailKind;
  /** why no acknowledgement may go out, if so */
  noAcknowledgement?: string;
}

const DAEMON = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;
const NOREPLY = /^(no-?reply|do-?not-?reply|donotreply|noreply-[^@]*|bounces?(\+[^@]*)?)@/i;
const BOUNCE_SUBJECT = /(undeliver|delivery status notification|returned mail|mail delivery failed|delivery failure|kunne ikke leveres|ikke leveret)/i;
const AUTO_REPLY_SUBJECT = /^(auto(matic)? ?(reply|svar|response)|autosvar|out of (the )?office|fraværende|ikke på kontoret|fraværsbesked|auto:)/i;

export function classifyEmail(email: ParsedEmail): EmailNoise {
  const h = email.noiseHeaders;
  const from = email.from?.address ?? '';
  const isReport = /multipart\/report/i.test(h.contentType) && /delivery-status/i.test(h.contentType);
  if (isReport || (DAEMON.test(from) && BOUNCE_SUBJECT.test(email.subject))) return { kind: 'bounce', noAcknowledgement: 'delivery status notification' };

  const autoSubmitted = h.autoSubmitted?.toLowerCase();
  const autoReply = autoSubmitted === 'auto-replied' || h.xAutoreply || AUTO_REPLY_SUBJECT.test(email.subject.trim());
  if (autoReply) return { kind: 'auto_reply', noAcknowledgement: 'automatic reply' };

  const noAcknowledgement =
    autoSubmitted && autoSubmitted !== 'no' ? `Auto-Submitted: ${autoSubmitted}`
      : h.precedence && /^(bulk|junk|list)$/i.test(h.precedence) ? `Precedence: ${h.precedence}`
        : h.listId ? 'List-Id'
          : DAEMON.test(from) ? 'mailer-daemon sender'
            : NOREPLY.test(from) ? 'noreply sender'
              : !from ? 'no sender address'
                : undefined;
  return { kind: 'citizen', noAcknowledgement };
}
