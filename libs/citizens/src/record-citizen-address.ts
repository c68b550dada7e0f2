import { Injectable, Logger } from '@nestjs/common';
import { DomainError, notFound } from '@kontakt/core';
import { Database } from '@kontakt/database';
import { CitizensRepository } from './citizens.repository';
import { addressIdentity, formatPostalAddress, parsePostalAddress } from './danish-address';

export interface CitizenAddressCommand {
  name?: string;
  street: string[];
  postcode: string;
  city: string;
}

export interface RecordedCitizenAddress {
  citizenId: string;
  name: string | null;
  /** the address as a letter's window shows it: street line, then postcode and town */
  address: string[];
  /** the identity a letter from this address finds the citizen by */
  identity: string;
  /** earlier addresses of the citizen that this one replaced */
  replaced: number;
}

const STREET_FIRST = {
  da: 'Første linje i street skal være vejnavn og husnummer, fx "Skolegade 3"',
  en: 'The first street line must be the street name and house number, e.g. "Skolegade 3"',
};

/**
 * Staff record or correct a citizen's postal address (and name), so a citizen known only by phone or
 * email can be answered by letter. The address is read and normalised exactly as a letter's is, so
 * a letter from it later finds the citizen; it replaces the citizen's other addresses (each letter
 * keeps the address it showed on its contact), and another citizen having it is a conflict.
 */
@Injectable()
export class RecordCitizenAddress {
  private readonly logger = new Logger(RecordCitizenAddress.name);

  constructor(private readonly db: Database, private readonly citizens: CitizensRepository) {}

  async execute(citizenId: string, command: CitizenAddressCommand, staffId: string): Promise<RecordedCitizenAddress> {
    const postTown = `${command.postcode.trim()} ${command.city.trim()}`;
    const [first, ...rest] = command.street.map((line) => line.trim());
    if (!parsePostalAddress(`${first}\n${postTown}`)) throw new DomainError('invalid', STREET_FIRST.en, STREET_FIRST);
    const address = parsePostalAddress([first, ...rest, postTown].join('\n'))!;
    const writtenAs = formatPostalAddress(address);
    const identity = addressIdentity(address);
    const name = command.name?.trim();

    const result = await this.db.transaction(async (tx) => {
      const citizen = await this.citizens.lock(tx, citizenId);
      if (!citizen) throw notFound(`Citizen ${citizenId}`);
      const recorded = await this.citizens.recordAddress(tx, citizenId, { value: identity, writtenAs }, staffId);
      if (!recorded.recorded) {
        const shown = writtenAs.replace('\n', ', ');
        throw new DomainError('conflict', `Another citizen (${recorded.ownerId}) already has the address ${shown}; correct that citizen's record first`, {
          da: `En anden borger (${recorded.ownerId}) har allerede adressen ${shown}; ret den borgers oplysninger først`,
          en: `Another citizen (${recorded.ownerId}) already has the address ${shown}; correct that citizen's record first`,
        });
      }
      if (name) await this.citizens.setName(tx, citizenId, name);
      return { replaced: recorded.replaced, name: name ?? citizen.display_name };
    });
    this.logger.log({ event: 'citizen_address_recorded', citizenId, by: staffId, replaced: result.replaced, named: name !== undefined });
    return { citizenId, name: result.name, address: writtenAs.split('\n'), identity, replaced: result.replaced };
  }
}
