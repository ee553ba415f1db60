import { initialRemediationState, type RemediationState } from '@luyue/security/definitions';
import { securityTask } from '../../../../test/fixtures/security-task.fixtures';
import { RemediationService } from './security-task-actions.service';

// Contract years from 1 January: the second starts at 2027-01-01 00:00 Shanghai (16:00 UTC on
// 31 December). The issue worker fixed each task's contract year from its Shanghai date.
const CONTRACT = {
  id: '00000000-0000-4000-8000-000000000001',
  number: 'YW-2026-01',
  startDate: '2026-01-01',
  years: [
    { yearNo: 1, startDate: '2026-01-01', endDate: '2026-12-31' },
    { yearNo: 2, startDate: '2027-01-01', endDate: '2027-12-31' },
  ],
};

const state = (id: string, issuedAt: string, contractYear: number): RemediationState => ({
  ...initialRemediationState(securityTask(id, issuedAt, { contractYear })),
  noticeId: id,
});

function serviceWith(states: RemediationState[]): RemediationService {
  const none = {} as never;
  return new RemediationService(
    none,
    { requireParty: () => Promise.resolve(CONTRACT) } as never,
    { states: () => Promise.resolve(states) } as never,
    none,
    none,
    { calendar: () => Promise.resolve({ workingDaysBetween: () => ({ days: 0 }) }) } as never,
    none,
    { tasks: {} } as never,
  );
}

describe('RemediationService.stats by year', () => {
  // 1 January 2027 07:00 in Shanghai is still 31 December 2026 in UTC.
  const newYearMorning = state('N-jan1', '2026-12-31T23:00:00.000Z', 2);
  const newYearsEve = state('N-dec31', '2026-12-31T15:59:00.000Z', 1);
  const service = serviceWith([newYearMorning, newYearsEve]);
  const actor = { userId: 'u', roles: ['hospital_manager'] } as never;

  it('counts a notice issued at 07:00 Shanghai on 1 January in the new contract year', async () => {
    const second = await service.stats(actor, CONTRACT.id, 2);
    expect(second.notices.map((n) => n.noticeId)).toEqual(['N-jan1']);
    expect(second.issued).toBe(1);
    const first = await service.stats(actor, CONTRACT.id, 1);
    expect(first.notices.map((n) => n.noticeId)).toEqual(['N-dec31']);
    const all = await service.stats(actor, CONTRACT.id);
    expect(all.contractYears.map((y) => [y.contractYear, y.issued])).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it('refuses a year that is not a contract year, naming the field', async () => {
    await expect(service.stats(actor, CONTRACT.id, 2027)).rejects.toMatchObject({
      code: 'validation_failed',
      details: { fields: [expect.objectContaining({ field: 'year' })] },
    });
  });
});
