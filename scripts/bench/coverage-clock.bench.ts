// The coverage clock is pure arithmetic: 100,000 due instants over working hours and 7×24 with budgets
// of up to 12 working days, against the 1 s limit, measured before the stack loads the machine.
import {
  dueInstant,
  ROUND_THE_CLOCK,
  WORKING_HOURS,
  type Coverage,
  WorkingDayCalendar,
} from '@luyue/calendar';
import { CALENDAR_TERMS } from '@luyue/domain';

const DUE_INSTANTS = 100_000;
const LIMIT_S = 1;
const MAX_MINUTES = 12 * 480;

function inputs(n: number): Array<[Coverage, Date, number]> {
  // A fixed linear congruential sequence: every run computes the same instants.
  let seed = 20250926;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const start = Date.parse('2024-01-01T00:00:00+08:00');
  const span = Date.parse('2026-12-01T00:00:00+08:00') - start;
  return Array.from({ length: n }, (_, i) => [
    i % 4 === 3 ? ROUND_THE_CLOCK : WORKING_HOURS,
    new Date(start + Math.floor(next() * span)),
    Math.floor(next() * MAX_MINUTES),
  ]);
}

export function benchCoverageClock(): string {
  const calendar = new WorkingDayCalendar();
  const work = inputs(DUE_INSTANTS);
  // Warm-up: JIT and the calendar's compiled years.
  for (const [coverage, from, minutes] of work.slice(0, 10_000)) {
    dueInstant(calendar, coverage, from, minutes);
  }
  const started = process.hrtime.bigint();
  for (const [coverage, from, minutes] of work) dueInstant(calendar, coverage, from, minutes);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const flag = seconds < LIMIT_S ? `  (limit ${LIMIT_S} s)` : `  OVER ${LIMIT_S} s`;
  const rate = (DUE_INSTANTS / seconds).toFixed(0);
  return [
    `coverage clock: 100,000 due instants (${CALENDAR_TERMS.workingHours} and 7×24, budgets up to ${MAX_MINUTES} min)`,
    `  due instants                     ${seconds.toFixed(3).padStart(7)} s  ${rate.padStart(8)} /s${flag}`,
  ].join('\n');
}
