// The inbox's first request, started by the small preload script in index.html while the app's main
// script is still loading, rather than after React's first render and effects: on a reload into the
// inbox the list arrives about when the screen is drawn. Imports nothing heavy, so the preload stays tiny.
import { api, query, session } from '../api';
import type { Me } from '../types';

export type View = 'mine' | 'queues' | 'all';
export const PAGE = 100;
const OPEN = 'new,queued,offered,assigned,waiting_on_citizen';

export const viewParams = (view: View): Record<string, string> =>
  view === 'mine' ? { assignee: 'me', status: 'assigned,waiting_on_citizen' } : view === 'queues' ? { assignee: 'none', status: 'queued,offered' } : { status: OPEN };

export const defaultView = (me: Pick<Me, 'role'>): View => (me.role === 'agent' ? 'mine' : 'all');

export const firstPagePath = (params: Record<string, string | undefined>) => `/cases${query({ ...params, limit: PAGE })}`;

const preloaded = new Map<string, Promise<unknown>>();

/** Starts the first page of the default view for the staff member this browser last saw, when the page is the inbox. */
export function preloadFirstPage(): void {
  const me = session.cachedMe<Me>();
  if (!session.token() || !me || !/^\/app\/?$/.test(location.pathname)) return;
  const path = firstPagePath(viewParams(defaultView(me)));
  const request = api.get(path);
  request.catch(() => undefined);
  preloaded.set(path, request);
}

/** The preloaded answer for exactly this request, once; later reloads ask the server again. */
export function takePreloadedFirstPage<T>(path: string): Promise<T> | undefined {
  const request = preloaded.get(path) as Promise<T> | undefined;
  preloaded.delete(path);
  return request;
}
