// The unified inbox: my cases, my queues, all open (by role); filters and Danish full-text search;
// a virtualised list that stays fast with thousands of cases; refreshed live from the inbox socket.
// Unread markers come from the server, per staff member, so they follow them from device to device.
import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { api } from '../api';
import { formatTime, useT } from '../i18n';
import { navigate } from '../router';
import { useSocketEvents } from '../socket';
import type { Me, Queue } from '../types';
import { defaultView, View, viewParams } from './first-page';
import { useCasePages } from './use-case-pages';

const ROW_HEIGHT = 56;
const LIVE_EVENTS = ['offer', 'case_assigned', 'case_updated', 'contact_received', 'queue_stats', 'offer_withdrawn'];

export function Inbox({ me }: { me: Me }) {
  const { t, language } = useT();
  const views: View[] = me.role === 'agent' ? ['mine', 'queues'] : ['mine', 'queues', 'all'];
  const [view, setView] = useState<View>(defaultView(me));
  const [status, setStatus] = useState('');
  const [channel, setChannel] = useState('');
  const [queue, setQueue] = useState('');
  const [typed, setTyped] = useState('');
  const [text, setText] = useState('');
  const [queues, setQueues] = useState<Queue[]>([]);

  useEffect(() => {
    api.get<Queue[]>('/queues').then(setQueues, () => undefined);
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => setText(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);

  const params = { ...viewParams(view), ...(status ? { status } : {}), channel: channel || undefined, queue: queue || undefined, text: text || undefined };
  const pages = useCasePages(params);

  // "/" jumps to the search box from anywhere in the inbox, as in most mail clients
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      event.preventDefault();
      search.current?.focus();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useSocketEvents(LIVE_EVENTS, () => {
    clearTimeout(pending.current);
    pending.current = setTimeout(() => void pages.reload(), 300);
  });
  useEffect(() => () => clearTimeout(pending.current), []);
  useSocketEvents(['case_read_state'], (_event, payload: { caseId: string; unread: boolean }) => pages.setUnread(payload.caseId, payload.unread));

  const scroller = useRef<HTMLDivElement>(null);
  // the window's size stands in for the list's until it is measured, so the first page's rows are drawn in the same frame the data arrives
  const virtualizer = useVirtualizer({
    count: pages.items.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8, initialRect: { width: innerWidth, height: innerHeight },
  });
  const rows = virtualizer.getVirtualItems();
  const last = rows[rows.length - 1];
  useEffect(() => {
    if (last && last.index >= pages.items.length - 20 && pages.hasMore) void pages.loadMore();
  }, [last?.index, pages.items.length, pages.hasMore]);

  const tabLabel: Record<View, string> = { mine: t.myCases, queues: t.myQueues, all: t.allOpen };

  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <h1 id="inbox-title" className="visually-hidden">{t.inbox}</h1>
      <div className="tabs" role="tablist" aria-label={t.inbox}>
        {views.map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} onClick={() => setView(v)}>{tabLabel[v]}</button>
        ))}
      </div>
      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); setText(typed.trim()); }}>
        <label className="grow">
          <span>{t.search}</span>
          <input ref={search} type="search" value={typed} aria-keyshortcuts="/" placeholder={t.searchPlaceholder} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <label>
          <span>{t.statusFilter}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t.any}</option>
            {Object.entries(t.statuses).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <label>
          <span>{t.channelFilter}</span>
          <select value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">{t.any}</option>
            {Object.entries(t.channels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <label>
          <span>{t.queueFilter}</span>
          <select value={queue} onChange={(e) => setQueue(e.target.value)}>
            <option value="">{t.any}</option>
            {queues.map((q) => <option key={q.slug} value={q.slug}>{q.name ?? q.slug}</option>)}
          </select>
        </label>
      </form>
      <p className="muted small" aria-live="polite">
        {pages.error ? `${t.error}: ${pages.error}` : pages.loading && pages.items.length === 0 ? t.loading : t.casesShown(pages.items.length)}
      </p>
      <div ref={scroller} className="case-list" data-testid="case-list">
        {pages.items.length === 0 && !pages.loading && <p className="empty">{t.noCases}</p>}
        <ul style={{ height: virtualizer.getTotalSize() }} aria-label={tabLabel[view]}>
          {rows.map((row) => {
            const c = pages.items[row.index];
            const unread = c.unread;
            return (
              <li key={c.id} className={unread ? 'case-row unread' : 'case-row'} style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
                <a href={`/app/cases/${c.id}`} onClick={(e) => { e.preventDefault(); navigate(`/cases/${c.id}`); }} data-reference={c.reference}>
                  <span className="unread-dot" title={unread ? t.unread : undefined}>{unread && <span className="visually-hidden">{t.unread}</span>}</span>
                  <span className="ref">{c.reference}</span>
                  <span className={`chip ${c.channel}`}>{t.channels[c.channel] ?? c.channel}</span>
                  <span className="subject">{c.subject}<span className="muted"> · {c.citizen.name ?? '—'}</span></span>
                  <span className={`status ${c.status}`}>{t.statuses[c.status] ?? c.status}</span>
                  <span className="muted assignee">{c.assignee?.name ?? ''}</span>
                  <span className="muted time">{formatTime(c.lastContactAt, language)}</span>
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
