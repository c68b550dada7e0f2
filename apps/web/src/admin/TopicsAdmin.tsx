// Topics with their queue, priority and the keyword rules intake classifies by: an admin changes them
// in place, switches a topic off, and adds new topics.
import { FormEvent, useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { FeedbackLine, QueueRow, useFeedback } from './shared';

interface Topic { slug: string; nameDa: string; nameEn: string; queueSlug: string; keywords: string[]; active: boolean; priority: number }

const PRIORITIES = [1, 2, 3, 4];
const keywordList = (text: string) => text.split(',').map((k) => k.trim()).filter(Boolean);

function QueueSelect({ label, value, queues, onChange }: { label: string; value: string; queues: QueueRow[]; onChange(slug: string): void }) {
  const { language } = useT();
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {queues.map((q) => <option key={q.slug} value={q.slug}>{language === 'en' ? q.name_en : q.name_da}</option>)}
    </select>
  );
}

function PrioritySelect({ label, value, onChange }: { label: string; value: number; onChange(priority: number): void }) {
  const { t } = useT();
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {PRIORITIES.map((p) => <option key={p} value={p}>{t.priorities[p]}</option>)}
    </select>
  );
}

function TopicRow({ topic, queues, onSaved }: { topic: Topic; queues: QueueRow[]; onSaved(topic: Topic): void }) {
  const { t, language } = useT();
  const [keywords, setKeywords] = useState(topic.keywords.join(', '));
  const [queue, setQueue] = useState(topic.queueSlug);
  const [priority, setPriority] = useState(topic.priority);
  const [active, setActive] = useState(topic.active);
  const { feedback, run } = useFeedback();
  const name = language === 'en' ? topic.nameEn : topic.nameDa;

  const save = () => run(async () => {
    onSaved(await api.patch<Topic>(`/topics/${topic.slug}`, { keywords: keywordList(keywords), queue, priority, active }));
  });

  return (
    <tr data-topic={topic.slug}>
      <th scope="row">{name}</th>
      <td><QueueSelect label={`${t.queue}: ${name}`} value={queue} queues={queues} onChange={setQueue} /></td>
      <td><PrioritySelect label={`${t.priority}: ${name}`} value={priority} onChange={setPriority} /></td>
      <td>
        <input className="wide" aria-label={`${t.keywords}: ${name}`} value={keywords} onChange={(e) => setKeywords(e.target.value)} />
      </td>
      <td><input type="checkbox" aria-label={`${t.topicActive}: ${name}`} checked={active} onChange={(e) => setActive(e.target.checked)} /></td>
      <td>
        <button type="button" className="secondary" onClick={save}>{t.save}</button>
        <FeedbackLine feedback={feedback} />
      </td>
    </tr>
  );
}

function NewTopic({ queues, onCreated }: { queues: QueueRow[]; onCreated(topic: Topic): void }) {
  const { t } = useT();
  const empty = { slug: '', nameDa: '', nameEn: '', keywords: '' };
  const [draft, setDraft] = useState(empty);
  const [queue, setQueue] = useState('');
  const [priority, setPriority] = useState(2);
  const { feedback, run } = useFeedback();
  const field = (name: keyof typeof empty) => (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value });
  const chosenQueue = queue || queues[0]?.slug || '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      onCreated(await api.post<Topic>('/topics', {
        slug: draft.slug.trim(), nameDa: draft.nameDa.trim(), nameEn: draft.nameEn.trim(), queue: chosenQueue, priority, keywords: keywordList(draft.keywords),
      }));
      setDraft(empty);
    }, t.topicCreated(draft.nameDa.trim()));
  };

  return (
    <form className="row wrap" onSubmit={submit} aria-label={t.newTopic}>
      <label><span>{t.topicSlug}</span><input required pattern="[a-z0-9-]{2,60}" title={t.topicSlugHint} value={draft.slug} onChange={field('slug')} /></label>
      <label><span>{t.topicNameDa}</span><input required maxLength={100} value={draft.nameDa} onChange={field('nameDa')} /></label>
      <label><span>{t.topicNameEn}</span><input required maxLength={100} value={draft.nameEn} onChange={field('nameEn')} /></label>
      <label><span>{t.queue}</span><QueueSelect label={t.queue} value={chosenQueue} queues={queues} onChange={setQueue} /></label>
      <label><span>{t.priority}</span><PrioritySelect label={t.priority} value={priority} onChange={setPriority} /></label>
      <label className="wide-input"><span>{t.keywords}</span><input value={draft.keywords} onChange={field('keywords')} /></label>
      <button type="submit">{t.createTopic}</button>
      <FeedbackLine feedback={feedback} />
    </form>
  );
}

export function TopicsAdmin() {
  const { t } = useT();
  const [topics, setTopics] = useState<Topic[]>([]);
  const [queues, setQueues] = useState<QueueRow[]>([]);
  useEffect(() => {
    api.get<Topic[]>('/topics').then(setTopics, () => undefined);
    api.get<QueueRow[]>('/queues').then(setQueues, () => undefined);
  }, []);
  const saved = (topic: Topic) => setTopics((current) => current.map((x) => (x.slug === topic.slug ? topic : x)));

  return (
    <section className="card">
      <h2>{t.topics}</h2>
      <p className="muted small">{t.keywordsHint}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.subject}</th><th scope="col">{t.queue}</th><th scope="col">{t.priority}</th><th scope="col">{t.keywords}</th>
            <th scope="col">{t.topicActive}</th><th scope="col"><span className="visually-hidden">{t.save}</span></th>
          </tr>
        </thead>
        <tbody>{queues.length > 0 && topics.map((x) => <TopicRow key={x.slug} topic={x} queues={queues} onSaved={saved} />)}</tbody>
      </table>
      <h3>{t.newTopic}</h3>
      {queues.length > 0 && <NewTopic queues={queues} onCreated={(topic) => setTopics((current) => [...current, topic])} />}
    </section>
  );
}
