// Queues: required skill level and escalation, overflow queue, first-response targets per channel, business hours per weekday.
import { FormEvent, useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { FeedbackLine, LEVELS, QueueRow, useChannelName, useFeedback, WORK_CHANNELS } from './shared';

type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';
const WEEKDAYS: Weekday[] = ['1', '2', '3', '4', '5', '6', '7'];

interface QueueSettings {
  queue: string;
  minLevel: number;
  escalatedMinLevel: number;
  escalateLevelAfterSeconds: number;
  overflowQueue: string | null;
  escalateOverflowAfterSeconds: number;
  firstResponseMinutes: Record<string, number>;
  businessHours: Partial<Record<Weekday, [string, string][]>> | null;
  nearBreachMinutes: number;
  slaMinutes: number;
}

const RANGE = /^\s*(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})\s*$/;
const showHours = (ranges: [string, string][] | undefined) => (ranges ?? []).map(([from, to]) => `${from}-${to}`).join(', ');

/** "08:00-12:00, 13:00-15:30" as ranges; null when a part is not a range (the server checks the times themselves). */
function parseHours(text: string): [string, string][] | null {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const ranges = parts.map((p) => RANGE.exec(p));
  return ranges.every(Boolean) ? ranges.map((m) => [m![1], m![2]]) : null;
}

function QueueForm({ settings, queues, onSaved }: { settings: QueueSettings; queues: QueueRow[]; onSaved(settings: QueueSettings): void }) {
  const { t, language } = useT();
  const channelName = useChannelName();
  const [minLevel, setMinLevel] = useState(String(settings.minLevel));
  const [escalatedMinLevel, setEscalatedMinLevel] = useState(String(settings.escalatedMinLevel));
  const [escalateAfter, setEscalateAfter] = useState(String(Math.round(settings.escalateLevelAfterSeconds / 60)));
  const [overflow, setOverflow] = useState(settings.overflowQueue ?? '');
  const [overflowAfter, setOverflowAfter] = useState(String(Math.round(settings.escalateOverflowAfterSeconds / 60)));
  const [targets, setTargets] = useState<Record<string, string>>(() => Object.fromEntries(WORK_CHANNELS.map((c) => [c, settings.firstResponseMinutes[c] ? String(settings.firstResponseMinutes[c]) : ''])));
  const [nearBreach, setNearBreach] = useState(String(settings.nearBreachMinutes));
  const [alwaysOpen, setAlwaysOpen] = useState(settings.businessHours === null);
  const [hours, setHours] = useState<Record<string, string>>(() => Object.fromEntries(WEEKDAYS.map((d) => [d, showHours(settings.businessHours?.[d])])));
  const { feedback, setFeedback, run } = useFeedback();
  const nameOf = (q: QueueRow) => (language === 'en' ? q.name_en : q.name_da);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const businessHours: Partial<Record<Weekday, [string, string][]>> = {};
    for (const day of WEEKDAYS) {
      const ranges = parseHours(hours[day]);
      if (!ranges) return setFeedback({ ok: false, text: t.badHours(t.weekdays[Number(day) - 1]) });
      if (ranges.length > 0) businessHours[day] = ranges;
    }
    const firstResponseMinutes = Object.fromEntries(Object.entries(targets).filter(([, v]) => v !== '').map(([c, v]) => [c, Number(v)]));
    void run(async () => onSaved(await api.put<QueueSettings>(`/routing/queues/${settings.queue}`, {
      minLevel: Number(minLevel), escalatedMinLevel: Number(escalatedMinLevel), escalateLevelAfterSeconds: Number(escalateAfter) * 60,
      overflowQueue: overflow || null, escalateOverflowAfterSeconds: Number(overflowAfter) * 60,
      firstResponseMinutes, nearBreachMinutes: Number(nearBreach), businessHours: alwaysOpen ? null : businessHours,
    })));
  };
  const levelSelect = (label: string, value: string, set: (v: string) => void) => (
    <label><span>{label}</span><select value={value} onChange={(e) => set(e.target.value)}>{LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}</select></label>
  );
  const minutes = (label: string, value: string, set: (v: string) => void, min = 1) => (
    <label><span>{label}</span><input type="number" className="narrow" required min={min} max={10_080} value={value} onChange={(e) => set(e.target.value)} /></label>
  );

  return (
    <form aria-label={t.queueSettingsOf(settings.queue)} onSubmit={save}>
      <fieldset>
        <legend>{t.routingRules}</legend>
        <div className="row wrap">
          {levelSelect(t.minLevel, minLevel, setMinLevel)}
          {levelSelect(t.escalatedMinLevel, escalatedMinLevel, setEscalatedMinLevel)}
          {minutes(t.escalateLevelAfter, escalateAfter, setEscalateAfter)}
          <label><span>{t.overflowQueue}</span>
            <select value={overflow} onChange={(e) => setOverflow(e.target.value)}>
              <option value="">{t.none}</option>
              {queues.filter((q) => q.slug !== settings.queue).map((q) => <option key={q.slug} value={q.slug}>{nameOf(q)}</option>)}
            </select>
          </label>
          {minutes(t.overflowAfter, overflowAfter, setOverflowAfter)}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.slaTargets}</legend>
        <p className="muted small">{t.slaDefault(settings.slaMinutes)}</p>
        <div className="row wrap">
          {WORK_CHANNELS.map((c) => (
            <label key={c}><span>{t.slaFor(channelName(c))}</span>
              <input type="number" className="narrow" min={1} max={525_600} value={targets[c]} onChange={(e) => setTargets({ ...targets, [c]: e.target.value })} />
            </label>
          ))}
          {minutes(t.nearBreach, nearBreach, setNearBreach, 0)}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.businessHours}</legend>
        <label className="inline"><input type="checkbox" checked={alwaysOpen} onChange={(e) => setAlwaysOpen(e.target.checked)} />{t.alwaysOpen}</label>
        {!alwaysOpen && (
          <div className="hours">
            <p className="muted small" id="hours-hint">{t.hoursHint}</p>
            {WEEKDAYS.map((d) => (
              <label key={d} className="inline spread">
                <span>{t.weekdays[Number(d) - 1]}</span>
                <input aria-describedby="hours-hint" value={hours[d]} placeholder={t.closed} onChange={(e) => setHours({ ...hours, [d]: e.target.value })} />
              </label>
            ))}
          </div>
        )}
        <p className="small">{t.holidaysClosed}</p>
      </fieldset>
      <div className="row">
        <button type="submit">{t.save}</button>
        <FeedbackLine feedback={feedback} />
      </div>
    </form>
  );
}

export function QueuesAdmin() {
  const { t, language } = useT();
  const [settings, setSettings] = useState<QueueSettings[]>([]);
  const [queues, setQueues] = useState<QueueRow[]>([]);
  const [selected, setSelected] = useState('');

  useEffect(() => {
    api.get<QueueSettings[]>('/routing/queues').then((found) => {
      setSettings(found);
      setSelected((current) => current || (found[0]?.queue ?? ''));
    }, () => undefined);
    api.get<QueueRow[]>('/queues').then(setQueues, () => undefined);
  }, []);
  const current = settings.find((s) => s.queue === selected);
  const saved = (next: QueueSettings) => setSettings((all) => all.map((s) => (s.queue === next.queue ? next : s)));

  return (
    <section className="card">
      <h2>{t.queuesTab}</h2>
      <label className="inline">
        <span>{t.queue}</span>
        <select value={selected} onChange={(e) => setSelected(e.target.value)}>
          {queues.map((q) => <option key={q.slug} value={q.slug}>{language === 'en' ? q.name_en : q.name_da}</option>)}
        </select>
      </label>
      {current && <QueueForm key={current.queue} settings={current} queues={queues} onSaved={saved} />}
    </section>
  );
}
