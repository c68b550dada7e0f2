// The inbox socket (socket.io, token auth) shared by every screen. Screens subscribe by event name to a
// registry that outlives any one connection, so it does not matter whether they mount before the socket.
import { useEffect, useRef } from 'react';
import { io, Socket } from 'socket.io-client';

type Listener = (event: string, payload: any) => void;

let socket: Socket | undefined;
const listeners = new Set<Listener>();

export function connectSocket(token: string): void {
  socket?.close();
  socket = io({ auth: { token }, transports: ['websocket'] });
  socket.onAny((event: string, payload: unknown) => listeners.forEach((listener) => listener(event, payload)));
}

export function closeSocket(): void {
  socket?.close();
  socket = undefined;
}

/** Calls the latest handler for each of the named events while the component is mounted. */
export function useSocketEvents(events: string[], handler: (event: string, payload: any) => void) {
  const latest = useRef(handler);
  latest.current = handler;
  const key = events.join(',');
  useEffect(() => {
    const names = key.split(',');
    const listener: Listener = (event, payload) => {
      if (names.includes(event)) latest.current(event, payload);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [key]);
}
