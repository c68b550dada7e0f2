// Loads the case list page by page (keyset cursor) and reloads the first page when told to.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, query } from '../api';
import type { CaseSummary } from '../types';
import { firstPagePath, PAGE, takePreloadedFirstPage } from './first-page';

/** A row of the list: the server says whether the signed-in staff member has read the case's latest citizen contact. */
export type InboxCase = CaseSummary & { unread: boolean };
type Page = { items: InboxCase[]; nextCursor: string | null };

export function useCasePages(params: Record<string, string | undefined>) {
  const [items, setItems] = useState<InboxCase[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const deep = useRef(false);
  const key = JSON.stringify(params);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const path = firstPagePath(params);
      const page = await (takePreloadedFirstPage<Page>(path) ?? api.get<Page>(path));
      if (mine !== generation.current) return;
      // a live refresh keeps the deeper pages already scrolled into, with the first page renewed in front
      const fresh = new Set(page.items.map((c) => c.id));
      setItems((current) => (deep.current ? [...page.items, ...current.slice(PAGE).filter((c) => !fresh.has(c.id))] : page.items));
      if (!deep.current) setCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError((e as Error).message);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [key]);

  const loadMore = useCallback(async () => {
    if (!cursor || loading) return;
    const mine = generation.current;
    setLoading(true);
    try {
      const page = await api.get<Page>(`/cases${query({ ...params, limit: PAGE, cursor })}`);
      if (mine !== generation.current) return;
      setItems((current) => {
        const known = new Set(current.map((c) => c.id));
        return [...current, ...page.items.filter((c) => !known.has(c.id))];
      });
      deep.current = true;
      setCursor(page.nextCursor);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [cursor, loading, key]);

  useEffect(() => {
    setItems([]);
    setCursor(null);
    deep.current = false;
    void reload();
  }, [key]);

  /** Another tab or device of this staff member read (or unmarked) a case: change the row without a reload. */
  const setUnread = useCallback((caseId: string, unread: boolean) => {
    setItems((current) => current.map((c) => (c.id === caseId && c.unread !== unread ? { ...c, unread } : c)));
  }, []);

  return { items, loading, error, hasMore: cursor !== null, reload, loadMore, setUnread };
}
