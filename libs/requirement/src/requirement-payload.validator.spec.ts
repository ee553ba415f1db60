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

// Only what needs the workflow's clock or the request's state: the shape is the api DTOs' job.
describe('requirement payload rules of the workflow', () => {
  it('accepts a complete assessment', () => {
    expect(check({ action: 'assess', payload: { ...assess } })).toBeNull();
  });

  it('refuses a planned date in the past, but allows today', () => {
    const past = { ...assess, plannedDeliveryDate: '2026-12-02' };
    expect(check({ action: 'assess', payload: past })).toMatchObject({
      code: 'validation_failed',
      message: 'plannedDeliveryDate: plannedDeliveryDate must not be in the past',
      details: {
        fields: [
          { field: 'plannedDeliveryDate', message: 'plannedDeliveryDate must not be in the past' },
        ],
      },
    });
    expect(
      check({ action: 'assess', payload: { ...assess, plannedDeliveryDate: '2026-12-03' } }),
    ).toBeNull();
  });

  it('logs effort only for days that have begun, since the request was received', () => {
    const log = (date: string) =>
      check({ action: 'log-effort', payload: { date, personDays: 1, note: '' } });
    expect(log('2026-12-03')).toBeNull();
    expect(log('2026-12-04')?.details?.fields).toEqual([
      { field: 'date', message: 'date must not be in the future' },
    ]);
    expect(log('2026-11-30')?.details?.fields).toEqual([
      { field: 'date', message: 'date must not be before the request was received' },
    ]);
  });

  it('replans to another date that is not in the past', () => {
    const replan = (plannedDeliveryDate: string) =>
      check({ action: 'replan', payload: { plannedDeliveryDate, reason: '接口方延期' } });
    expect(replan('2026-12-31')).toBeNull();
    expect(replan('2026-12-20')?.details?.fields).toEqual([
      { field: 'plannedDeliveryDate', message: 'plannedDeliveryDate is already the planned date' },
    ]);
    expect(replan('2026-12-01')?.details?.fields).toEqual([
      { field: 'plannedDeliveryDate', message: 'plannedDeliveryDate must not be in the past' },
    ]);
  });

  it('has nothing to add for the actions whose payload is shape alone', () => {
    expect(check({ action: 'reject', payload: { reason: '' } })).toBeNull();
    expect(check({ action: 'approve', payload: {} })).toBeNull();
  });

  it('records a delay notice as late when given less than 7 days before the old date', () => {
    // Old date Thu 2026-12-10; notices in Shanghai days.
    expect(isLateReplanNotice('2026-12-03T15:59:00.000Z', '2026-12-10', 7)).toBe(false); // 12-03 23:59
    expect(isLateReplanNotice('2026-12-03T16:00:00.000Z', '2026-12-10', 7)).toBe(true); // 12-04 00:00
    expect(isLateReplanNotice('2026-12-11T02:00:00.000Z', '2026-12-10', 7)).toBe(true); // after it
    expect(isLateReplanNotice('2026-11-20T02:00:00.000Z', '2026-12-10', 7)).toBe(false);
  });
});
