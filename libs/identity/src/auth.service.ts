import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { AppConfig } from '@kontakt/config';
import { DomainError } from '@kontakt/core';
import { PasswordHasher } from './password-hasher';
import { SessionsRepository } from './sessions.repository';
import { StaffUsersRepository } from './staff-users.repository';
import type { StaffPrincipal } from './staff-principal';

// Verified against when the email is unknown, so a wrong email costs as long as a wrong password.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$8rmcbGz3Fz5D7TnuHtjZ0sWIXjnpbI1qbaDm3K3jIeI';

export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: StaffUsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly config: AppConfig,
  ) {}

  /** Checks the password and opens a session; the same message for an unknown email and a wrong password. */
  async login(email: string, password: string): Promise<{ accessToken: string; expiresInSeconds: number }> {
    const user = await this.users.findByEmail(email);
    const ok = await this.hasher.verify(user?.password_hash ?? DUMMY_HASH, password);
    if (!user || !ok) {
      this.logger.warn({ event: 'login_failed' });
      throw new DomainError('unauthenticated', 'The email or password is wrong', {
        da: 'E-mail eller adgangskode er forkert',
        en: 'The email or password is wrong',
      });
    }
    if (user.disabled_at) throw new DomainError('forbidden', 'This account is disabled; ask an administrator');
    const accessToken = randomBytes(32).toString('base64url');
    await this.sessions.create(user.id, hashToken(accessToken), this.config.sessionTtlHours);
    this.logger.log({ event: 'login', userId: user.id });
    return { accessToken, expiresInSeconds: this.config.sessionTtlHours * 3600 };
  }

  async authenticate(token: string): Promise<StaffPrincipal | undefined> {
    const row = await this.sessions.findActive(hashToken(token));
    if (!row) return undefined;
    return { userId: row.user_id, sessionId: row.session_id, email: row.email, name: row.name, role: row.role };
  }

  logout(principal: StaffPrincipal): Promise<void> {
    return this.sessions.revoke(principal.sessionId);
  }
}
