// Sign-in with email and password; the token is kept in this browser until sign-out.
import { FormEvent, useState } from 'react';
import { api, session } from './api';
import { useT } from './i18n';
import type { Me } from './types';

export function Login({ onSignedIn }: { onSignedIn(me: Me, token: string): void }) {
  const { t, language, setLanguage } = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    try {
      const { accessToken } = await api.post<{ accessToken: string }>('/auth/login', { email, password });
      session.save(accessToken);
      onSignedIn(await api.get<Me>('/me'), accessToken);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form onSubmit={submit} className="card">
        <h1>{t.appName}</h1>
        <label>
          <span>{t.email}</span>
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          <span>{t.password}</span>
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {failed && <p role="alert" className="error">{t.signInFailed}</p>}
        <button type="submit" disabled={busy}>{t.signIn}</button>
        <button type="button" className="quiet" onClick={() => setLanguage(language === 'da' ? 'en' : 'da')}>
          {language === 'da' ? 'English' : 'Dansk'}
        </button>
      </form>
    </main>
  );
}
