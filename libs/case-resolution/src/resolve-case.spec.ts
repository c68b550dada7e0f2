import { DomainError } from '@kontakt/core';
import type { CasesService } from '@kontakt/cases';
import type { StaffPrincipal } from '@kontakt/identity';
import type { CaseResolutionsRepository } from './case-resolutions.repository';
import { ResolveCase } from './resolve-case';

const staff = { userId: '5b0c7f3e-0f7e-4a51-9a53-3f3f6f1c2d10', name: 'Anna Agent', role: 'agent' } as StaffPrincipal;
const caseId = '0d1c2b3a-4f5e-4d6c-8b7a-695847362514';

function fakes(changeStatus: CasesService['changeStatus']) {
  const recorded: { caseId: string; outcome: string; staffId: string }[] = [];
  const cases = { changeStatus } as unknown as CasesService;
  const resolutions = {
    record: async (id: string, outcome: string, staffId: string) => {
      recorded.push({ caseId: id, outcome, staffId });
    },
    ofCase: async () => recorded.map((r) => ({ outcome: r.outcome, resolved_by: r.staffId, resolver_name: 'Anna Agent', resolved_at: new Date('2026-12-02T09:00:00Z') })),
  } as unknown as CaseResolutionsRepository;
  return { useCase: new ResolveCase(cases, resolutions), recorded };
}

describe('ResolveCase', () => {
  it('moves the case to resolved and records the outcome with who resolved it', async () => {
    const moves: string[] = [];
    const { useCase, recorded } = fakes((async (id: string, to: string) => {
      moves.push(`${id}:${to}`);
      return { id, status: to };
    }) as unknown as CasesService['changeStatus']);

    const result = await useCase.execute(caseId, 'referred', staff);

    expect(moves).toEqual([`${caseId}:resolved`]);
    expect(recorded).toEqual([{ caseId, outcome: 'referred', staffId: staff.userId }]);
    expect(result).toMatchObject({ status: 'resolved', resolutions: [{ outcome: 'referred', by: { id: staff.userId, name: 'Anna Agent' } }] });
  });

  it('records nothing when the state machine refuses the move', async () => {
    const { useCase, recorded } = fakes((async () => {
      throw new DomainError('conflict', 'A case cannot move from closed to resolved: closed is final');
    }) as unknown as CasesService['changeStatus']);

    await expect(useCase.execute(caseId, 'answered', staff)).rejects.toThrow('closed is final');
    expect(recorded).toEqual([]);
  });
});
