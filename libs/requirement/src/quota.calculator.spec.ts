import {
  canReserve,
  planQuotaOperation,
  quotaExceededError,
  reservedFor,
  summarizeQuota,
  type QuotaEntry,
} from './quota.calculator';

const at = '2026-12-01T00:00:00.000Z';
const e = (requirementId: string, type: QuotaEntry['type'], personDays: number): QuotaEntry => ({
  requirementId,
  type,
  personDays,
  at,
});

describe('interface quota arithmetic', () => {
  it('sums reservations, consumption and the rest; outside-quota work is listed, not counted', () => {
    const entries = [
      e('REQ-1', 'reserve', 10),
      e('REQ-2', 'reserve', 5.5),
      e('REQ-1', 'release', 10),
      e('REQ-1', 'consume', 8.5),
      e('REQ-3', 'outside_quota', 30),
    ];
    expect(summarizeQuota(50, entries)).toEqual({
      total: 50,
      reserved: 5.5,
      consumed: 8.5,
      remaining: 36,
      outsideQuota: 30,
      grantedByChanges: 0,
    });
    expect(summarizeQuota(50, [])).toMatchObject({ reserved: 0, consumed: 0, remaining: 50 });
  });

  it('keeps tenths exact', () => {
    const entries = [e('R', 'reserve', 0.1), e('R', 'reserve', 0.2)];
    expect(summarizeQuota(1, entries)).toMatchObject({ reserved: 0.3, remaining: 0.7 });
  });

  it('reserves up to exactly what remains, and says how much remains when beyond', () => {
    expect(canReserve(5, 5, 'within_quota')).toEqual({ ok: true });
    expect(canReserve(5, 5.01, 'within_quota')).toEqual({
      ok: false,
      remaining: 5,
      requested: 5.01,
    });
    expect(canReserve(5, 50, 'outside_quota')).toEqual({ ok: true });
    expect(canReserve(-2, 1, 'within_quota')).toEqual({ ok: false, remaining: 0, requested: 1 });
  });

  it('words the refusal with the remaining person-days', () => {
    expect(quotaExceededError(3, 4)).toMatchObject({
      code: 'quota_exceeded',
      details: { remaining: 3, requested: 4 },
    });
    expect(quotaExceededError(3, 4).message).toMatch(
      /^The estimate of 4 person-days exceeds the 3/,
    );
  });

  it('plans a reservation, then its replacement by the actual at acceptance', () => {
    const reserved = planQuotaOperation(
      50,
      [],
      'REQ-1',
      { op: 'reserve', personDays: 12, decision: 'within_quota' },
      at,
    );
    expect(reserved).toEqual({
      ok: true,
      entries: [e('REQ-1', 'reserve', 12)],
      summary: {
        total: 50,
        reserved: 12,
        consumed: 0,
        remaining: 38,
        outsideQuota: 0,
        grantedByChanges: 0,
      },
    });
    if (!reserved.ok) throw new Error('unreachable');
    const consumed = planQuotaOperation(
      50,
      reserved.entries,
      'REQ-1',
      { op: 'consume', personDays: 14 },
      at,
    );
    expect(consumed).toMatchObject({
      ok: true,
      entries: [e('REQ-1', 'release', 12), e('REQ-1', 'consume', 14)],
      summary: { reserved: 0, consumed: 14, remaining: 36 },
    });
  });

  it('releases only what the request holds', () => {
    const entries = [e('REQ-1', 'reserve', 12), e('REQ-2', 'reserve', 3)];
    expect(reservedFor(entries, 'REQ-1')).toBe(12);
    expect(planQuotaOperation(50, entries, 'REQ-1', { op: 'release' }, at)).toMatchObject({
      entries: [e('REQ-1', 'release', 12)],
      summary: { reserved: 3, remaining: 47 },
    });
    expect(planQuotaOperation(50, entries, 'REQ-9', { op: 'release' }, at)).toMatchObject({
      entries: [],
    });
  });

  it('refuses a reservation beyond the rest unless paid outside the quota', () => {
    const entries = [e('REQ-1', 'reserve', 48)];
    const within = { op: 'reserve', personDays: 3, decision: 'within_quota' } as const;
    expect(planQuotaOperation(50, entries, 'REQ-2', within, at)).toEqual({
      ok: false,
      remaining: 2,
      requested: 3,
    });
    const outside = { ...within, decision: 'outside_quota' } as const;
    expect(planQuotaOperation(50, entries, 'REQ-2', outside, at)).toMatchObject({
      ok: true,
      entries: [e('REQ-2', 'outside_quota', 3)],
      summary: { reserved: 48, remaining: 2, outsideQuota: 3 },
    });
  });

  it('names the change request that granted an outside-quota entry, and counts its grants apart', () => {
    const plan = planQuotaOperation(
      10,
      [],
      'REQ-1',
      {
        op: 'reserve',
        personDays: 4,
        decision: 'outside_quota',
        changeRequestId: 'CHG-2026-0001',
      },
      '2026-03-01T00:00:00.000Z',
    );
    expect(plan).toMatchObject({
      ok: true,
      entries: [{ type: 'outside_quota', personDays: 4, changeRequestId: 'CHG-2026-0001' }],
      summary: { outsideQuota: 4, grantedByChanges: 4, remaining: 10 },
    });
    const plain = summarizeQuota(10, [e('REQ-2', 'outside_quota', 3)]);
    expect([plain.outsideQuota, plain.grantedByChanges]).toEqual([3, 0]);
  });
});
