import { Injectable } from '@nestjs/common';
import { extractReferences, hashStatusToken } from '@kontakt/cases';
import { Database } from '@kontakt/database';
import { EmailMessagesRepository } from './email-messages.repository';
import type { ParsedEmail } from './inbound-email-parser';

const STATUS_LINK = /\/status\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g;

/**
 * Which case an email answers, as case references for intake, strongest evidence first: the
 * reference in the subject (`[K-2026-000123]`), the Message-IDs in In-Reply-To/References that
 * Kontakt sent or received on a case, then a status link quoted anywhere in the text.
 */
@Injectable()
export class EmailThreadResolver {
  constructor(private readonly db: Database, private readonly messages: EmailMessagesRepository) {}

  async references(email: ParsedEmail): Promise<string[]> {
    const bySubject = extractReferences(email.subject);
    const answered = [email.inReplyTo, ...[...email.references].reverse()].filter((id): id is string => !!id);
    const byMessageId = await this.messages.referencesOf(this.db, answered);
    const byStatusLink: string[] = [];
    for (const match of `${email.text}\n${email.quoted ?? ''}`.matchAll(STATUS_LINK)) {
      const reference = await this.messages.referenceByStatusTokenHash(this.db, hashStatusToken(match[1]));
      if (reference) byStatusLink.push(reference);
    }
    return [...new Set([...bySubject, ...byMessageId, ...byStatusLink])];
  }
}
