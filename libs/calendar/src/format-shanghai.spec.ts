import { shanghaiDay, toShanghaiIso } from './format-shanghai';

describe('format-shanghai', () => {
  it('renders an instant with the +08:00 offset', () => {
    expect(toShanghaiIso(new Date('2026-10-10T15:59:59.999Z'))).toBe(
      '2026-10-10T23:59:59.999+08:00',
    );
    expect(toShanghaiIso(new Date('2026-03-03T16:30:00Z'))).toBe('2026-03-04T00:30:00.000+08:00');
  });

  it('takes the calendar day in Shanghai, not in UTC', () => {
    expect(shanghaiDay(new Date('2026-03-03T15:59:59.999Z'))).toBe('2026-03-03');
    expect(shanghaiDay(new Date('2026-03-03T16:00:00Z'))).toBe('2026-03-04');
    expect(shanghaiDay(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('rejects an invalid Date', () => {
    expect(() => shanghaiDay(new Date('nope'))).toThrow(RangeError);
    expect(() => toShanghaiIso(new Date(NaN))).toThrow(RangeError);
  });
});
