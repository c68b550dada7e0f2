// Administration: users and roles, topics with their keyword rules and queues, email mailboxes.
import { FormEvent, useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';

interface StaffUser { id: string; email: string; name: string; role: string; presence: string; disabled?: boolean }
interface Topic { slug: string; name?: string | { da?: string; en?: string }; queue?: string; keywords?: string[] }
interface Mailbox { id: string; address?: string; name?: string; imapUrl?: string; enabled?: boolean }

const ROLES = ['agent', 'supervisor', 'manager', 'admin'];
const label = (name: Topic['name'], language: 'da' | 'en', fallback: string) => (typeof name === 'string' ? name : (name?.[language] ?? fallback));

export function Admin() {
  const { t, language } = useT();
  const [users, setUsers] = useState<StaffUser[]>([]);
  const [topics, setTopics] = useState<Topic[]>([]);
  const [mailboxes, setMailboxes] = useState<Mailbox[]>([]);
  const [form, setForm] = useState({ name: '', email: '', password: '', role: 'agent' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = () => {
    api.get<StaffUser[]>('/users').then(setUsers, () => undefined);
    api.get<Topic[]>('/topics').then(setTopics, () => undefined);
    api.get<Mailbox[]>('/email/mailboxes').then(setMailboxes, () => undefined);
  };
  useEffect(load, []);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.post('/users', form);
      setForm({ name: '', email: '', password: '', role: 'agent' });
      setMessage({ ok: true, text: t.created });
      load();
    } catch (e) {
      setMessage({ ok: false, text: `${t.error}: ${(e as Error).message}` });
    }
  };
  const field = (name: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value });

  return (
    <div className="admin">
      <h1>{t.admin}</h1>
      <section className="card">
        <h2>{t.users}</h2>
        <table>
          <thead><tr><th scope="col">{t.name}</th><th scope="col">{t.email}</th><th scope="col">{t.role}</th><th scope="col">{t.agentPresence}</th></tr></thead>
          <tbody>
            {users.map((u) => <tr key={u.id}><td>{u.name}</td><td>{u.email}</td><td>{t.roles[u.role] ?? u.role}</td><td>{t[u.presence as 'available' | 'away' | 'offline'] ?? u.presence}</td></tr>)}
          </tbody>
        </table>
        <form className="row wrap" onSubmit={create}>
          <label><span>{t.name}</span><input required value={form.name} onChange={field('name')} /></label>
          <label><span>{t.email}</span><input required type="email" value={form.email} onChange={field('email')} /></label>
          <label><span>{t.password}</span><input required type="password" minLength={12} autoComplete="new-password" value={form.password} onChange={field('password')} /></label>
          <label><span>{t.role}</span>
            <select value={form.role} onChange={field('role')}>{ROLES.map((r) => <option key={r} value={r}>{t.roles[r]}</option>)}</select>
          </label>
          <button type="submit">{t.createUser}</button>
          {message && <span role="status" className={message.ok ? 'ok' : 'error'}>{message.text}</span>}
        </form>
      </section>
      <section className="card">
        <h2>{t.topics}</h2>
        <table>
          <thead><tr><th scope="col">{t.subject}</th><th scope="col">{t.queue}</th><th scope="col">{t.keywords}</th></tr></thead>
          <tbody>
            {topics.map((x) => <tr key={x.slug}><td>{label(x.name, language, x.slug)}</td><td>{x.queue ?? ''}</td><td>{(x.keywords ?? []).join(', ')}</td></tr>)}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>{t.mailboxes}</h2>
        {mailboxes.length === 0 ? <p className="muted">{t.none}</p> : (
          <ul className="plain">{mailboxes.map((m) => <li key={m.id}>{m.address ?? m.name ?? m.id}</li>)}</ul>
        )}
      </section>
    </div>
  );
}
