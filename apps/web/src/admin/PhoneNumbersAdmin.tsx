// The municipality's Twilio numbers: a label, calls and/or texts, and optionally the queue it is the direct line of.
import { FormEvent, useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { FeedbackLine, QueueRow, useFeedback } from './shared';

type Kind = 'voice' | 'sms';
interface PhoneNumber { id: string; number: string; label: string; queue: string | null; kinds: Kind[] }
interface Draft { number: string; label: string; queue: string; kinds: Kind[] }

const EMPTY: Draft = { number: '', label: '', queue: '', kinds: ['voice', 'sms'] };
const KINDS: Kind[] = ['voice', 'sms'];

function NumberForm({ initial, queues, submitLabel, name, onSubmit, onCancel }: {
  initial: Draft; queues: QueueRow[]; submitLabel: string; name: string; onSubmit(draft: Draft): Promise<void>; onCancel?(): void;
}) {
  const { t, language } = useT();
  const [draft, setDraft] = useState(initial);
  const { feedback, setFeedback, run } = useFeedback();
  const kindName = { voice: t.takesVoice, sms: t.takesSms };

  const toggle = (kind: Kind, on: boolean) => setDraft({ ...draft, kinds: KINDS.filter((k) => (k === kind ? on : draft.kinds.includes(k))) });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.kinds.length === 0) return setFeedback({ ok: false, text: t.chooseKind });
    if (await run(() => onSubmit(draft)) && !onCancel) setDraft(EMPTY);
  };

  return (
    <form className="row wrap" aria-label={name} onSubmit={submit}>
      <label><span>{t.lineNumber}</span><input required type="tel" maxLength={30} placeholder="+4570123456" value={draft.number} onChange={(e) => setDraft({ ...draft, number: e.target.value })} /></label>
      <label><span>{t.lineLabel}</span><input required maxLength={100} value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value })} /></label>
      <label><span>{t.directQueue}</span>
        <select value={draft.queue} onChange={(e) => setDraft({ ...draft, queue: e.target.value })}>
          <option value="">{t.mainLine}</option>
          {queues.map((q) => <option key={q.slug} value={q.slug}>{language === 'en' ? q.name_en : q.name_da}</option>)}
        </select>
      </label>
      <fieldset className="inline-fieldset">
        <legend>{t.lineKinds}</legend>
        {KINDS.map((k) => <label key={k} className="inline"><input type="checkbox" checked={draft.kinds.includes(k)} onChange={(e) => toggle(k, e.target.checked)} />{kindName[k]}</label>)}
      </fieldset>
      <button type="submit">{submitLabel}</button>
      {onCancel && <button type="button" className="secondary" onClick={onCancel}>{t.cancel}</button>}
      <FeedbackLine feedback={feedback} />
    </form>
  );
}

export function PhoneNumbers() {
  const { t, language } = useT();
  const [numbers, setNumbers] = useState<PhoneNumber[] | null>(null);
  const [queues, setQueues] = useState<QueueRow[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const { feedback, run } = useFeedback();

  const load = () => api.get<PhoneNumber[]>('/phone/numbers').then(setNumbers, () => undefined);
  useEffect(() => {
    void load();
    api.get<QueueRow[]>('/queues').then(setQueues, () => undefined);
  }, []);
  const body = (d: Draft) => ({ number: d.number.trim(), label: d.label.trim(), queue: d.queue || null, kinds: d.kinds });
  const create = async (d: Draft) => {
    await api.post('/phone/numbers', body(d));
    await load();
  };
  const update = (id: string) => async (d: Draft) => {
    await api.put(`/phone/numbers/${id}`, body(d));
    setEditing(null);
    await load();
  };
  const remove = (n: PhoneNumber) => run(async () => {
    await api.delete(`/phone/numbers/${n.id}`);
    await load();
  }, t.removed);
  const queueName = (slug: string | null) => {
    const queue = queues.find((q) => q.slug === slug);
    return queue ? (language === 'en' ? queue.name_en : queue.name_da) : (slug ?? t.mainLine);
  };

  return (
    <section aria-labelledby="admin-numbers">
      <h3 id="admin-numbers">{t.phoneNumbers}</h3>
      <p className="muted small">{t.phoneNumbersHint}</p>
      {numbers === null ? <p className="muted">{t.loading}</p> : numbers.length === 0 ? <p className="muted">{t.none}</p> : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.lineNumber}</th><th scope="col">{t.lineLabel}</th><th scope="col">{t.directQueue}</th><th scope="col">{t.lineKinds}</th>
              <th scope="col"><span className="visually-hidden">{t.actions}</span></th>
            </tr>
          </thead>
          <tbody>
            {numbers.map((n) => (editing === n.id ? (
              <tr key={n.id} data-number={n.number}>
                <td colSpan={5}>
                  <NumberForm initial={{ number: n.number, label: n.label, queue: n.queue ?? '', kinds: n.kinds }} queues={queues} submitLabel={t.save}
                    name={t.editNumber(n.number)} onSubmit={update(n.id)} onCancel={() => setEditing(null)} />
                </td>
              </tr>
            ) : (
              <tr key={n.id} data-number={n.number}>
                <th scope="row">{n.number}</th>
                <td>{n.label}</td>
                <td>{queueName(n.queue)}</td>
                <td>{n.kinds.map((k) => (k === 'voice' ? t.takesVoice : t.takesSms)).join(', ')}</td>
                <td>
                  <button type="button" className="secondary" aria-label={t.editNumber(n.number)} onClick={() => setEditing(n.id)}>{t.edit}</button>{' '}
                  <button type="button" className="quiet" aria-label={t.removeNumber(n.number)} onClick={() => void remove(n)}>{t.remove}</button>
                </td>
              </tr>
            )))}
          </tbody>
        </table>
      )}
      <FeedbackLine feedback={feedback} />
      <NumberForm initial={EMPTY} queues={queues} submitLabel={t.addNumber} name={t.addNumber} onSubmit={create} />
    </section>
  );
}
