import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Emails compare case-insensitively after trimming; the whole address is kept (no plus-tag stripping). */
export function normaliseEmail(raw: string): string | undefined {
  const email = raw.trim().toLowerCase().normalize('NFC');
  return /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/u.test(email) && email.length <= 254 ? email : undefined;
}

/** A phone number in E.164, reading national numbers as Danish unless another region is given. */
export function normalisePhone(raw: string, defaultRegion: 'DK' | 'SE' | 'DE' | 'NO' | 'GB' = 'DK'): string | undefined {
  const phone = parsePhoneNumberFromString(raw.trim(), defaultRegion);
  return phone?.isValid() ? phone.number : undefined;
}

/** Postal addresses compare on lower-cased lines with collapsed spaces. */
export function normaliseAddress(raw: string): string | undefined {
  const lines = raw
    .split(/[\n,]+/)
    .map((line) => line.trim().replace(/\s+/g, ' ').toLowerCase())
    .filter(Boolean);
  return lines.length > 0 ? lines.join(', ').normalize('NFC') : undefined;
}
