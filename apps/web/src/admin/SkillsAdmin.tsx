// Skills and capacities per agent: queue and topic skills with a level 1–5, languages spoken, cases held at once per channel.
import { FormEvent, useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { FeedbackLine, LEVELS, QueueRow, SPOKEN, StaffUser, TopicRow, useChannelName, useFeedback, WORK_CHANNELS } from './shared';

type Levels = Record<string, string>;

const chosen = (levels: Levels) => Object.entries(levels).filter(([, level]) => level !== '').map(([slug, level]) => ({ slug, level: Number(level) }));

function AgentSkills({ user, queues, topics, onSaved }: { user: StaffUser; queues: QueueRow[]; topics: TopicRow[]; onSaved(user: StaffUser): void }) {
  const { t, language } = useT();
  const channelName = useChannelName();
  const [queueLevels, setQueueLevels] = useState<Levels | null>(null);
  const [topicLevels, setTopicLevels] = useState<Levels>(() => Object.fromEntries(user.skills.map((s) => [s.topic, String(s.level)])));
  const [languages, setLanguages] = useState(user.languages);
  const [capacity, setCapacity] = useState<Record<string, string>>(() => Object.fromEntries(WORK_CHANNELS.map((c) => [c, String(user.capacity[c] ?? 0)])));
  const { feedback, run } = useFeedback();

  useEffect(() => {
    api.get<{ skills: { queue: string; level: number }[] }>(`/routing/agents/${user.id}/queue-skills`)
      .then((found) => setQueueLevels(Object.fromEntries(found.skills.map((s) => [s.queue, String(s.level)]))), () => undefined);
  }, [user.id]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const skills = chosen(topicLevels).map((s) => ({ topic: s.slug, level: s.level }));
      const caps = Object.fromEntries(Object.entries(capacity).map(([c, n]) => [c, Number(n)]));
      const saved = await api.patch<StaffUser>(`/users/${user.id}`, { languages, skills, capacity: caps });
      await api.put(`/routing/agents/${user.id}/queue-skills`, { skills: chosen(queueLevels ?? {}).map((s) => ({ queue: s.slug, level: s.level })) });
      onSaved(saved);
    });
  };

  const levelSelect = (label: string, value: string | undefined, set: (value: string) => void) => (
    <select aria-label={label} value={value ?? ''} onChange={(e) => set(e.target.value)}>
      <option value="">{t.none}</option>
      {LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
    </select>
  );
  const toggle = (l: string, on: boolean) => setLanguages(on ? SPOKEN.filter((x) => x === l || languages.includes(x)) : languages.filter((x) => x !== l));

  // The form waits for the agent's queue skills, so a level chosen early is never overwritten by the answer.
  if (queueLevels === null) return <p className="muted">{t.loading}</p>;

  return (
    <form aria-label={t.skillsOf(user.name)} onSubmit={save}>
      <h3>{t.skillsOf(user.name)}</h3>
      <p className="muted small">{t.skillsHint}</p>
      <div className="admin-grid">
        <fieldset>
          <legend>{t.queueSkills}</legend>
          {queues.map((q) => {
            const name = language === 'en' ? q.name_en : q.name_da;
            return <div key={q.slug} className="row spread"><span>{name}</span>{levelSelect(t.levelFor(name), queueLevels[q.slug], (v) => setQueueLevels({ ...queueLevels, [q.slug]: v }))}</div>;
          })}
        </fieldset>
        <fieldset>
          <legend>{t.topicSkills}</legend>
          {topics.map((x) => {
            const name = language === 'en' ? x.nameEn : x.nameDa;
            return <div key={x.slug} className="row spread"><span>{name}</span>{levelSelect(t.levelFor(name), topicLevels[x.slug], (v) => setTopicLevels({ ...topicLevels, [x.slug]: v }))}</div>;
          })}
        </fieldset>
        <div>
          <fieldset>
            <legend>{t.languagesSpoken}</legend>
            {SPOKEN.map((l) => (
              <label key={l} className="inline"><input type="checkbox" checked={languages.includes(l)} onChange={(e) => toggle(l, e.target.checked)} />{t.languageNames[l]}</label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t.capacityPerChannel}</legend>
            {WORK_CHANNELS.map((c) => (
              <label key={c} className="inline spread">
                <span>{t.capacityFor(channelName(c))}</span>
                <input type="number" min={0} max={c === 'phone' ? 5 : 50} required className="narrow" value={capacity[c]} onChange={(e) => setCapacity({ ...capacity, [c]: e.target.value })} />
              </label>
            ))}
          </fieldset>
        </div>
      </div>
      <div className="row">
        <button type="submit">{t.save}</button>
        <FeedbackLine feedback={feedback} />
      </div>
    </form>
  );
}

export function SkillsAdmin() {
  const { t } = useT();
  const [users, setUsers] = useState<StaffUser[]>([]);
  const [queues, setQueues] = useState<QueueRow[]>([]);
  const [topics, setTopics] = useState<TopicRow[]>([]);
  const [selected, setSelected] = useState('');

  useEffect(() => {
    api.get<StaffUser[]>('/users').then(setUsers, () => undefined);
    api.get<QueueRow[]>('/queues').then(setQueues, () => undefined);
    api.get<TopicRow[]>('/topics').then(setTopics, () => undefined);
  }, []);
  const active = users.filter((u) => !u.disabled);
  const user = active.find((u) => u.id === selected);

  return (
    <section className="card">
      <h2>{t.skillsTab}</h2>
      <label className="inline">
        <span>{t.staffMember}</span>
        <select value={selected} onChange={(e) => setSelected(e.target.value)}>
          <option value="">{t.chooseStaff}</option>
          {active.map((u) => <option key={u.id} value={u.id}>{u.name} ({t.roles[u.role] ?? u.role})</option>)}
        </select>
      </label>
      {user && <AgentSkills key={user.id} user={user} queues={queues} topics={topics} onSaved={(saved) => setUsers(users.map((u) => (u.id === saved.id ? saved : u)))} />}
    </section>
  );
}
