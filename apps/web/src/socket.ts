// The inbox socket (socket.io, token auth) shared by every screen; screens subscribe to events by name.
import { useEffect, useRef } from 'react';
import { io, Socket } from 'socket.io-client';

let socket: Socket | undefined;

export function connectSocket(token: string): Socket {
  socket?.close();
  socket = io({ auth: { token }, transports: ['websocket'] });
  return socket;
}

export function closeSocket() {
  socket?.close();
  socket = undefined;
}

/** Calls the latest handler for each of the named events while the component is mounted. */
export function useSocketEvents(events: string[], handler: (event: string, payload: any) => void) {
  const latest = useRef(handler);
  latest.current = handler;
  const key = events.join(',');
  useEffect(() => {
    const current = socket;
    if (!current) return;
    const names = key.split(',');
    const listener = (event: string, payload: unknown) => {
      if (names.includes(event)) latest.current(event, payload);
    };
    current.onAny(listener);
    return () => {
      current.offAny(listener);
    };
  }, [key]);
}
