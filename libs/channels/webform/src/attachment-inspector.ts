import { fieldError, FieldError } from './submission-errors';

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** What citizens may attach: PDF, common images and Office/OpenDocument files, recognised by their bytes. */
const ALLOWED_TYPES = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/tiff',
  'image/heic',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/x-cfb',
  'application/rtf',
]);

/** Legacy .doc/.xls are OLE compound files; they get their usual type back from the name. */
const CFB_BY_EXTENSION: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' };

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export interface InspectedFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

type Detect = (buffer: Uint8Array) => Promise<{ mime: string } | undefined>;

let detector: Promise<Detect> | undefined;
// file-type is ESM-only; loaded once on first use.
const detect: Detect = async (buffer) => {
  detector ??= import('file-type').then((m) => m.fileTypeFromBuffer as Detect);
  return (await detector)(buffer);
};

/** Multipart parsers hand over UTF-8 file names read as Latin-1; undo that when it is what happened. */
function decodeName(name: string): string {
  if (/[^\u0000-\u00ff]/.test(name)) return name;
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? name : utf8;
}

function safeFilename(name: string): string {
  const base = decodeName(name).normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').trim().slice(0, 200);
  return cleaned || 'vedhæftning';
}

/** Checks count, size and type by content; returns the files with their detected types, or what is wrong. */
export async function inspectAttachments(files: UploadedFile[]): Promise<{ files: InspectedFile[]; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  if (files.length > MAX_ATTACHMENTS) {
    errors.push(fieldError('attachments', `Du kan højst vedhæfte ${MAX_ATTACHMENTS} filer`, `You can attach at most ${MAX_ATTACHMENTS} files`));
    return { files: [], errors };
  }
  const inspected: InspectedFile[] = [];
  for (const file of files) {
    const filename = safeFilename(file.originalname);
    if (file.size === 0) {
      errors.push(fieldError('attachments', `Filen ${filename} er tom`, `The file ${filename} is empty`));
      continue;
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      errors.push(fieldError('attachments', `Filen ${filename} er større end 10 MB`, `The file ${filename} is larger than 10 MB`));
      continue;
    }
    const type = await detect(file.buffer);
    if (!type || !ALLOWED_TYPES.has(type.mime)) {
      errors.push(fieldError('attachments', `Filen ${filename} er ikke en PDF, et billede eller et Office-dokument`, `The file ${filename} is not a PDF, an image or an Office document`));
      continue;
    }
    const extension = filename.split('.').pop()?.toLowerCase() ?? '';
    const contentType = type.mime === 'application/x-cfb' ? (CFB_BY_EXTENSION[extension] ?? 'application/x-cfb') : type.mime;
    inspected.push({ filename, contentType, content: file.buffer });
  }
  return { files: inspected, errors };
}
