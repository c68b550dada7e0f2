// The signed-in shell: header with navigation, presence and language; the current screen; offers on top.
import { lazy, Suspense, useEffect, useState } from 'react';
import { api, ApiError, session } from './api';
import { useT } from './i18n';
import { navigate, useRoute } from './router';
import { closeSocket, connectSocket } from './socket';
import type { Me } from './types';
import { Login } from './Login';
import { PresenceSwitch } from './PresenceSwitch';
import { OfferToasts } from './OfferToasts';
import { Inbox } from './inbox/Inbox';

// The inbox is in the first bundle; the other screens load when first opened.
const CaseView = lazy(() => import('./case/CaseView').then((m) => ({ default: m.CaseView })));
const Wallboard = lazy(() => import('./Wallboard').then((m) => ({ default: m.Wallboard })));
const Admin = lazy(() => import('./admin/Admin').then((m) => ({ default: m.Admin })));

const SUPERVISING = new Set(['supervisor', 'admin', 'manager']);
/** Admins see every admin screen; managers only the channel unit costs; supervisors the reply templates. */
const ADMINISTERING = new Set(['admin', 'manager', 'supervisor']);

export function App() {
  const { t, language, setLanguage } = useT();
  const route = useRoute();
  const [me, setMeState] = useState<Me | null>(() => (session.token() ? session.cachedMe<Me>() : null));
  const [checked, setChecked] = useState(() => me !== null || !session.token());

  const setMe = (next: Me | null) => {
    if (next) session.remember(next);
    setMeState(next);
  };
  const start = (signedIn: Me, token: string) => {
    connectSocket(token);
    setMe(signedIn);
  };
  const signedOut = () => {
    session.clear();
    closeSocket();
    setMeState(null);
  };

  useEffect(() => {
    document.documentElement.lang = language;
    const token = session.token();
    if (!token) return;
    if (me) connectSocket(token);
    api.get<Me>('/me').then(
      (found) => (me ? setMe(found) : start(found, token)),
      (error) => {
        if (error instanceof ApiError && error.status === 401) signedOut();
      },
    ).finally(() => setChecked(true));
  }, []);

  const signOut = async () => {
    await api.post('/auth/logout').catch(() => undefined);
    signedOut();
  };

  if (!checked) return null;
  if (!me) return <Login onSignedIn={start} />;

  const link = (path: string, label: string, active: boolean) => (
    <a href={`/app${path}`} aria-current={active ? 'page' : undefined} onClick={(e) => { e.preventDefault(); navigate(path); }}>{label}</a>
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t.skipToContent}</a>
      <header className="topbar">
        <span className="brand">{t.appName}</span>
        <nav aria-label={t.mainNav}>
          {link('', t.inbox, route.screen === 'inbox' || route.screen === 'case')}
          {SUPERVISING.has(me.role) && link('/wallboard', t.wallboard, route.screen === 'wallboard')}
          {ADMINISTERING.has(me.role) && link('/admin', t.admin, route.screen === 'admin')}
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
      <main id="main" tabIndex={-1}>
        {route.screen === 'inbox' && <Inbox me={me} />}
        <Suspense fallback={<p className="muted">{t.loading}</p>}>
          {route.screen === 'case' && <CaseView key={route.id} id={route.id} me={me} />}
          {route.screen === 'wallboard' && <Wallboard />}
          {route.screen === 'admin' && <Admin me={me} tab={route.tab} />}
        </Suspense>
      </main>
    </div>
  );
}
