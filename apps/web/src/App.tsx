// The signed-in shell: header with navigation, presence and language; the current screen; offers on top.
import { useEffect, useState } from 'react';
import { api, session } from './api';
import { useT } from './i18n';
import { navigate, useRoute } from './router';
import { closeSocket, connectSocket } from './socket';
import type { Me } from './types';
import { Login } from './Login';
import { PresenceSwitch } from './PresenceSwitch';
import { OfferToasts } from './OfferToasts';
import { Inbox } from './inbox/Inbox';
import { CaseView } from './case/CaseView';
import { Wallboard } from './Wallboard';
import { Admin } from './admin/Admin';

const SUPERVISING = new Set(['supervisor', 'admin', 'manager']);

export function App() {
  const { t, language, setLanguage } = useT();
  const route = useRoute();
  const [me, setMe] = useState<Me | null>(null);
  const [checked, setChecked] = useState(false);

  const start = (signedIn: Me, token: string) => {
    connectSocket(token);
    setMe(signedIn);
  };

  useEffect(() => {
    document.documentElement.lang = language;
    const token = session.token();
    if (!token) return setChecked(true);
    api.get<Me>('/me').then((found) => start(found, token), session.clear).finally(() => setChecked(true));
  }, []);

  const signOut = async () => {
    await api.post('/auth/logout').catch(() => undefined);
    session.clear();
    closeSocket();
    setMe(null);
  };

  if (!checked) return null;
  if (!me) return <Login onSignedIn={start} />;

  const link = (path: string, label: string, active: boolean) => (
    <a href={`/app${path}`} aria-current={active ? 'page' : undefined} onClick={(e) => { e.preventDefault(); navigate(path); }}>{label}</a>
  );

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t.appName}</span>
        <nav aria-label={t.mainNav}>
          {link('', t.inbox, route.screen === 'inbox' || route.screen === 'case')}
          {SUPERVISING.has(me.role) && link('/wallboard', t.wallboard, route.screen === 'wallboard')}
          {me.role === 'admin' && link('/admin', t.admin, route.screen === 'admin')}
        </nav>
        <div className="topbar-tools">
          <PresenceSwitch me={me} onChange={setMe} />
          <label className="inline">
            <span>{t.language}</span>
            <select value={language} onChange={(e) => setLanguage(e.target.value as 'da' | 'en')}>
              <option value="da">Dansk</option>
              <option value="en">English</option>
            </select>
          </label>
          <span className="who">{me.name}</span>
          <button type="button" className="quiet" onClick={signOut}>{t.signOut}</button>
        </div>
      </header>
      <OfferToasts />
      <main id="main">
        {route.screen === 'inbox' && <Inbox me={me} />}
        {route.screen === 'case' && <CaseView key={route.id} id={route.id} me={me} />}
        {route.screen === 'wallboard' && <Wallboard />}
        {route.screen === 'admin' && <Admin />}
      </main>
    </div>
  );
}
