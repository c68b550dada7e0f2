// Email mailboxes and their state (active or paused, last fetch, the last error); an admin pauses and resumes one.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { formatTime, useT } from '../i18n';
import { FeedbackLine, useFeedback } from './shared';

interface Mailbox {
  id: string; name: string; address: string; displayName: string | null; active: boolean; lastSyncedAt: string | null; lastError: string | null;
  imapHost: string; imapPort: number; imapTls: boolean; imapUser: string; imapAuth: string; folder: string; processedFolder: string | null;
  smtpHost: string; smtpPort: number; smtpTls: boolean; smtpUser: string | null; topic: string | null;
}

/** PUT /email/mailboxes/:id takes the whole mailbox; the stored secrets are kept when left out. */
const settingsOf = (m: Mailbox, active: boolean) => ({
  name: m.name, address: m.address, displayName: m.displayName, imapHost: m.imapHost, imapPort: m.imapPort, imapTls: m.imapTls, imapUser: m.imapUser,
  imapAuth: m.imapAuth, folder: m.folder, processedFolder: m.processedFolder, smtpHost: m.smtpHost, smtpPort: m.smtpPort, smtpTls: m.smtpTls,
  smtpUser: m.smtpUser, topic: m.topic, active,
});

export function MailboxesAdmin() {
  const { t, language } = useT();
  const [mailboxes, setMailboxes] = useState<Mailbox[] | null>(null);
  const { feedback, run } = useFeedback();
  const load = () => {
    api.get<Mailbox[]>('/email/mailboxes').then(setMailboxes, () => setMailboxes([]));
  };
  useEffect(load, []);
  const setActive = (m: Mailbox, active: boolean) => run(async () => {
    await api.put(`/email/mailboxes/${m.id}`, settingsOf(m, active));
    load();
  }, active ? t.mailboxResumed(m.name) : t.mailboxPausedNow(m.name));

  return (
    <section className="card">
      <h2>{t.mailboxes}</h2>
      {mailboxes === null ? <p className="muted">{t.loading}</p> : mailboxes.length === 0 ? <p className="muted">{t.none}</p> : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.name}</th><th scope="col">{t.email}</th><th scope="col">{t.agentPresence}</th><th scope="col">{t.lastSynced}</th>
              <th scope="col">{t.lastError}</th><th scope="col"><span className="visually-hidden">{t.actions}</span></th>
            </tr>
          </thead>
          <tbody>
            {mailboxes.map((m) => (
              <tr key={m.id} data-mailbox={m.name}>
                <td>{m.name}</td>
                <td>{m.address}</td>
                <td>{m.active ? (m.lastError ? <span className="error">{t.mailboxFailing}</span> : <span className="ok">{t.mailboxActive}</span>) : t.mailboxPaused}</td>
                <td>{m.lastSyncedAt ? formatTime(m.lastSyncedAt, language) : t.never}</td>
                <td className="small">{m.lastError ?? '–'}</td>
                <td>
                  {m.active
                    ? <button type="button" className="secondary" aria-label={t.pauseMailbox(m.name)} onClick={() => setActive(m, false)}>{t.pause}</button>
                    : <button type="button" className="secondary" aria-label={t.resumeMailbox(m.name)} onClick={() => setActive(m, true)}>{t.resume}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p><FeedbackLine feedback={feedback} /></p>
    </section>
  );
}
