// The official schedules shipped with chinese-days (2004–2026 in 1.5.7), grouped by calendar year.
// Values are 'English,Chinese,n'; only the keys matter here.
import data from 'chinese-days/dist/chinese-days.json';
import type { YearSchedule } from './calendar.types';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

function groupByYear(raw: ChineseDaysData): ReadonlyMap<number, YearSchedule> {
  const years = new Map<number, YearSchedule>();
  const entry = (date: string): YearSchedule => {
    const year = Number(date.slice(0, 4));
    let s = years.get(year);
    if (!s) {
      s = { year, holidays: [], workdays: [] };
      years.set(year, s);
    }
    return s;
  };
  for (const d of Object.keys(raw.holidays)) entry(d).holidays.push(d);
  for (const d of Object.keys(raw.workdays)) entry(d).workdays.push(d);
  for (const s of years.values()) {
    s.holidays.sort();
    s.workdays.sort();
  }
  return years;
}

// Annotated (not asserted) so a changed data shape in a chinese-days upgrade fails to compile.
const RAW: ChineseDaysData = data;
const BUILTIN: ReadonlyMap<number, YearSchedule> = groupByYear(RAW);

/** chinese-days' official schedule for `year`, or undefined when it ships none. */
export function builtinSchedule(year: number): YearSchedule | undefined {
  const s = BUILTIN.get(year);
  return s && { year, holidays: [...s.holidays], workdays: [...s.workdays] };
}

export function hasBuiltinSchedule(year: number): boolean {
  return BUILTIN.has(year);
}

export function builtinYears(): number[] {
  return [...BUILTIN.keys()].sort((a, b) => a - b);
}
