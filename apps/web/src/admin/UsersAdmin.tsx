// Users and roles: the staff list, creating a user, editing name/role/languages, disabling and re-enabling.
import { FormEvent, useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { FeedbackLine, ROLES, SPOKEN, StaffUser, useFeedback } from './shared';

function EditUser({ user, onSaved, onClose }: { user: StaffUser; onSaved(user: StaffUser): void; onClose(): void }) {
  const { t } = useT();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState(user.role);
  const [languages, setLanguages] = useState(user.languages);
  const { feedback, run } = useFeedback();

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => onSaved(await api.patch<StaffUser>(`/users/${user.id}`, { name, role, languages })));
  };
  const toggle = (language: string, on: boolean) => setLanguages(on ? SPOKEN.filter((l) => l === language || languages.includes(l)) : languages.filter((l) => l !== language));

  return (
    <form className="card admin-edit" aria-label={t.editUser(user.name)} onSubmit={save}>
      <h3>{t.editUser(user.name)}</h3>
      <div className="row wrap">
        <label><span>{t.name}</span><input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} /></label>
        <label><span>{t.role}</span>
          <select value={role} onChange={(e) => setRole(e.target.value)}>{ROLES.map((r) => <option key={r} value={r}>{t.roles[r]}</option>)}</select>
        </label>
        <fieldset className="inline-fieldset">
          <legend>{t.languagesSpoken}</legend>
          {SPOKEN.map((l) => (
            <label key={l} className="inline"><input type="checkbox" checked={languages.includes(l)} onChange={(e) => toggle(l, e.target.checked)} />{t.languageNames[l]}</label>
          ))}
        </fieldset>
        <button type="submit">{t.save}</button>
        <button type="button" className="secondary" onClick={onClose}>{t.close}</button>
        <FeedbackLine feedback={feedback} />
      </div>
    </form>
  );
}

export function UsersAdmin() {
  const { t } = useT();
  const [users, setUsers] = useState<StaffUser[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState({ name: '', email: '', password: '', role: 'agent' });
  const created = useFeedback();
  const changed = useFeedback();

  const load = () => {
    api.get<StaffUser[]>('/users').then(setUsers, () => undefined);
  };
  useEffect(load, []);

  const replace = (user: StaffUser) => setUsers((current) => current.map((u) => (u.id === user.id ? user : u)));
  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (await created.run(() => api.post('/users', form), t.created)) {
      setForm({ name: '', email: '', password: '', role: 'agent' });
      load();
    }
  };
  const setDisabled = (user: StaffUser, disabled: boolean) =>
    changed.run(async () => replace(await api.patch<StaffUser>(`/users/${user.id}`, { disabled })), disabled ? t.userDisabled(user.name) : t.userEnabled(user.name));
  const field = (name: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value });
  const editingUser = users.find((u) => u.id === editing);

  return (
    <section className="card">
      <h2>{t.users}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.name}</th><th scope="col">{t.email}</th><th scope="col">{t.role}</th><th scope="col">{t.languagesSpoken}</th>
            <th scope="col">{t.agentPresence}</th><th scope="col"><span className="visually-hidden">{t.actions}</span></th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-user={u.email} className={u.disabled ? 'muted' : undefined}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{t.roles[u.role] ?? u.role}</td>
              <td>{u.languages.map((l) => t.languageNames[l] ?? l).join(', ')}</td>
              <td>{u.disabled ? <strong>{t.disabledStatus}</strong> : (t[u.presence as 'available' | 'away' | 'offline'] ?? u.presence)}</td>
              <td className="row">
                <button type="button" className="secondary" aria-label={t.editUser(u.name)} onClick={() => setEditing(u.id)}>{t.edit}</button>
                {u.disabled
                  ? <button type="button" className="secondary" aria-label={t.enableUser(u.name)} onClick={() => setDisabled(u, false)}>{t.enable}</button>
                  : <button type="button" className="secondary" aria-label={t.disableUser(u.name)} onClick={() => setDisabled(u, true)}>{t.disable}</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p><FeedbackLine feedback={changed.feedback} /></p>
      {editingUser && <EditUser key={editingUser.id} user={editingUser} onSaved={replace} onClose={() => setEditing(null)} />}
      <h3>{t.createUser}</h3>
      <form className="row wrap" onSubmit={create}>
        <label><span>{t.name}</span><input required value={form.name} onChange={field('name')} /></label>
        <label><span>{t.email}</span><input required type="email" value={form.email} onChange={field('email')} /></label>
        <label><span>{t.password}</span><input required type="password" minLength={12} autoComplete="new-password" value={form.password} onChange={field('password')} /></label>
        <label><span>{t.role}</span>
          <select value={form.role} onChange={field('role')}>{ROLES.map((r) => <option key={r} value={r}>{t.roles[r]}</option>)}</select>
        </label>
        <button type="submit">{t.createUser}</button>
        <FeedbackLine feedback={created.feedback} />
      </form>
    </section>
  );
}
