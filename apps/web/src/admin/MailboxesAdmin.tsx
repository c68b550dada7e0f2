// Email mailboxes and their state (active or paused, last fetch, the last error); an admin adds,
// changes, pauses and resumes them.
import { Fragment, useEffect, useState } from 'react';
import { api } from '../api';
import { formatTime, useT } from '../i18n';
import { Mailbox, MailboxForm } from './MailboxForm';
import { FeedbackLine, TopicRow, useFeedback } from './shared';

/** PUT /email/mailboxes/:id takes the whole mailbox; the stored secrets are kept when left out. */
const settingsOf = (m: Mailbox, active: boolean) => ({
  name: m.name, address: m.address, displayName: m.displayName, imapHost: m.imapHost, imapPort: m.imapPort, imapTls: m.imapTls, imapUser: m.imapUser,
  imapAuth: m.imapAuth, folder: m.folder, processedFolder: m.processedFolder, smtpHost: m.smtpHost, smtpPort: m.smtpPort, smtpTls: m.smtpTls,
  smtpUser: m.smtpUser, topic: m.topic, active,
});

export function MailboxesAdmin() {
  const { t, language } = useT();
  const [mailboxes, setMailboxes] = useState<Mailbox[] | null>(null);
  const [topics, setTopics] = useState<TopicRow[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const { feedback, run } = useFeedback();
  const load = () => {
    api.get<Mailbox[]>('/email/mailboxes').then(setMailboxes, () => setMailboxes([]));
  };
  useEffect(() => {
    load();
    api.get<TopicRow[]>('/topics').then(setTopics, () => undefined);
  }, []);
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
              <Fragment key={m.id}>
                <tr data-mailbox={m.name}>
                  <td>{m.name}</td>
                  <td>{m.address}</td>
                  <td>{m.active ? (m.lastError ? <span className="error">{t.mailboxFailing}</span> : <span className="ok">{t.mailboxActive}</span>) : t.mailboxPaused}</td>
                  <td>{m.lastSyncedAt ? formatTime(m.lastSyncedAt, language) : t.never}</td>
                  <td className="small">{m.lastError ?? '–'}</td>
                  <td className="row">
                    <button type="button" className="secondary" aria-label={t.editMailbox(m.name)} aria-expanded={editing === m.id} onClick={() => setEditing(editing === m.id ? null : m.id)}>{t.edit}</button>
                    {m.active
                      ? <button type="button" className="secondary" aria-label={t.pauseMailbox(m.name)} onClick={() => setActive(m, false)}>{t.pause}</button>
                      : <button type="button" className="secondary" aria-label={t.resumeMailbox(m.name)} onClick={() => setActive(m, true)}>{t.resume}</button>}
                  </td>
                </tr>
                {editing === m.id && (
                  <tr>
                    <td colSpan={6}>
                      <MailboxForm mailbox={m} topics={topics} onSaved={() => { setEditing(null); load(); }} onCancel={() => setEditing(null)} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      <p><FeedbackLine feedback={feedback} /></p>
      <MailboxForm topics={topics} onSaved={load} />
    </section>
  );
}
