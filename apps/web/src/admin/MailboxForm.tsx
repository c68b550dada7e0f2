// Adds a mailbox or changes one: its IMAP inbox, the SMTP server replies go out through, and an
// optional fixed topic. Passwords are write-only: left empty on a change, the stored ones are kept.
import { FormEvent, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { FeedbackLine, TopicRow, useFeedback } from './shared';

export interface Mailbox {
  id: string; name: string; address: string; displayName: string | null; active: boolean; lastSyncedAt: string | null; lastError: string | null;
  imapHost: string; imapPort: number; imapTls: boolean; imapUser: string; imapAuth: string; folder: string; processedFolder: string | null;
  smtpHost: string; smtpPort: number; smtpTls: boolean; smtpUser: string | null; topic: string | null;
}

interface Draft {
  name: string; address: string; displayName: string; imapHost: string; imapPort: string; imapTls: boolean; imapUser: string; imapAuth: string;
  imapSecret: string; folder: string; processedFolder: string; smtpHost: string; smtpPort: string; smtpTls: boolean; smtpUser: string; smtpSecret: string;
  topic: string;
}

const EMPTY: Draft = {
  name: '', address: '', displayName: '', imapHost: '', imapPort: '993', imapTls: true, imapUser: '', imapAuth: 'password', imapSecret: '',
  folder: 'INBOX', processedFolder: '', smtpHost: '', smtpPort: '587', smtpTls: false, smtpUser: '', smtpSecret: '', topic: '',
};

const draftOf = (m: Mailbox): Draft => ({
  name: m.name, address: m.address, displayName: m.displayName ?? '', imapHost: m.imapHost, imapPort: String(m.imapPort), imapTls: m.imapTls,
  imapUser: m.imapUser, imapAuth: m.imapAuth, imapSecret: '', folder: m.folder, processedFolder: m.processedFolder ?? '', smtpHost: m.smtpHost,
  smtpPort: String(m.smtpPort), smtpTls: m.smtpTls, smtpUser: m.smtpUser ?? '', smtpSecret: '', topic: m.topic ?? '',
});

/** The body of POST/PUT /email/mailboxes: numbers as numbers, empty optional fields and secrets left out. */
function bodyOf(d: Draft, active: boolean) {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    name: d.name.trim(), address: d.address.trim(), displayName: optional(d.displayName), imapHost: d.imapHost.trim(), imapPort: Number(d.imapPort),
    imapTls: d.imapTls, imapUser: d.imapUser.trim(), imapAuth: d.imapAuth, imapSecret: d.imapSecret || undefined, folder: optional(d.folder),
    processedFolder: optional(d.processedFolder), smtpHost: d.smtpHost.trim(), smtpPort: Number(d.smtpPort), smtpTls: d.smtpTls,
    smtpUser: optional(d.smtpUser), smtpSecret: d.smtpSecret || undefined, topic: optional(d.topic), active,
  };
}

export function MailboxForm({ mailbox, topics, onSaved, onCancel }: { mailbox?: Mailbox; topics: TopicRow[]; onSaved(): void; onCancel?(): void }) {
  const { t, language } = useT();
  const [draft, setDraft] = useState<Draft>(mailbox ? draftOf(mailbox) : EMPTY);
  const { feedback, run } = useFeedback();
  const text = (name: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value });
  const flag = (name: 'imapTls' | 'smtpTls') => (e: { target: { checked: boolean } }) => setDraft({ ...draft, [name]: e.target.checked });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      if (mailbox) await api.put(`/email/mailboxes/${mailbox.id}`, bodyOf(draft, mailbox.active));
      else await api.post('/email/mailboxes', bodyOf(draft, true));
      if (!mailbox) setDraft(EMPTY);
      onSaved();
    }, mailbox ? t.mailboxSaved(draft.name) : t.mailboxCreated(draft.name));
  };

  const heading = mailbox ? t.editMailbox(mailbox.name) : t.addMailbox;
  return (
    <form className="card mailbox-form" onSubmit={submit} aria-label={heading}>
      <h3>{heading}</h3>
      <fieldset>
        <legend>{t.mailboxIdentity}</legend>
        <div className="row wrap">
          <label><span>{t.mailboxName}</span><input required pattern="[a-z0-9-]{2,60}" value={draft.name} onChange={text('name')} aria-describedby="mailbox-name-hint" /></label>
          <label><span>{t.email}</span><input required type="email" value={draft.address} onChange={text('address')} /></label>
          <label><span>{t.displayName}</span><input maxLength={100} value={draft.displayName} onChange={text('displayName')} /></label>
          <label><span>{t.mailboxTopic}</span>
            <select value={draft.topic} onChange={text('topic')}>
              <option value="">{t.byKeywords}</option>
              {topics.filter((x) => x.active).map((x) => <option key={x.slug} value={x.slug}>{language === 'da' ? x.nameDa : x.nameEn}</option>)}
            </select>
          </label>
        </div>
        <p id="mailbox-name-hint" className="muted small">{t.mailboxNameHint}</p>
      </fieldset>
      <fieldset>
        <legend>{t.imapSettings}</legend>
        <div className="row wrap">
          <label><span>{t.imapHost}</span><input required value={draft.imapHost} onChange={text('imapHost')} /></label>
          <label><span>{t.imapPort}</span><input required type="number" min={1} max={65535} value={draft.imapPort} onChange={text('imapPort')} /></label>
          <label className="inline"><input type="checkbox" checked={draft.imapTls} onChange={flag('imapTls')} /><span>{t.imapTls}</span></label>
          <label><span>{t.imapUser}</span><input required value={draft.imapUser} onChange={text('imapUser')} /></label>
          <label><span>{t.imapAuth}</span>
            <select value={draft.imapAuth} onChange={text('imapAuth')}>
              <option value="password">{t.authPassword}</option>
              <option value="oauth2">{t.authOauth2}</option>
            </select>
          </label>
          <label><span>{t.imapSecret}</span><input type="password" autoComplete="new-password" required={!mailbox} value={draft.imapSecret} onChange={text('imapSecret')} /></label>
          <label><span>{t.folder}</span><input value={draft.folder} onChange={text('folder')} /></label>
          <label><span>{t.processedFolder}</span><input value={draft.processedFolder} onChange={text('processedFolder')} /></label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.smtpSettings}</legend>
        <div className="row wrap">
          <label><span>{t.smtpHost}</span><input required value={draft.smtpHost} onChange={text('smtpHost')} /></label>
          <label><span>{t.smtpPort}</span><input required type="number" min={1} max={65535} value={draft.smtpPort} onChange={text('smtpPort')} /></label>
          <label className="inline"><input type="checkbox" checked={draft.smtpTls} onChange={flag('smtpTls')} /><span>{t.smtpTls}</span></label>
          <label><span>{t.smtpUser}</span><input value={draft.smtpUser} onChange={text('smtpUser')} /></label>
          <label><span>{t.smtpSecret}</span><input type="password" autoComplete="new-password" value={draft.smtpSecret} onChange={text('smtpSecret')} /></label>
        </div>
      </fieldset>
      {mailbox && <p className="muted small">{t.secretsKept}</p>}
      <div className="row">
        <button type="submit">{mailbox ? t.save : t.addMailbox}</button>
        {onCancel && <button type="button" className="secondary" onClick={onCancel}>{t.cancel}</button>}
        <FeedbackLine feedback={feedback} />
      </div>
    </form>
  );
}
