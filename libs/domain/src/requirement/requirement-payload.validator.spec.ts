import { isLateReplanNotice, validatePayload } from './requirement-payload.validator';
import type { RequirementActionCall } from './requirement.types';

const state = { plannedDeliveryDate: '2026-12-20', receivedAt: '2026-12-01T02:00:00.000Z' };
const at = '2026-12-03T02:00:00.000Z'; // Thu 10:00 Shanghai
const assess = {
  kind: 'interface_new',
  feasibility: 'feasible',
  estimatePersonDays: 4.5,
  plannedDeliveryDate: '2026-12-20',
  solution: '新增医保结算接口',
} as const;

const check = (call: RequirementActionCall) => validatePayload(call, state, at);

describe('requirement payload rules', () => {
  it('accepts a complete assessment', () => {
    expect(check({ action: 'assess', payload: { ...assess } })).toBeNull();
  });

  it.each(['architecture_change', 'core_rewrite'] as const)(
    'requires an alternative solution when the request needs %s',
    (feasibility) => {
      expect(check({ action: 'assess', payload: { ...assess, feasibility } })).toMatchObject({
        code: 'validation_failed',
        details: { field: 'alternativeSolution' },
        message:
          'alternativeSolution is required when the request needs an architecture change or a core rewrite',
      });
      const blank = { ...assess, feasibility, alternativeSolution: '  ' };
      expect(check({ action: 'assess', payload: blank })?.details?.field).toBe(
        'alternativeSolution',
      );
      const given = { ...assess, feasibility, alternativeSolution: '通过中间件转发' };
      expect(check({ action: 'assess', payload: given })).toBeNull();
    },
  );

  it('refuses estimates that are not positive person-days to the hundredth', () => {
    for (const estimatePersonDays of [0, -1, 1.234, Number.NaN, 20_000]) {
      expect(
        check({ action: 'assess', payload: { ...assess, estimatePersonDays } })?.details?.field,
      ).toBe('estimatePersonDays');
    }
  });

  it('refuses a planned date in the past or that is not a date, but allows today', () => {
    const past = { ...assess, plannedDeliveryDate: '2026-12-02' };
    expect(check({ action: 'assess', payload: past })?.message).toBe(
      'plannedDeliveryDate must not be in the past',
    );
    const bad = { ...assess, plannedDeliveryDate: '2026-02-30' };
    expect(check({ action: 'assess', payload: bad })?.details?.field).toBe('plannedDeliveryDate');
    expect(
      check({ action: 'assess', payload: { ...assess, plannedDeliveryDate: '2026-12-03' } }),
    ).toBeNull();
  });

  it('refuses unknown kinds, even from a caller that skipped the api', () => {
    const call = { action: 'assess', payload: { ...assess, kind: 'bribe' } } as never;
    expect(check(call)?.message).toMatch(/^kind must be one of interface_new, customization/);
    expect(
      check({ action: 'approve', payload: { quotaDecision: 'maybe' } } as never),
    ).toMatchObject({ details: { field: 'quotaDecision' } });
    expect(check({ action: 'approve', payload: {} })).toBeNull();
  });

  it('needs a reason to reject or cancel', () => {
    expect(check({ action: 'reject', payload: { reason: '' } })?.details?.field).toBe('reason');
    expect(check({ action: 'cancel', payload: {} as never })?.details?.field).toBe('reason');
    expect(check({ action: 'cancel', payload: { reason: '需求撤回' } })).toBeNull();
  });

  it('logs effort only for days that have begun, since the request was received', () => {
    const log = (date: string, personDays = 1) =>
      check({ action: 'log-effort', payload: { date, personDays, note: '' } });
    expect(log('2026-12-03')).toBeNull();
    expect(log('2026-12-04')?.message).toBe('date must not be in the future');
    expect(log('2026-11-30')?.message).toBe('date must not be before the request was received');
    expect(log('2026-12-02', 0)?.details?.field).toBe('personDays');
  });

  it('needs release notes and a rollback plan to release', () => {
    const error = check({
      action: 'release',
      payload: { version: 'v2.3.1', releaseNotes: '', rollbackPlan: '' },
    });
    expect(error?.details?.problems).toEqual([
      { field: 'releaseNotes', message: 'releaseNotes must not be empty' },
      { field: 'rollbackPlan', message: 'rollbackPlan must not be empty' },
    ]);
  });

  it('accepts an explicit actual of zero and refuses a negative one', () => {
    expect(check({ action: 'accept', payload: { actualPersonDays: 0, note: '' } })).toBeNull();
    expect(
      check({ action: 'accept', payload: { actualPersonDays: -1, note: '' } })?.details?.field,
    ).toBe('actualPersonDays');
  });

  it('replans to another date that is not in the past', () => {
    const replan = (plannedDeliveryDate: string) =>
      check({ action: 'replan', payload: { plannedDeliveryDate, reason: '接口方延期' } });
    expect(replan('2026-12-31')).toBeNull();
    expect(replan('2026-12-20')?.message).toBe('plannedDeliveryDate is already the planned date');
    expect(replan('2026-12-01')?.message).toBe('plannedDeliveryDate must not be in the past');
  });

  it('records a delay notice as late when given less than 7 days before the old date', () => {
    // Old date Thu 2026-12-10; notices in Shanghai days.
    expect(isLateReplanNotice('2026-12-03T15:59:00.000Z', '2026-12-10', 7)).toBe(false); // 12-03 23:59
    expect(isLateReplanNotice('2026-12-03T16:00:00.000Z', '2026-12-10', 7)).toBe(true); // 12-04 00:00
    expect(isLateReplanNotice('2026-12-11T02:00:00.000Z', '2026-12-10', 7)).toBe(true); // after it
    expect(isLateReplanNotice('2026-11-20T02:00:00.000Z', '2026-12-10', 7)).toBe(false);
  });
});
