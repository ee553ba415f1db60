import type { DutyKind } from './duty-plan';
import type { DutyStatus } from './duty.types';

/** What the figures need of one occurrence. */
export interface DutyFigureInput {
  kind: DutyKind;
  status: DutyStatus;
  recordDueAt: string;
  breachedAt: string | null;
}

export interface DutyCounts {
  /** Occurrences whose record was due by now (cancelled ones left out). */
  due: number;
  /** Signed by every signer: the only way a duty counts as done. */
  done: number;
  /** Done, but the record came in after its deadline. */
  late: number;
  /** Due and not signed (yet). */
  missed: number;
  /** Still to come. */
  upcoming: number;
  /** done ÷ due in per mille, null when nothing was due; the contracts ask for 100 %. */
  completionPermille: number | null;
}

export type DutyKindFigures = DutyCounts & { kind: DutyKind };

/** Due: its record's deadline has passed, or it is signed already; a cancelled one never is. */
export function isDutyDue(
  o: Pick<DutyFigureInput, 'status' | 'recordDueAt'>,
  now: string,
): boolean {
  return o.status !== 'cancelled' && (o.recordDueAt <= now || o.status === 'signed');
}

/** Signed by every signer: the only way a duty counts as done. */
export const isDutyDone = (o: Pick<DutyFigureInput, 'status'>): boolean => o.status === 'signed';

/** Holiday duty may be missed at most once a year. */
export const HOLIDAY_MISSES_ALLOWED = 1;

/** Per kind and in total: due, done (signed), late, missed, upcoming, completion against 100 %. */
export function dutyFigures(
  occurrences: readonly DutyFigureInput[],
  now: string,
): { kinds: DutyKindFigures[]; total: DutyCounts; holidayMissesOver: boolean } {
  const tally = (rows: readonly DutyFigureInput[]): DutyCounts => {
    const live = rows.filter((o) => o.status !== 'cancelled');
    const due = live.filter((o) => isDutyDue(o, now));
    const done = due.filter(isDutyDone);
    return {
      due: due.length,
      done: done.length,
      late: done.filter((o) => o.breachedAt !== null).length,
      missed: due.length - done.length,
      upcoming: live.length - due.length,
      completionPermille: due.length === 0 ? null : Math.floor((done.length * 1000) / due.length),
    };
  };
  const kinds = [...new Set(occurrences.map((o) => o.kind))].map((kind) => ({
    kind,
    ...tally(occurrences.filter((o) => o.kind === kind)),
  }));
  const holiday = kinds.find((k) => k.kind === 'holiday_duty');
  return {
    kinds,
    total: tally(occurrences),
    holidayMissesOver: (holiday?.missed ?? 0) > HOLIDAY_MISSES_ALLOWED,
  };
}
