import type { Sql } from '@kontakt/core';
import type { Database } from '@kontakt/database';
import type { CitizensRepository } from './citizens.repository';
import { addressIdentity, parsePostalAddress } from './danish-address';
import { RecordCitizenAddress } from './record-citizen-address';

function recording(existing: { citizen?: boolean; ownerId?: string } = {}) {
  const recorded: { value: string; writtenAs: string }[] = [];
  const names: string[] = [];
  const citizens = {
    lock: async () => (existing.citizen === false ? undefined : { id: 'citizen-1', display_name: 'Karen Hansen' }),
    recordAddress: async (_tx: Sql, _id: string, address: { value: string; writtenAs: string }) => {
      recorded.push(address);
      return existing.ownerId ? { recorded: false, ownerId: existing.ownerId } : { recorded: true, replaced: 1 };
    },
    setName: async (_tx: Sql, _id: string, name: string) => void names.push(name),
  } as unknown as CitizensRepository;
  const db = { transaction: (work: (tx: Sql) => Promise<unknown>) => work({} as Sql) } as unknown as Database;
  return { service: new RecordCitizenAddress(db, citizens), recorded, names };
}

describe("recording a citizen's address", () => {
  it('stores the address under the identity a letter showing it is found by, however it was typed', async () => {
    const { service, recorded, names } = recording();
    const result = await service.execute('citizen-1', { name: ' Karen Hansen-Berg ', street: ['Skolegade  nr. 3', '1. th.'], postcode: ' 8660', city: 'Skanderborg ' }, 'staff-1');

    const asALetterShowsIt = addressIdentity(parsePostalAddress('skolegade 3, 1. th., DK-8660 Skanderborg, Danmark')!);
    expect(recorded).toEqual([{ value: asALetterShowsIt, writtenAs: 'Skolegade 3, 1. th.\n8660 Skanderborg' }]);
    expect(names).toEqual(['Karen Hansen-Berg']);
    expect(result).toEqual({
      citizenId: 'citizen-1', name: 'Karen Hansen-Berg', address: ['Skolegade 3, 1. th.', '8660 Skanderborg'], identity: 'skolegade 3, 1. th., 8660 skanderborg', replaced: 1,
    });
  });

  it('keeps the name when none is given', async () => {
    const { service, names } = recording();
    await expect(service.execute('citizen-1', { street: ['Bakkevej 2'], postcode: '8660', city: 'Skanderborg' }, 'staff-1')).resolves.toMatchObject({ name: 'Karen Hansen' });
    expect(names).toEqual([]);
  });

  it('refuses a first street line that is not a street and house number', async () => {
    const { service, recorded } = recording();
    await expect(service.execute('citizen-1', { street: ['c/o Hansen', 'Skolegade 3'], postcode: '8660', city: 'Skanderborg' }, 'staff-1'))
      .rejects.toMatchObject({ kind: 'invalid', text: { da: expect.stringContaining('vejnavn og husnummer') } });
    expect(recorded).toEqual([]);
  });

  it('is a conflict naming the other citizen when they already have the address', async () => {
    const { service, names } = recording({ ownerId: 'citizen-2' });
    await expect(service.execute('citizen-1', { name: 'Ny', street: ['Torvet 1'], postcode: '8660', city: 'Skanderborg' }, 'staff-1'))
      .rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('Another citizen (citizen-2) already has the address Torvet 1, 8660 Skanderborg') });
    expect(names).toEqual([]);
  });

  it('is not found for an unknown citizen', async () => {
    const { service } = recording({ citizen: false });
    await expect(service.execute('nobody', { street: ['Torvet 1'], postcode: '8660', city: 'Skanderborg' }, 'staff-1')).rejects.toMatchObject({ kind: 'not_found' });
  });
});
