// One composer for the case: a reply on the chosen channel (with attachments and templates from the
// server), or an internal note; above it, when the citizen asked to be rung back, logging that call-back.
import { FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import type { CaseDetail, Me } from '../types';
import { CallbackDone } from './CallbackDone';
import { fillTemplate, loadTemplates, ReplyTemplate } from './templates';

/** The channels a reply can go out on for this citizen, the case's own channel first. */
function replyChannels(detail: CaseDetail): string[] {
  const possible = [detail.channel];
  if (detail.citizen.emails.length > 0) possible.push('email');
  if (detail.citizen.phones.length > 0) possible.push('sms');
  if (detail.citizen.addresses.length > 0) possible.push('post');
  return [...new Set(possible.filter((c) => c !== 'phone'))];
}

export function Composer({ detail, me, onDone }: { detail: CaseDetail; me: Me; onDone(): void }) {
  const { t, language } = useT();
  const channels = replyChannels(detail);
  const [channel, setChannel] = useState(channels[0]);
  const [asNote, setAsNote] = useState(false);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const files = useRef<HTMLInputElement>(null);
  const [templates, setTemplates] = useState<ReplyTemplate[]>([]);
  useEffect(() => {
    loadTemplates().then((all) => setTemplates(all.items), () => setTemplates([]));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setMessage(null);
    try {
      if (asNote) {
        await api.post(`/cases/${detail.id}/notes`, { body });
      } else {
        const form = new FormData();
        form.set('body', body);
        form.set('channel', channel);
        for (const file of Array.from(files.current?.files ?? [])) form.append('attachments', file);
        await api.post(`/cases/${detail.id}/replies`, form);
      }
      setBody('');
      if (files.current) files.current.value = '';
      setMessage({ ok: true, text: asNote ? t.noteSaved : t.sent });
      onDone();
    } catch (e) {
      setMessage({ ok: false, text: `${t.error}: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {detail.contacts.some((c) => c.outcome === 'callback-requested') && <CallbackDone caseId={detail.id} onDone={onDone} />}
      <form className={asNote ? 'composer card note-mode' : 'composer card'} onSubmit={submit} aria-labelledby="composer-title">
        <h2 id="composer-title">{asNote ? t.note : t.reply}</h2>
        <div className="row wrap">
          <label className="inline">
            <input type="checkbox" checked={asNote} onChange={(e) => setAsNote(e.target.checked)} />
            <span>{t.internalNote}</span>
          </label>
          {!asNote && (
            <label className="inline">
              <span>{t.replyOn}</span>
              <select value={channel} onChange={(e) => setChannel(e.target.value)}>
                {channels.map((c) => <option key={c} value={c}>{t.channels[c] ?? c}</option>)}
              </select>
            </label>
          )}
          {!asNote && (
            <label className="inline">
              <span>{t.template}</span>
              <select value="" onChange={(e) => {
                const template = templates.find((x) => x.id === e.target.value);
                if (template) setBody(fillTemplate(template, detail, me.name));
              }}>
                <option value="">{t.noTemplate}</option>
                {templates.map((x) => <option key={x.id} value={x.id}>{x.name[language]}</option>)}
              </select>
            </label>
          )}
        </div>
        <label>
          <span>{t.message}</span>
          <textarea rows={6} value={body} onChange={(e) => setBody(e.target.value)} required />
        </label>
        {!asNote && (
          <label>
            <span>{t.attachments}</span>
            <input ref={files} type="file" multiple />
          </label>
        )}
        <div className="row">
          <button type="submit" disabled={busy}>{asNote ? t.saveNote : t.send}</button>
          {message && <span role="status" className={message.ok ? 'ok' : 'error'}>{message.text}</span>}
        </div>
      </form>
    </>
  );
}
