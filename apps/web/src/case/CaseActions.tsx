// What can be done to the case as a whole: resolve with an outcome, reopen, return to the queue, transfer.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import type { CaseDetail, Me, Queue } from '../types';

const SUPERVISING = new Set(['supervisor', 'admin']);
const WORKING = new Set(['assigned', 'waiting_on_citizen', 'queued']);

export function CaseActions({ detail, me, onChanged }: { detail: CaseDetail; me: Me; onChanged(detail: CaseDetail): void }) {
  const { t } = useT();
  const [outcome, setOutcome] = useState('answered');
  const [queues, setQueues] = useState<Queue[]>([]);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (SUPERVISING.has(me.role)) api.get<Queue[]>('/queues').then(setQueues, () => undefined);
  }, [me.role]);

  const run = async (action: () => Promise<CaseDetail>) => {
    setError(null);
    try {
      onChanged(await action());
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const setStatus = (status: string) => run(() => api.patch<CaseDetail>(`/cases/${detail.id}`, { status }));
  const resolve = () => run(() => api.post<CaseDetail>(`/cases/${detail.id}/resolution`, { outcome }));
  const transfer = () => run(async () => {
    await api.post(`/routing/cases/${detail.id}/transfer`, { queue: target });
    return api.get<CaseDetail>(`/cases/${detail.id}`);
  });

  return (
    <section className="actions card" aria-label={t.resolve}>
      {WORKING.has(detail.status) && (
        <div className="row wrap">
          <label className="inline">
            <span>{t.resolveWith}</span>
            <select value={outcome} onChange={(e) => setOutcome(e.target.value)}>
              {Object.entries(t.outcomes).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </label>
          <button type="button" onClick={resolve}>{t.resolve}</button>
        </div>
      )}
      {detail.status === 'resolved' && (
        <button type="button" onClick={() => setStatus(detail.assignee ? 'assigned' : 'queued')}>{t.reopen}</button>
      )}
      {(detail.status === 'assigned' || detail.status === 'waiting_on_citizen') && detail.assignee?.id === me.id && (
        <button type="button" className="secondary" onClick={() => setStatus('queued')}>{t.returnToQueue}</button>
      )}
      {SUPERVISING.has(me.role) && detail.status !== 'closed' && (
        <div className="row wrap">
          <label className="inline">
            <span>{t.transfer}</span>
            <select value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">—</option>
              {queues.filter((q) => q.slug !== detail.queue).map((q) => <option key={q.slug} value={q.slug}>{q.name ?? q.slug}</option>)}
            </select>
          </label>
          <button type="button" className="secondary" disabled={!target} onClick={transfer}>{t.transferDo}</button>
        </div>
      )}
      {error && <p role="alert" className="error">{t.error}: {error}</p>}
    </section>
  );
}
