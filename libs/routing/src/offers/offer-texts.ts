import { DomainError, notFound } from '@kontakt/core';
import type { OfferStatus } from '../data/offers.repository';

const ENDED: Record<Exclude<OfferStatus, 'pending'>, { da: string; en: string }> = {
  accepted: { da: 'Tilbuddet er allerede accepteret.', en: 'The offer has already been accepted.' },
  rejected: { da: 'Tilbuddet er allerede afvist.', en: 'The offer has already been rejected.' },
  expired: { da: 'Tilbuddet er udløbet, og sagen er sendt videre.', en: 'The offer has expired and the case has moved on.' },
  withdrawn: { da: 'Tilbuddet er trukket tilbage.', en: 'The offer has been withdrawn.' },
};

/** The offer is no longer open; the message says what happened to it. */
export function offerNotOpen(status: OfferStatus): DomainError {
  const text = ENDED[status as Exclude<OfferStatus, 'pending'>] ?? ENDED.expired;
  return new DomainError('conflict', `This offer is no longer open: ${text.en}`, text);
}

/** Unknown offers and other agents' offers look the same, so ids cannot be probed. */
export const offerNotFound = (id: string) => notFound(`Offer ${id} for you`);
