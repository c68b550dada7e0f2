// The citizen's single view of one case: header, timeline across channels, composer, actions,
// contact details and the citizen's other cases. Refreshes itself when the socket says the case changed.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { formatTime, useT } from '../i18n';
import { navigate } from '../router';
import { useSocketEvents } from '../socket';
import type { CaseDetail, Me } from '../types';
import { CaseActions } from './CaseActions';
import { CitizenAddress } from './CitizenAddress';
import { Composer } from './Composer';
import { Timeline } from './Timeline';

export function CaseView({ id, me }: { id: string; me: Me }) {
  const { t, language } = useT();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  const load = () => api.get<CaseDetail>(`/cases/${id}`).then(setDetail, (e: Error) => setError(e.message));
  useEffect(() => {
    void load();
  }, [id]);
  // opening the case reads it for this staff member everywhere; a contact arriving while it is open is read too
  useEffect(() => {
    if (detail) api.put(`/cases/${detail.id}/read`, {}).catch(() => undefined);
  }, [detail?.id, detail?.lastContactAt]);
  const markUnread = async () => {
    await api.delete(`/cases/${id}/read`).catch(() => undefined);
    navigate('');
  };
  useEffect(() => {
    if (detail?.status !== 'resolved') return setOutcome(null);
    api.get<{ outcome: string }[]>(`/cases/${id}/resolution`).then((all) => setOutcome(all[all.length - 1]?.outcome ?? null), () => undefined);
  }, [detail?.status, detail?.updatedAt]);
  useSocketEvents(['contact_received', 'case_updated', 'case_assigned'], (_event, payload: { caseId: string }) => {
    if (payload.caseId === id) void load();
  });

  if (error) return <p role="alert" className="error">{t.error}: {error}</p>;
  if (!detail) return <p className="muted">{t.loading}</p>;

  // a resolution answers with its outcome; other changes leave the outcome to the effect above
  const changed = (next: CaseDetail) => {
    if (next.resolutions?.length) setOutcome(next.resolutions[next.resolutions.length - 1].outcome);
    setDetail(next);
  };
  const open = (path: string) => (e: React.MouseEvent) => {
    e.preventDefault();
    navigate(path);
  };

  return (
    <div className="case-view">
      <a href="/app" className="back" onClick={open('')}>← {t.back}</a>
      <header className="case-header">
        <h1><span className="ref">{detail.reference}</span> {detail.subject}</h1>
        <p className="muted">
          <span className={`chip ${detail.channel}`}>{t.channels[detail.channel] ?? detail.channel}</span>{' '}
          <span className={`status ${detail.status}`} data-testid="case-status">{t.statuses[detail.status] ?? detail.status}</span>
          {outcome && <span data-testid="case-outcome"> ({t.outcome}: {t.outcomes[outcome] ?? outcome})</span>}
          {' · '}{detail.topic} · {t.queue}: {detail.queue} · {t.assignee}: {detail.assignee?.name ?? '—'}
          {' '}<button type="button" className="quiet small" onClick={markUnread}>{t.markUnread}</button>
        </p>
      </header>
      <div className="case-columns">
        <div className="case-main">
          <h2 className="visually-hidden">{t.timeline}</h2>
          <Timeline detail={detail} />
          {detail.status !== 'closed' && <Composer detail={detail} me={me} onDone={load} />}
        </div>
        <aside className="case-side">
          <CaseActions detail={detail} me={me} onChanged={changed} />
          <section className="card">
            <h2>{t.citizen}</h2>
            <p><strong>{detail.citizen.name ?? '—'}</strong></p>
            <h3>{t.contactDetails}</h3>
            <ul className="plain">
              {[...detail.citizen.emails, ...detail.citizen.phones, ...detail.citizen.addresses].map((v) => <li key={v}>{v}</li>)}
            </ul>
            <CitizenAddress key={detail.citizen.id} citizenId={detail.citizen.id} name={detail.citizen.name} onSaved={load} />
            <h3>{t.otherCases}</h3>
            {detail.citizen.otherCases.length === 0 ? <p className="muted">{t.none}</p> : (
              <ul className="plain">
                {detail.citizen.otherCases.map((c) => (
                  <li key={c.id}>
                    <a href={`/app/cases/${c.id}`} onClick={open(`/cases/${c.id}`)}>{c.reference}</a> {c.subject}{' '}
                    <span className="muted small">{t.statuses[c.status] ?? c.status} · {formatTime(c.createdAt, language)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
