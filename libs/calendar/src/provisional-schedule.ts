// Fixed statutory holidays (the national holidays regulation, as amended for 2025+) for a year whose
// official schedule is not published yet. No swapped working weekends and no substitute days off:
// those are only known from the State Council notice.
//
// chinese-days' getSolarDateFromLunar/getSolarTermDate format dates in the process time zone and
// are off by one day west of UTC, so only its pure lunar table lookups (monthDays,
// getYearLeapMonth) are used and the date arithmetic is done here in UTC day numbers.
import { getYearLeapMonth, monthDays } from 'chinese-days';
import type { YearSchedule } from './calendar.types';
import { dayFromYmd, formatDay } from './day-number';

/** The lunar table in chinese-days covers 1900–2100; the Qingming formula below covers 1901–2099. */
export const PROVISIONAL_MIN_YEAR = 1901;
export const PROVISIONAL_MAX_YEAR = 2099;

/** 1900-01-31 was lunar 1900-01-01 (the table's base). */
const LUNAR_BASE_DAY = dayFromYmd(1900, 1, 31);

function lunarYearDays(y: number): number {
  let days = getYearLeapMonth(y).days;
  for (let m = 1; m <= 12; m++) days += monthDays(y, m);
  return days;
}

/** The solar day of lunar year/month/day (the regular month, never the leap one). */
export function lunarToSolarDay(year: number, month: number, day: number): number {
  let d = LUNAR_BASE_DAY;
  for (let y = 1900; y < year; y++) d += lunarYearDays(y);
  for (let m = 1; m < month; m++) d += monthDays(year, m);
  const leap = getYearLeapMonth(year);
  // A leap month follows the regular month of the same number.
  if (leap.leapMonth !== undefined && leap.leapMonth < month) d += leap.days;
  return d + day - 1;
}

/** Qingming by the Shouxing formula: floor(Y·D + C) − floor(Y/4); chinese-days has no Qingming corrections. */
export function qingmingDay(year: number): number {
  const y = year % 100;
  const c = year >= 2000 ? 4.81 : 5.59;
  return dayFromYmd(year, 4, Math.floor(y * 0.2422 + c) - Math.floor(y / 4));
}

export function provisionalSchedule(year: number): YearSchedule {
  if (!Number.isInteger(year) || year < PROVISIONAL_MIN_YEAR || year > PROVISIONAL_MAX_YEAR) {
    throw new RangeError(
      `no holiday data for ${year}: provisional years must be ${PROVISIONAL_MIN_YEAR}–${PROVISIONAL_MAX_YEAR}`,
    );
  }
  const chuyi = lunarToSolarDay(year, 1, 1);
  const days = [
    dayFromYmd(year, 1, 1), // New Year's Day
    chuyi - 1, // Spring Festival eve
    chuyi, // Spring Festival, lunar 1st–3rd
    chuyi + 1,
    chuyi + 2,
    qingmingDay(year),
    dayFromYmd(year, 5, 1), // Labour Day
    dayFromYmd(year, 5, 2),
    lunarToSolarDay(year, 5, 5), // Dragon Boat Festival
    lunarToSolarDay(year, 8, 15), // Mid-Autumn Festival
    dayFromYmd(year, 10, 1), // National Day
    dayFromYmd(year, 10, 2),
    dayFromYmd(year, 10, 3),
  ];
  // Mid-Autumn can coincide with National Day (e.g. 2020-10-01), hence the Set.
  const holidays = [...new Set(days.map(formatDay))].sort();
  return { year, holidays, workdays: [] };
}
