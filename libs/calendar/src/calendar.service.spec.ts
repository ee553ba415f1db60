import type { CalendarYearRepository } from '@luyue/persistence';
import { CalendarService } from './calendar.service';

/** A calendar_year table of one loaded year, counting how often the rows are read. */
function table() {
  const t = {
    stamp: '1|2026-11-20 10:00:00+08',
    reads: 0,
    rows: [{ year: 2027, holidays: ['2027-01-01'], workdays: [] as string[] }],
  };
  const repo = {
    stamp: () => Promise.resolve(t.stamp),
    findAll: () => {
      t.reads += 1;
      return Promise.resolve(t.rows);
    },
  } as unknown as CalendarYearRepository;
  return { t, service: new CalendarService(repo) };
}

describe('the calendar service', () => {
  it('answers a fresh calendar from its cache while no year was loaded since', async () => {
    const { t, service } = table();
    const first = await service.calendar({ fresh: true });
    expect(await service.calendar({ fresh: true })).toBe(first);
    expect(t.reads).toBe(1);
  });

  it('builds the calendar again once a load changed the stamp', async () => {
    const { t, service } = table();
    await service.calendar({ fresh: true });
    t.rows = [{ year: 2027, holidays: ['2027-01-01', '2027-01-04'], workdays: [] }];
    t.stamp = '1|2026-12-07 22:00:00+08';
    const after = await service.calendar({ fresh: true });
    expect([t.reads, after.isWorkingDay('2027-01-04')]).toEqual([2, false]);
  });
});
