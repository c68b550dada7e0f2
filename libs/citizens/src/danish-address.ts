import { normaliseAddress } from './identity-normaliser';

/**
 * Danish postal addresses as a letter shows them: street and number (with floor and side), then
 * postcode and town. Written one way whatever way a clerk typed it or a letter printed it, so the
 * same address finds the same citizen.
 */
export interface PostalAddress {
  /** "Skolegade 3, 1. th." */
  street: string;
  /** "8660 Skanderborg" */
  postTown: string;
}

const POST_TOWN = /^(?:DK[- ]?)?(\d{4})\s+(\p{L}[\p{L} .'-]*)$/u;
const STREET = /^(\p{L}[\p{L}\p{N} .'-]*?)\s+(?:nr\.?\s*)?(\d{1,4}\s?[A-Za-z]?)\b\s*,?\s*(.*)$/u;
const COUNTRY = /^(danmark|denmark|dk)$/i;

const clean = (line: string) => line.replace(/\s+/g, ' ').replace(/\s*,\s*$/, '').trim();

function street(line: string): string | undefined {
  const match = STREET.exec(clean(line));
  if (!match) return undefined;
  const [, name, number, rest] = match;
  const unit = clean(rest.replace(/^,\s*/, ''));
  return `${name} ${number.replace(/\s/g, '').toUpperCase()}${unit ? `, ${unit}` : ''}`;
}

function postTown(line: string): string | undefined {
  const match = POST_TOWN.exec(clean(line));
  return match ? `${match[1]} ${match[2].trim()}` : undefined;
}

/** Reads an address typed on one line (commas) or several; undefined when it has no street and no postcode + town. */
export function parsePostalAddress(raw: string): PostalAddress | undefined {
  const lines = raw.split(/[\n,]+/).map(clean).filter((line) => line && !COUNTRY.test(line));
  const townAt = lines.findIndex((line) => postTown(line));
  if (townAt < 1) return undefined;
  // "Skolegade 3, 1. th." arrives as two comma-separated parts; the floor part belongs to the street.
  const streetAt = lines.slice(0, townAt).findIndex((line) => street(line));
  if (streetAt < 0) return undefined;
  const unit = lines.slice(streetAt + 1, townAt).join(', ');
  return { street: street([lines[streetAt], unit].filter(Boolean).join(', '))!, postTown: postTown(lines[townAt])! };
}

export const formatPostalAddress = (address: PostalAddress) => `${address.street}\n${address.postTown}`;

/** The citizen identity an address is stored and found under, whoever wrote it: a clerk, a letter or staff correcting it. */
export const addressIdentity = (address: PostalAddress): string => normaliseAddress(formatPostalAddress(address))!;

/**
 * The sender's address printed on a letter: the first street line directly above a postcode + town
 * line (blank lines aside) that is not one of the municipality's own (its address is on the letter
 * too), with the line above it as the sender's name when it has no digits.
 */
export function findSenderAddress(text: string, ownAddresses: string[]): { name?: string; address: PostalAddress } | undefined {
  const own = new Set(ownAddresses.map((a) => a.toLowerCase()));
  // OCR puts blank lines between widely spaced lines; the address block is read without them
  const lines = text.split('\n').map((line) => clean(line.split(/\s{3,}/)[0] ?? '')).filter(Boolean);
  for (let i = 1; i < lines.length; i++) {
    const town = postTown(lines[i]);
    const road = town && street(lines[i - 1]);
    if (!town || !road) continue;
    const address = { street: road, postTown: town };
    if (own.has(formatPostalAddress(address).toLowerCase())) continue;
    const above = lines[i - 2];
    const name = above && /^\p{L}[\p{L} .'-]{1,60}$/u.test(above) ? above : undefined;
    return { name, address };
  }
  return undefined;
}
