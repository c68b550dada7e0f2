import type { Request, Response } from 'express';
import multer from 'multer';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, UploadedFile } from './attachment-inspector';
import { fieldError, FieldError } from './submission-errors';

/**
 * Reads a multipart form into memory with hard caps. Per-file and count limits are one past what we
 * accept, so the form's own checks can name the file that is too big instead of cutting the upload.
 */
const upload = multer({
  storage: multer.memoryStorage(),
  limits: { files: MAX_ATTACHMENTS + 1, fileSize: MAX_ATTACHMENT_BYTES + 1, fields: 20, fieldSize: 100 * 1024, parts: 30 },
}).array('attachments');

export interface ParsedForm {
  fields: Record<string, unknown>;
  files: UploadedFile[];
  errors: FieldError[];
}

export function parseForm(request: Request, response: Response): Promise<ParsedForm> {
  if (!request.is('multipart/form-data')) return Promise.resolve({ fields: request.body ?? {}, files: [], errors: [] });
  return new Promise((resolve) => {
    upload(request, response, (error: unknown) => {
      const files = ((request.files as Express.Multer.File[] | undefined) ?? []).map((f) => ({ originalname: f.originalname, buffer: f.buffer, size: f.size }));
      const fields = { ...(request.body ?? {}) };
      if (!error) return resolve({ fields, files, errors: [] });
      const code = (error as { code?: string }).code;
      const errors =
        code === 'LIMIT_FILE_SIZE'
          ? [fieldError('attachments', 'En fil er større end 10 MB', 'A file is larger than 10 MB')]
          : code === 'LIMIT_FILE_COUNT' || code === 'LIMIT_UNEXPECTED_FILE'
            ? [fieldError('attachments', `Du kan højst vedhæfte ${MAX_ATTACHMENTS} filer i feltet "attachments"`, `You can attach at most ${MAX_ATTACHMENTS} files, in the field "attachments"`)]
            : [fieldError('message', 'Formularen kunne ikke læses; prøv igen', 'The form could not be read; please try again')];
      resolve({ fields, files: [], errors });
    });
  });
}
