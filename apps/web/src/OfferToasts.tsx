// Offers pushed to this agent: shown at once with a countdown; A accepts and R rejects the newest.
import { useEffect, useState } from 'react';
import { api } from './api';
import { formatWait, useT } from './i18n';
import { navigate } from './router';
import { useSocketEvents } from './socket';
import type { CaseSummary, Offer } from './types';

interface ShownOffer extends Offer {
  details?: CaseSummary;
}

const editable = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function OfferToasts() {
  const { t } = useT();
  const [offers, setOffers] = useState<ShownOffer[]>([]);
  const [now, setNow] = useState(Date.now());

  const add = (offer: Offer) => {
    setOffers((current) => (current.some((o) => o.offerId === offer.offerId) ? current : [...current, offer]));
    api.get<CaseSummary>(`/cases/${offer.caseId}`).then(
      (details) => setOffers((current) => current.map((o) => (o.offerId === offer.offerId ? { ...o, details } : o))),
      () => undefined,
    );
  };
  const drop = (offerId: string) => setOffers((current) => current.filter((o) => o.offerId !== offerId));

  useEffect(() => {
    api.get<Offer[]>('/me/offers').then((live) => live.forEach(add), () => undefined);
  }, []);
  useSocketEvents(['offer', 'offer_withdrawn'], (event, payload: Offer) => (event === 'offer' ? add(payload) : drop(payload.offerId)));

  useEffect(() => {
    if (offers.length === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [offers.length]);

  const live = offers.filter((o) => Date.parse(o.expiresAt) > now);

  const accept = async (offer: Offer) => {
    drop(offer.offerId);
    await api.post(`/offers/${offer.offerId}/accept`);
    navigate(`/cases/${offer.caseId}`);
  };
  const reject = async (offer: Offer) => {
    drop(offer.offerId);
    await api.post(`/offers/${offer.offerId}/reject`);
  };

  useEffect(() => {
    const newest = live[live.length - 1];
    if (!newest) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || editable(event.target)) return;
      if (event.key === 'a' || event.key === 'A') void accept(newest);
      if (event.key === 'r' || event.key === 'R') void reject(newest);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  if (live.length === 0) return null;
  return (
    <section className="offers" aria-label={t.newOffer} aria-live="assertive">
      {live.map((offer) => {
        const left = Math.max(0, Math.ceil((Date.parse(offer.expiresAt) - now) / 1000));
        const waited = offer.details ? (now - Date.parse(offer.details.createdAt)) / 1000 : undefined;
        return (
          <div key={offer.offerId} className="offer card" role="alertdialog" aria-labelledby={`offer-${offer.offerId}`}>
            <h2 id={`offer-${offer.offerId}`}>{t.newOffer}</h2>
            <p className="offer-line">
              <span className={`chip ${offer.channel}`}>{t.channels[offer.channel] ?? offer.channel}</span>
              <strong>{offer.reference ?? offer.details?.reference}</strong> {offer.subject ?? offer.details?.subject}
            </p>
            {offer.details && (
              <p className="muted">
                {t.citizen}: {offer.details.citizen.name ?? '—'} · {offer.details.topic} · {t.waiting} {formatWait(waited ?? 0)}
              </p>
            )}
            <p className="countdown" aria-live="off">{t.secondsLeft(left)}</p>
            <div className="row">
              <button type="button" onClick={() => accept(offer)}>{t.accept}</button>
              <button type="button" className="secondary" onClick={() => reject(offer)}>{t.reject}</button>
              <span className="muted small">{t.acceptKey}</span>
            </div>
          </div>
        );
      })}
    </section>
  );
}
