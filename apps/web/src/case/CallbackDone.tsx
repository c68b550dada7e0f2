// Logging a requested phone call-back as done from the case: outcome, duration and notes go on the
// case's timeline as staff's outbound call, and the call-back leaves the open list.
import { FormEvent, useEffect, useState } from 'react';
import { api } from '../api';
import { formatTime, useT } from '../i18n';
import { useSocketEvents } from '../socket';

interface Callback { id: string; caseId: string; phone: string; dueAt: string }

const OUTCOMES = ['completed', 'follow-up-needed', 'referred', 'no-answer', 'busy', 'left-message'];

export function CallbackDone({ caseId, onDone }: { caseId: string; onDone(): void }) {
  const { t, language } = useT();
  const [callbacks, setCallbacks] = useState<Callback[]>([]);
  const [outcome, setOutcome] = useState('completed');
  const [minutes, setMinutes] = useState('');
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = () => api.get<Callback[]>(`/phone/callbacks?caseId=${caseId}`).then(setCallbacks, () => setCallbacks([]));
  useEffect(() => {
    void load();
  }, [caseId]);
  useSocketEvents(['contact_received'], (_event, payload: { caseId: string }) => {
    if (payload.caseId === caseId) void load();
  });

  const callback = callbacks[0];
  if (!callback) return message ? <p role="status" className="ok">{message.text}</p> : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const durationSeconds = Math.round(Number(minutes.replace(',', '.')) * 60);
      await api.post(`/phone/callbacks/${callback.id}/done`, { outcome, durationSeconds, ...(notes.trim() ? { notes: notes.trim() } : {}) });
      setMinutes('');
      setNotes('');
      setMessage({ ok: true, text: t.callbackLogged });
      await load();
      onDone();
    } catch (e) {
      setMessage({ ok: false, text: `${t.error}: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="composer card callback" onSubmit={submit} aria-labelledby="callback-title">
      <h2 id="callback-title">{t.callbackTitle}</h2>
      <p>{t.callbackRequested(callback.phone, formatTime(callback.dueAt, language))}</p>
      <div className="row wrap">
        <label className="inline">
          <span>{t.callbackOutcome}</span>
          <select value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            {OUTCOMES.map((o) => <option key={o} value={o}>{t.callOutcomes[o]}</option>)}
          </select>
        </label>
        <label className="inline">
          <span>{t.callbackMinutes}</span>
          <input type="number" min={0} max={1440} step="0.5" required value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </label>
      </div>
      <label>
        <span>{t.callbackNotes}</span>
        <textarea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit" disabled={busy}>{t.callbackDone}</button>
        {message && <span role="status" className={message.ok ? 'ok' : 'error'}>{message.text}</span>}
      </div>
    </form>
  );
}
