// The JSON API client: bearer token from sign-in (the HttpOnly cookie also rides along for attachments).

const TOKEN_KEY = 'kontakt.token';
const ME_KEY = 'kontakt.me';

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * The signed-in session in this browser: the token, and the staff member as last seen, so a reload can
 * draw the inbox at once while GET /me confirms the session in the background.
 */
export const session = {
  token: (): string | null => localStorage.getItem(TOKEN_KEY),
  cachedMe: <T>(): T | null => {
    try {
      return JSON.parse(localStorage.getItem(ME_KEY) ?? 'null') as T | null;
    } catch {
      return null;
    }
  },
  save: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  remember: (me: unknown) => localStorage.setItem(ME_KEY, JSON.stringify(me)),
  clear: () => {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(ME_KEY);
  },
};

async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(`/api/v1${path}`, init);
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = Array.isArray(data.message) ? data.message.join('; ') : (data.message ?? response.statusText);
    throw new ApiError(response.status, message);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => send<T>('GET', path),
  post: <T>(path: string, body?: unknown) => send<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => send<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, body),
  delete: <T>(path: string) => send<T>('DELETE', path),
};

export const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};
