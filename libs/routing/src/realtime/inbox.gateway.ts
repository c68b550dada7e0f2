import { Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { createAdapter } from '@socket.io/postgres-adapter';
import type { Server, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import { AuthService, StaffPrincipal } from '@kontakt/identity';
import { TopicsRepository } from '@kontakt/topics';
import { PresenceService } from '../presence/presence.service';
import { agentRoom, queueRoom, SUPERVISORS_ROOM } from './inbox-events';
import { InboxPublisher } from './inbox-publisher';
import { NotifyBatchingPool } from './notify-batching-pool';

const WATCHING_ROLES = new Set(['supervisor', 'admin']);

/**
 * The staff inbox socket (socket.io on the server's origin, default path). A socket authenticates
 * with the REST access token in `auth.token`; it joins its staff member's room, and supervisors and
 * admins join every queue's room. Rooms fan out across processes through @socket.io/postgres-adapter.
 */
@WebSocketGateway({ cors: { origin: true, credentials: true } })
export class InboxGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(InboxGateway.name);
  private pool?: NotifyBatchingPool;
  private server?: Server;
  private closing = false;

  constructor(
    private readonly auth: AuthService,
    private readonly topics: TopicsRepository,
    private readonly dataSource: DataSource,
    private readonly publisher: InboxPublisher,
    private readonly presence: PresenceService,
  ) {}

  afterInit(server: Server): void {
    this.server = server;
    this.pool = new NotifyBatchingPool({ connectionString: (this.dataSource.options as { url?: string }).url, max: 4, application_name: 'kontakt-socket-adapter' });
    this.pool.on('error', (error) => this.logger.error({ event: 'socket_adapter_pool_error', error: error.message }));
    server.adapter(
      createAdapter(this.pool, {
        errorHandler: (error) => {
          if (!this.closing) this.logger.error({ event: 'socket_adapter_error', error: error.message });
        },
      }),
    );
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (typeof token !== 'string' || token.length === 0) return next(new Error('unauthenticated: send the access token from POST /api/v1/auth/login in auth.token'));
      this.auth.authenticate(token).then(
        (staff) => {
          if (!staff) return next(new Error('unauthenticated: the session has expired or was signed out; sign in again'));
          socket.data.staff = staff;
          next();
        },
        (error: Error) => next(error),
      );
    });
    this.publisher.attach(server);
  }

  async handleConnection(socket: Socket): Promise<void> {
    const staff = socket.data.staff as StaffPrincipal | undefined;
    if (!staff) return;
    const rooms = [agentRoom(staff.userId)];
    if (WATCHING_ROLES.has(staff.role)) {
      const queues = await this.topics.queues();
      rooms.push(SUPERVISORS_ROOM, ...queues.map((q) => queueRoom(q.id)));
    }
    await socket.join(rooms);
    socket.emit('ready', { userId: staff.userId, rooms: rooms.length });
    this.logger.debug({ event: 'socket_connected', userId: staff.userId, socketId: socket.id });
  }

  handleDisconnect(socket: Socket): void {
    const staff = socket.data.staff as StaffPrincipal | undefined;
    if (!staff || this.publisher.hasLocalSocket(staff.userId)) return;
    this.presence.lostLocalSockets(staff.userId).catch((error: Error) => this.logger.error({ event: 'presence_grace_failed', userId: staff.userId, error: error.message }));
  }

  async onModuleDestroy(): Promise<void> {
    // The adapter announces its close without waiting for it, so its last publishes may meet the ended
    // pool; those are expected on shutdown and not logged. Its listening client may still be checked
    // out, so do not let it hold up shutdown.
    this.closing = true;
    await this.server?.of('/').adapter.close();
    await Promise.race([this.pool?.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
  }
}
