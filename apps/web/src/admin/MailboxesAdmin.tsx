// Email mailboxes and their state: active or paused, last fetch, the last error.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { formatTime, useT } from '../i18n';

interface Mailbox { id: string; name: string; address: string; active: boolean; lastSyncedAt: string | null; lastError: string | null; topic: string | null }

export function MailboxesAdmin() {
  const { t, language } = useT();
  const [mailboxes, setMailboxes] = useState<Mailbox[] | null>(null);
  useEffect(() => {
    api.get<Mailbox[]>('/email/mailboxes').then(setMailboxes, () => setMailboxes([]));
  }, []);

  return (
    <section className="card">
      <h2>{t.mailboxes}</h2>
      {mailboxes === null ? <p className="muted">{t.loading}</p> : mailboxes.length === 0 ? <p className="muted">{t.none}</p> : (
        <table>
          <thead><tr><th scope="col">{t.name}</th><th scope="col">{t.email}</th><th scope="col">{t.agentPresence}</th><th scope="col">{t.lastSynced}</th><th scope="col">{t.lastError}</th></tr></thead>
          <tbody>
            {mailboxes.map((m) => (
              <tr key={m.id} data-mailbox={m.name}>
                <td>{m.name}</td>
                <td>{m.address}</td>
                <td>{m.active ? (m.lastError ? <span className="error">{t.mailboxFailing}</span> : <span className="ok">{t.mailboxActive}</span>) : t.mailboxPaused}</td>
                <td>{m.lastSyncedAt ? formatTime(m.lastSyncedAt, language) : t.never}</td>
                <td className="small">{m.lastError ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
