// Administration: users and roles, topics with their keyword rules and queues, email mailboxes.
import { FormEvent, useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { TopicsAdmin } from './TopicsAdmin';
import { TemplatesAdmin } from './TemplatesAdmin';

interface StaffUser { id: string; email: string; name: string; role: string; presence: string; disabled?: boolean }
interface Mailbox { id: string; name: string; address: string; lastError: string | null }

const ROLES = ['agent', 'supervisor', 'manager', 'admin'];

export function Admin() {
  const { t } = useT();
  const [users, setUsers] = useState<StaffUser[]>([]);
  const [mailboxes, setMailboxes] = useState<Mailbox[]>([]);
  const [form, setForm] = useState({ name: '', email: '', password: '', role: 'agent' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = () => {
    api.get<StaffUser[]>('/users').then(setUsers, () => undefined);
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
      <TopicsAdmin />
      <TemplatesAdmin />
      <section className="card">
        <h2>{t.mailboxes}</h2>
        {mailboxes.length === 0 ? <p className="muted">{t.none}</p> : (
          <ul className="plain">{mailboxes.map((m) => <li key={m.id}>{m.name}: {m.address}{m.lastError ? <span className="error small"> — {m.lastError}</span> : null}</li>)}</ul>
        )}
      </section>
    </div>
  );
}
