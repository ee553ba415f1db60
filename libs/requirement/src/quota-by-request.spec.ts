import { quotaByRequest, type QuotaEntry } from './quota.calculator';

const at = '2026-03-01T00:00:00.000Z';
const e = (requirementId: string, type: QuotaEntry['type'], personDays: number): QuotaEntry => ({
  requirementId,
  type,
  personDays,
  at,
});

describe('quotaByRequest', () => {
  it('names the requests behind reserved, consumed and outside-quota person-days', () => {
    const entries = [
      e('REQ-2026-0002', 'reserve', 5),
      e('REQ-2026-0001', 'reserve', 3),
      e('REQ-2026-0001', 'release', 3),
      e('REQ-2026-0001', 'consume', 2.5),
      e('REQ-2026-0003', 'reserve', 4),
      e('REQ-2026-0003', 'release', 1.5),
      e('REQ-2026-0004', 'outside_quota', 8),
    ];
    expect(quotaByRequest(entries)).toEqual({
      reserved: [
        { requirementId: 'REQ-2026-0002', personDays: 5 },
        { requirementId: 'REQ-2026-0003', personDays: 2.5 },
      ],
      consumed: [{ requirementId: 'REQ-2026-0001', personDays: 2.5 }],
      outsideQuota: [{ requirementId: 'REQ-2026-0004', personDays: 8 }],
    });
  });
});
