import { formatRequirementId, parseRequirementId, requirementYearLabel } from './requirement-id';

describe('requirement numbers', () => {
  it('formats and parses REQ-<year>-<4 digits>', () => {
    expect(formatRequirementId(2026, 7)).toBe('REQ-2026-0007');
    expect(formatRequirementId(2026, 9999)).toBe('REQ-2026-9999');
    expect(parseRequirementId('REQ-2026-0007')).toEqual({ year: 2026, sequence: 7 });
  });

  it.each(['REQ-2026-0000', 'REQ-2026-12345', 'req-2026-0001', 'REQ-26-0001', 'REQ-2026-0001 '])(
    'does not parse %j',
    (id) => expect(parseRequirementId(id)).toBeNull(),
  );

  it('refuses numbers it cannot write', () => {
    expect(() => formatRequirementId(2026, 10_000)).toThrow(/the year's numbers are used up/);
    expect(() => formatRequirementId(2026, 0)).toThrow(RangeError);
    expect(() => formatRequirementId(26, 1)).toThrow(/four-digit year/);
  });

  it('labels a contract year by the calendar year it starts in', () => {
    expect(requirementYearLabel({ startDate: '2025-07-15' })).toBe(2025);
  });
});
