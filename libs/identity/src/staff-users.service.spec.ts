import { Logger } from '@nestjs/common';
import { DomainError } from '@kontakt/core';
import type { PasswordHasher } from './password-hasher';
import { PresenceChange, PresenceListeners } from './presence-listeners';
import type { SessionsRepository } from './sessions.repository';
import type { StaffUserChanges, StaffUserRow, StaffUsersRepository } from './staff-users.repository';
import { StaffUsersService } from './staff-users.service';

const adminId = '5b0c7f3e-0f7e-4a51-9a53-3f3f6f1c2d10';
const agentId = '0d1c2b3a-4f5e-4d6c-8b7a-695847362514';

function fakes(presence: StaffUserRow['presence'] = 'available') {
  let row: StaffUserRow = {
    id: agentId, email: 'anna@kommune.test', name: 'Anna Agent', password_hash: 'x', role: 'agent', languages: ['da'],
    capacity: { email: 5 }, presence, presence_reason: null, disabled_at: null, created_at: new Date('2026-12-01T08:00:00Z'),
  };
  const updates: StaffUserChanges[] = [];
  const revoked: string[] = [];
  const heard: PresenceChange[] = [];
  const users = {
    update: async (id: string, changes: StaffUserChanges) => {
      updates.push(changes);
      if (id !== agentId) return undefined;
      row = { ...row, disabled_at: changes.disabled ? new Date() : row.disabled_at, languages: changes.languages ?? row.languages };
      return row;
    },
    setPresence: async (_: string, next: StaffUserRow['presence'], reason: string | null) => (row = { ...row, presence: next, presence_reason: reason }),
    skillsOf: async () => [],
    unknownTopics: async (slugs: string[]) => slugs.filter((s) => s !== 'affald'),
  } as unknown as StaffUsersRepository;
  const sessions = { revokeAllOf: async (id: string) => void revoked.push(id) } as unknown as SessionsRepository;
  const listeners = new PresenceListeners();
  listeners.add(async (change) => void heard.push(change));
  const service = new StaffUsersService(users, sessions, {} as PasswordHasher, listeners);
  return { service, updates, revoked, heard };
}

describe('StaffUsersService.update', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('signs a disabled user out everywhere and sets them offline, so the router withdraws their offers', async () => {
    const { service, revoked, heard } = fakes('available');

    const view = await service.update(agentId, adminId, { disabled: true });

    expect(view).toMatchObject({ disabled: true, presence: 'offline', presenceReason: 'disabled' });
    expect(revoked).toEqual([agentId]);
    expect(heard).toEqual([{ userId: agentId, presence: 'offline', reason: 'disabled' }]);
  });

  it('leaves an offline user offline without telling the router again', async () => {
    const { service, heard } = fakes('offline');

    await service.update(agentId, adminId, { disabled: true });

    expect(heard).toEqual([]);
  });

  it('refuses skills on unknown topics before changing anything', async () => {
    const { service, updates } = fakes();

    await expect(service.update(agentId, adminId, { skills: [{ topic: 'affald', level: 2 }, { topic: 'findes-ikke', level: 3 }] }))
      .rejects.toThrow('skills name unknown topics: findes-ikke');
    expect(updates).toEqual([]);
  });

  it('does not let an administrator disable themselves', async () => {
    const { service } = fakes();

    await expect(service.update(adminId, adminId, { disabled: true })).rejects.toBeInstanceOf(DomainError);
  });

  it('changes languages and re-enables without touching sessions or presence', async () => {
    const { service, revoked, heard } = fakes();

    const view = await service.update(agentId, adminId, { languages: ['da', 'en'], disabled: false });

    expect(view.languages).toEqual(['da', 'en']);
    expect(revoked).toEqual([]);
    expect(heard).toEqual([]);
  });
});
