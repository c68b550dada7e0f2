// Topics with their queue and the keyword rules intake classifies by; an admin edits the keywords in place.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';

interface Topic { slug: string; nameDa: string; nameEn: string; queueSlug: string; keywords: string[]; active: boolean }

function TopicRow({ topic, onSaved }: { topic: Topic; onSaved(topic: Topic): void }) {
  const { t, language } = useT();
  const [keywords, setKeywords] = useState(topic.keywords.join(', '));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const name = language === 'en' ? topic.nameEn : topic.nameDa;

  const save = async () => {
    try {
      const list = keywords.split(',').map((k) => k.trim()).filter(Boolean);
      onSaved(await api.patch<Topic>(`/topics/${topic.slug}`, { keywords: list }));
      setMessage({ ok: true, text: t.saved });
    } catch (e) {
      setMessage({ ok: false, text: `${t.error}: ${(e as Error).message}` });
    }
  };

  return (
    <tr data-topic={topic.slug}>
      <th scope="row">{name}</th>
      <td>{topic.queueSlug}</td>
      <td>
        <input className="wide" aria-label={`${t.keywords}: ${name}`} value={keywords} onChange={(e) => setKeywords(e.target.value)} />
      </td>
      <td>
        <button type="button" className="secondary" onClick={save}>{t.save}</button>
        {message && <span role="status" className={message.ok ? 'ok small' : 'error small'}> {message.text}</span>}
      </td>
    </tr>
  );
}

export function TopicsAdmin() {
  const { t } = useT();
  const [topics, setTopics] = useState<Topic[]>([]);
  useEffect(() => {
    api.get<Topic[]>('/topics').then(setTopics, () => undefined);
  }, []);
  const saved = (topic: Topic) => setTopics((current) => current.map((x) => (x.slug === topic.slug ? topic : x)));

  return (
    <section className="card">
      <h2>{t.topics}</h2>
      <table>
        <thead><tr><th scope="col">{t.subject}</th><th scope="col">{t.queue}</th><th scope="col">{t.keywords}</th><th scope="col"><span className="visually-hidden">{t.save}</span></th></tr></thead>
        <tbody>{topics.map((x) => <TopicRow key={x.slug} topic={x} onSaved={saved} />)}</tbody>
      </table>
    </section>
  );
}
