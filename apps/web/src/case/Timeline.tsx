// The citizen's contacts on this case across every channel, with notes and the history of status and
// assignment interleaved by time. Channel-specific parts (audio, scans, call figures) come from the data.
import { formatTime, useT } from '../i18n';
import type { Attachment, CaseDetail, Contact } from '../types';
import { EmailFrame } from './EmailFrame';

type Entry =
  | { kind: 'contact'; at: string; contact: Contact }
  | { kind: 'note'; at: string; note: CaseDetail['notes'][number] }
  | { kind: 'event'; at: string; event: CaseDetail['events'][number] };

const SHOWN_EVENTS = new Set([
  'status_changed', 'assigned', 'transferred', 'offer_accepted', 'offer_rejected', 'offer_expired', 'reopened',
  'letter_moved', 'letter_from_other_citizen', 'letter_quotes_reference', 'linked_case',
]);

const kroner = (minor: number) => `${(minor / 100).toFixed(2).replace('.', ',')} kr.`;
const minutes = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

function AttachmentView({ file }: { file: Attachment }) {
  if (file.contentType.startsWith('audio/')) {
    return (
      <figure className="attachment">
        <audio controls preload="none" src={file.url} aria-label={file.filename} />
        <figcaption><a href={file.url}>{file.filename}</a></figcaption>
      </figure>
    );
  }
  if (file.contentType.startsWith('image/')) {
    return (
      <figure className="attachment scan">
        <img src={file.url} alt={file.filename} loading="lazy" />
        <figcaption><a href={file.url}>{file.filename}</a></figcaption>
      </figure>
    );
  }
  return <a className="attachment" href={file.url}>{file.filename} <span className="muted">({Math.ceil(file.size / 1024)} kB)</span></a>;
}

function ContactCard({ contact }: { contact: Contact }) {
  const { t, language } = useT();
  const who = contact.direction === 'outbound' ? (contact.author?.name ?? contact.sender.name) : (contact.sender.name ?? contact.sender.email ?? contact.sender.phone);
  const hasScan = contact.attachments.some((a) => a.contentType.startsWith('image/') || a.contentType === 'application/pdf');
  return (
    <article className={`entry contact ${contact.direction}`} aria-label={`${t.channels[contact.channel] ?? contact.channel} ${formatTime(contact.occurredAt, language)}`}>
      <header>
        <span className={`chip ${contact.channel}`}>{t.channels[contact.channel] ?? contact.channel}</span>
        <span className="direction">{contact.direction === 'inbound' ? t.inbound : t.outbound}</span>
        <strong>{who}</strong>
        <time dateTime={contact.occurredAt} className="muted">{formatTime(contact.occurredAt, language)}</time>
      </header>
      {contact.subject && <h3>{contact.subject}</h3>}
      <div className={contact.channel === 'post' && hasScan ? 'letter' : undefined}>
        {contact.html ? <EmailFrame html={contact.html} title={contact.subject ?? ''} /> : <p className="body">{contact.text}</p>}
        {contact.attachments.length > 0 && (
          <div className="attachments" aria-label={t.attachments}>
            {contact.attachments.map((a) => <AttachmentView key={a.id} file={a} />)}
          </div>
        )}
      </div>
      {(contact.durationSeconds != null || contact.costMinor != null || contact.outcome) && (
        <p className="muted small facts">
          {contact.durationSeconds != null && <span>{t.duration}: {minutes(contact.durationSeconds)}</span>}
          {contact.outcome && <span>{t.outcome}: {t.callOutcomes[contact.outcome] ?? contact.outcome}</span>}
          {contact.costMinor != null && <span>{t.cost}: {kroner(contact.costMinor)}</span>}
        </p>
      )}
      {contact.delivery && (
        <p className={`small delivery ${contact.delivery.status}`}>{t.delivery}: {t.deliveries[contact.delivery.status] ?? contact.delivery.status}{contact.delivery.error ? ` — ${contact.delivery.error}` : ''}</p>
      )}
    </article>
  );
}

export function Timeline({ detail }: { detail: CaseDetail }) {
  const { t, language } = useT();
  const entries: Entry[] = [
    ...detail.contacts.map((contact): Entry => ({ kind: 'contact', at: contact.occurredAt, contact })),
    ...detail.notes.map((note): Entry => ({ kind: 'note', at: note.createdAt, note })),
    ...detail.events.filter((e) => SHOWN_EVENTS.has(e.type)).map((event): Entry => ({ kind: 'event', at: event.at, event })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  return (
    <ol className="timeline" aria-label={t.timeline}>
      {entries.map((entry, i) => (
        <li key={i}>
          {entry.kind === 'contact' && <ContactCard contact={entry.contact} />}
          {entry.kind === 'note' && (
            <article className="entry note">
              <header><span className="chip note">{t.note}</span><strong>{entry.note.author.name}</strong><time className="muted">{formatTime(entry.at, language)}</time></header>
              <p className="body">{entry.note.body}</p>
            </article>
          )}
          {entry.kind === 'event' && (
            <p className="entry event muted small">
              {t.events[entry.event.type] ?? entry.event.type}
              {entry.event.to && entry.event.type === 'status_changed' ? `: ${t.statuses[entry.event.to] ?? entry.event.to}` : ''}
              {typeof entry.event.data.reference === 'string' ? `: ${entry.event.data.reference}` : ''}
              {entry.event.actor.name ? ` · ${entry.event.actor.name}` : ''} · {formatTime(entry.at, language)}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
