import { Injectable, Logger } from '@nestjs/common';
import { conflict, DomainError, invalid, isUniqueViolation, notFound } from '@kontakt/core';
import { PasswordHasher } from './password-hasher';
import { PresenceListeners } from './presence-listeners';
import { SessionsRepository } from './sessions.repository';
import { SkillRow, StaffUserChanges, StaffUserRow, StaffUsersRepository } from './staff-users.repository';
import type { Presence, Role } from './roles';

export interface StaffUserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  languages: string[];
  capacity: Record<string, number>;
  skills: { topic: string; level: number }[];
  presence: Presence;
  presenceReason: string | null;
  disabled: boolean;
  createdAt: Date;
}

export interface CreateStaffUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  languages?: string[];
  skills?: { topic: string; level: number }[];
  capacity?: Record<string, number>;
}

/** Default per-channel capacity: how many cases of a channel an agent holds at once. */
export const DEFAULT_CAPACITY = { email: 5, webform: 5, sms: 5, phone: 1, post: 3 };

@Injectable()
export class StaffUsersService {
  private readonly logger = new Logger(StaffUsersService.name);

  constructor(
    private readonly users: StaffUsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly presenceListeners: PresenceListeners,
  ) {}

  async create(input: CreateStaffUser): Promise<StaffUserView> {
    const skills = input.skills ?? [];
    const unknown = await this.users.unknownTopics(skills.map((s) => s.topic));
    if (unknown.length > 0) throw invalid(`skills name unknown topics: ${unknown.join(', ')}`);
    try {
      const row = await this.users.insert(
        {
          email: input.email.trim().toLowerCase(),
          name: input.name.trim(),
          passwordHash: await this.hasher.hash(input.password),
          role: input.role,
          languages: input.languages ?? ['da'],
          capacity: { ...DEFAULT_CAPACITY, ...input.capacity },
        },
        skills,
      );
      this.logger.log({ event: 'staff_user_created', userId: row.id, role: row.role });
      return this.view(row, skills);
    } catch (error) {
      if (isUniqueViolation(error, 'staff_users_email')) throw conflict(`A staff user with email ${input.email} already exists`);
      throw error;
    }
  }

  /** Creates the first administrator from ADMIN_EMAIL/ADMIN_PASSWORD when no staff user exists yet. */
  async bootstrapAdmin(email: string, password: string): Promise<boolean> {
    if ((await this.users.count()) > 0) return false;
    await this.create({ email, name: 'Administrator', password, role: 'admin', languages: ['da', 'en'] });
    return true;
  }

  async list(): Promise<StaffUserView[]> {
    const rows = await this.users.list();
    const skills = await this.users.skillsOf(rows.map((r) => r.id));
    return rows.map((row) => this.view(row, skills.filter((s) => s.user_id === row.id)));
  }

  async get(id: string): Promise<StaffUserView> {
    const row = await this.users.findById(id);
    if (!row) throw notFound(`Staff user ${id}`);
    return this.view(row, await this.users.skillsOf([id]));
  }

  async update(id: string, actingUserId: string, changes: StaffUserChanges): Promise<StaffUserView> {
    if (id === actingUserId && (changes.disabled || (changes.role && changes.role !== 'admin'))) {
      throw new DomainError('conflict', 'You cannot disable yourself or remove your own admin role; ask another administrator');
    }
    if (changes.skills) {
      const unknown = await this.users.unknownTopics(changes.skills.map((s) => s.topic));
      if (unknown.length > 0) throw invalid(`skills name unknown topics: ${unknown.join(', ')}`);
    }
    const row = await this.users.update(id, changes);
    if (!row) throw notFound(`Staff user ${id}`);
    this.logger.log({ event: 'staff_user_updated', userId: id, by: actingUserId, changes: Object.keys(changes) });
    if (changes.disabled) {
      await this.sessions.revokeAllOf(id);
      if (row.presence !== 'offline') return this.setPresence(id, 'offline', 'disabled');
    }
    return this.view(row, await this.users.skillsOf([id]));
  }

  async setPresence(id: string, presence: Presence, reason?: string): Promise<StaffUserView> {
    const row = await this.users.setPresence(id, presence, presence === 'available' ? null : (reason ?? null));
    if (!row) throw notFound(`Staff user ${id}`);
    await this.presenceListeners.notify({ userId: id, presence, reason: row.presence_reason });
    return this.view(row, await this.users.skillsOf([id]));
  }

  private view(row: StaffUserRow, skills: Pick<SkillRow, 'topic' | 'level'>[]): StaffUserView {
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      languages: row.languages,
      capacity: row.capacity,
      skills: skills.map((s) => ({ topic: s.topic, level: s.level })),
      presence: row.presence,
      presenceReason: row.presence_reason,
      disabled: row.disabled_at !== null,
      createdAt: row.created_at,
    };
  }
}
