import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { agentRoom, InboxEvent, InboxEvents, queueRoom, SUPERVISORS_ROOM } from './inbox-events';

/**
 * Pushes inbox events to rooms. Rooms span every server process through the PostgreSQL adapter, so
 * the process that made an offer reaches the agent wherever their socket is connected.
 */
@Injectable()
export class InboxPublisher {
  private server?: Server;

  attach(server: Server): void {
    this.server = server;
  }

  toAgent<E extends InboxEvent>(agentId: string, event: E, payload: InboxEvents[E]): void {
    this.server?.to(agentRoom(agentId)).emit(event, payload);
  }

  toQueue<E extends InboxEvent>(queueId: string, event: E, payload: InboxEvents[E]): void {
    this.server?.to(queueRoom(queueId)).emit(event, payload);
  }

  toSupervisors<E extends InboxEvent>(event: E, payload: InboxEvents[E]): void {
    this.server?.to(SUPERVISORS_ROOM).emit(event, payload);
  }

  /** Whether the staff member has a socket on any server process. */
  async isConnected(userId: string): Promise<boolean> {
    if (!this.server) return false;
    return (await this.server.in(agentRoom(userId)).fetchSockets()).length > 0;
  }

  /** Whether this process still holds a socket of the staff member. */
  hasLocalSocket(userId: string): boolean {
    return (this.server?.of('/').adapter.rooms.get(agentRoom(userId))?.size ?? 0) > 0;
  }
}
