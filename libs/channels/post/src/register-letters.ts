import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '@kontakt/config';
import { Bilingual, DomainError, Language } from '@kontakt/core';
import { extractReferences } from '@kontakt/cases';
import { IntakeService } from '@kontakt/intake';
import { TopicsService } from '@kontakt/topics';
import { findSenderAddress, formatPostalAddress, parsePostalAddress } from '@kontakt/citizens';
import { PostScansRepository } from './post-scans.repository';
import { InspectedScan, inspectScan } from './scan-inspector';
import { letterSubject } from './letter-subject';
import { embeddedText } from './text-extraction';

/** pdftotext on a checked PDF takes milliseconds; far longer means a pathological file, left to the worker. */
const EMBEDDED_TEXT_TIMEOUT_MS = 15_000;
const MAX_READING_ATTEMPTS = 3;

export interface UploadedScan {
  filename: string;
  content: Buffer;
}

export interface LetterFields {
  senderName?: string;
  senderAddress?: string;
  receivedAt?: string;
  topic?: string;
}

export interface RegisteredLetter {
  filename: string;
  caseId: string;
  reference: string;
  contactId: string;
  newCase: boolean;
  duplicate: boolean;
  pages: number;
  /** `done` when the PDF's own text was read; `pending` while OCR reads it */
  text: 'done' | 'pending';
}

/** Scans refused before anything was recorded, each with what is wrong in both languages. */
export class LettersRefused extends Error {
  constructor(readonly problems: Bilingual[]) {
    super(problems.map((p) => p.en).join('; '));
    this.name = 'LettersRefused';
  }

  describe(language: Language): string {
    return this.problems.map((p) => p[language]).join('; ');
  }
}

/**
 * The mailroom's use case: registers a pile of scanned letters. Every file is checked first (one bad
 * file refuses the pile, so the clerk can fix it and send it again whole); then each letter becomes a
 * contact on channel post through intake, with its embedded text when the PDF has one (threading by a
 * case reference it quotes, finding the sender by the address it shows), or waiting for OCR.
 */
@Injectable()
export class RegisterLetters {
  private readonly logger = new Logger(RegisterLetters.name);

  constructor(
    private readonly intake: IntakeService,
    private readonly scans: PostScansRepository,
    private readonly topics: TopicsService,
    private readonly config: AppConfig,
  ) {}

  async execute(files: UploadedScan[], fields: LetterFields): Promise<RegisteredLetter[]> {
    if (files.length === 0) throw new LettersRefused([{ da: 'Vedhæft mindst én scannet fil i feltet "files"', en: 'Attach at least one scanned file in the field "files"' }]);
    const receivedAt = this.receivedAt(fields.receivedAt);
    if (fields.topic && !(await this.topics.active()).some((t) => t.slug === fields.topic)) throw new DomainError('invalid', `topic ${fields.topic} is not an active topic`);
    const givenAddress = fields.senderAddress === undefined ? undefined : parsePostalAddress(fields.senderAddress);
    if (fields.senderAddress !== undefined && !givenAddress) {
      throw new LettersRefused([{ da: 'senderAddress skal være gade og nummer, derefter postnummer og by', en: 'senderAddress must be street and number, then postcode and town' }]);
    }
    const scans: InspectedScan[] = [];
    const problems: Bilingual[] = [];
    for (const file of files) {
      const inspection = await inspectScan(file.filename, file.content, { maxBytes: this.config.postMaxUploadBytes, maxPages: this.config.postMaxPages });
      if (inspection.ok) scans.push(inspection.scan);
      else problems.push(inspection.problem);
    }
    if (problems.length > 0) throw new LettersRefused(problems);

    const registered: RegisteredLetter[] = [];
    for (const scan of scans) registered.push(await this.registerOne(scan, fields, givenAddress && formatPostalAddress(givenAddress), receivedAt));
    return registered;
  }

  private async registerOne(scan: InspectedScan, fields: LetterFields, givenAddress: string | undefined, receivedAt: Date): Promise<RegisteredLetter> {
    const embedded = scan.contentType === 'application/pdf' ? await embeddedText(scan.content, EMBEDDED_TEXT_TIMEOUT_MS).catch(() => undefined) : undefined;
    const text = embedded?.text;
    // typed pages are read at once; a letter with scanned pages too waits for OCR to read those
    const read = text !== undefined && embedded!.scannedPages.length === 0;
    const own = parsePostalAddress(this.config.postSenderAddress.join('\n'));
    const shown = text && !givenAddress ? findSenderAddress(text, own ? [formatPostalAddress(own)] : []) : undefined;
    const references = text ? extractReferences(text) : [];
    const result = await this.intake.receive(
      {
        channel: 'post',
        // the same file registered twice is one letter
        externalId: `sha256:${createHash('sha256').update(scan.content).digest('hex')}`,
        sender: { name: fields.senderName?.trim() || shown?.name, address: givenAddress ?? (shown && formatPostalAddress(shown.address)) },
        subject: text ? letterSubject(text) : undefined,
        bodyText: text ?? '',
        attachments: [{ filename: scan.filename, contentType: scan.contentType, content: scan.content }],
        topicSlug: fields.topic,
        occurredAt: receivedAt,
        thread: references.length > 0 ? { references } : undefined,
      },
      {
        inTransaction: (tx, recorded) =>
          this.scans.insert(tx, {
            contactId: recorded.contactId, caseId: recorded.caseId, contentType: scan.contentType, pages: scan.pages, topicChosen: fields.topic !== undefined,
            status: read ? 'done' : 'pending', method: read ? 'embedded' : undefined, receivedAt, maxAttempts: MAX_READING_ATTEMPTS,
          }),
      },
    );
    this.logger.log({ event: 'letter_registered', caseId: result.caseId, contactId: result.contactId, pages: scan.pages, text: read ? 'embedded' : 'ocr', duplicate: result.duplicate });
    return {
      filename: scan.filename, caseId: result.caseId, reference: result.reference, contactId: result.contactId, newCase: result.newCase,
      duplicate: result.duplicate, pages: scan.pages, text: read ? 'done' : 'pending',
    };
  }

  private receivedAt(raw: string | undefined): Date {
    if (raw === undefined) return new Date();
    const at = new Date(raw);
    if (Number.isNaN(at.getTime())) throw new DomainError('invalid', 'receivedAt is not a date');
    if (at.getTime() > Date.now() + 24 * 60 * 60 * 1000) throw new DomainError('invalid', 'receivedAt cannot be in the future');
    return at;
  }
}
