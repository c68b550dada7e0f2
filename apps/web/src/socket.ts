// The inbox socket (socket.io, token auth) shared by every screen. Screens subscribe by event name to a
// registry that outlives any one connection, so it does not matter whether they mount before the socket.
// socket.io-client loads as its own chunk, so it does not hold up the first screen.
import { useEffect, useRef } from 'react';
import type { Socket } from 'socket.io-client';

type Listener = (event: string, payload: any) => void;

let socket: Socket | undefined;
/** Counts connect and close calls, so a connection whose client arrives after a newer call is dropped. */
let generation = 0;
const listeners = new Set<Listener>();

export function connectSocket(token: string): void {
  const mine = ++generation;
  socket?.close();
  socket = undefined;
  void import('socket.io-client').then(({ io }) => {
    if (mine !== generation) return;
    socket = io({ auth: { token }, transports: ['websocket'] });
    socket.onAny((event: string, payload: unknown) => listeners.forEach((listener) => listener(event, payload)));
  });
}

export function closeSocket(): void {
  generation++;
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
