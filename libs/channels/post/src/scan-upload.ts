import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Language } from '@kontakt/core';
import type { UploadedScan } from './register-letters';

export const MAX_FILES_PER_REGISTRATION = 50;
/** Scans are held in memory while they are checked; one registration carries at most this many times the file limit. */
export const REGISTRATION_FILE_BUDGET = 5;

/** The API's message language: Danish when Accept-Language puts it first, else English. */
export function apiLanguage(request: Request): Language {
  const first = (request.headers['accept-language'] ?? '').split(',')[0].trim().slice(0, 2).toLowerCase();
  return first === 'da' ? 'da' : 'en';
}

/**
 * Reads the mailroom's multipart form into memory. The size cap is one byte past the limit, so a file
 * just over it reaches the inspector, which names it; multer stops anything far larger mid-upload.
 */
export function readScanUpload(request: Request, response: Response, maxBytes: number): Promise<{ fields: Record<string, unknown>; files: UploadedScan[] }> {
  const language = apiLanguage(request);
  if (!request.is('multipart/form-data')) {
    return Promise.reject(new BadRequestException(language === 'da' ? 'Send scanningerne som multipart/form-data i feltet "files"' : 'Send the scans as multipart/form-data in the field "files"'));
  }
  const mb = Math.round(maxBytes / (1024 * 1024));
  const total = Number(request.headers['content-length'] ?? 0);
  if (total > maxBytes * REGISTRATION_FILE_BUDGET) {
    const most = mb * REGISTRATION_FILE_BUDGET;
    return Promise.reject(new PayloadTooLargeException(language === 'da' ? `Send højst ${most} MB ad gangen; del bunken op` : `Send at most ${most} MB at a time; split the pile`));
  }
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { files: MAX_FILES_PER_REGISTRATION, fileSize: maxBytes + 1, fields: 10, fieldSize: 10 * 1024, parts: MAX_FILES_PER_REGISTRATION + 10 },
  }).array('files');
  return new Promise((resolve, reject) => {
    upload(request, response, (error: unknown) => {
      const code = (error as { code?: string } | undefined)?.code;
      if (code === 'LIMIT_FILE_SIZE') return reject(new PayloadTooLargeException(language === 'da' ? `En fil er større end ${mb} MB` : `A file is larger than ${mb} MB`));
      if (code === 'LIMIT_FILE_COUNT' || code === 'LIMIT_UNEXPECTED_FILE') {
        return reject(new BadRequestException(language === 'da'
          ? `Send højst ${MAX_FILES_PER_REGISTRATION} filer ad gangen, i feltet "files"`
          : `Send at most ${MAX_FILES_PER_REGISTRATION} files at a time, in the field "files"`));
      }
      if (error) return reject(new BadRequestException(language === 'da' ? 'Formularen kunne ikke læses' : 'The form could not be read'));
      const files = ((request.files as Express.Multer.File[] | undefined) ?? []).map((f) => ({ filename: safeFilename(f.originalname), content: f.buffer }));
      resolve({ fields: { ...(request.body ?? {}) }, files });
    });
  });
}

/** Multipart parsers hand over UTF-8 file names read as Latin-1; undo that, and keep only the base name. */
function safeFilename(name: string): string {
  const utf8 = /[^\u0000-\u00ff]/.test(name) ? name : Buffer.from(name, 'latin1').toString('utf8');
  const decoded = utf8.includes('\uFFFD') ? name : utf8;
  // eslint-disable-next-line no-control-regex
  const base = (decoded.normalize('NFC').split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').trim().slice(0, 200);
  return base || 'scanning';
}
