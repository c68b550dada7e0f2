// A small history router for the app's few screens under /app.
import { useEffect, useState } from 'react';

export const BASE = '/app';

export type Route =
  | { screen: 'inbox' }
  | { screen: 'case'; id: string }
  | { screen: 'wallboard' }
  | { screen: 'admin'; tab: string | null };

export function parse(pathname: string): Route {
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const caseMatch = /^\/cases\/([0-9a-f-]{36})\/?$/i.exec(path);
  if (caseMatch) return { screen: 'case', id: caseMatch[1] };
  if (path.startsWith('/wallboard')) return { screen: 'wallboard' };
  const adminMatch = /^\/admin(?:\/([a-z-]+))?\/?$/.exec(path);
  if (adminMatch) return { screen: 'admin', tab: adminMatch[1] ?? null };
  return { screen: 'inbox' };
}

export function navigate(path: string) {
  history.pushState(null, '', `${BASE}${path}`);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parse(location.pathname));
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return route;
}
