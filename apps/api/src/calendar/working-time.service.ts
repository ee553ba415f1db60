import { Injectable } from '@nestjs/common';
import {
  CalendarService,
  CoverageError,
  parseCoverage,
  WORKING_HOURS_SEGMENTS,
  type Coverage,
  dueInstant,
} from '@luyue/calendar';
import { fieldProblem, validationFailed, toShanghaiIso } from '@luyue/domain';
import type { WorkingTimeAnswer, WorkingTimeQuery } from './dto/working-time.query';

/** Due instants of clocks that count covered minutes (working hours, 7×24 or any coverage asked for). */
@Injectable()
export class WorkingTimeService {
  constructor(private readonly calendars: CalendarService) {}

  async due(query: WorkingTimeQuery): Promise<WorkingTimeAnswer> {
    const coverage = this.coverage(query);
    const from = new Date(query.from);
    // ISO 8601 forms such as week dates pass the DTO but are no instant for Date.
    if (Number.isNaN(from.getTime())) {
      throw validationFailed([fieldProblem('from', 'field.invalid', {})]);
    }
    // The same calendar as the working-days route, admin-loaded years included.
    const calendar = await this.calendars.calendar();
    let result: ReturnType<typeof dueInstant>;
    try {
      result = dueInstant(calendar, coverage, from, query.minutes);
    } catch (error) {
      // The holiday data (and the lunar computation behind provisional years) spans 1901–2099.
      if (!(error instanceof RangeError)) throw error;
      throw validationFailed([fieldProblem('from', 'field.calendar_span', { field: 'from' })]);
    }
    return { due: toShanghaiIso(result.due), provisional: result.provisional };
  }

  private coverage(query: WorkingTimeQuery): Coverage {
    try {
      return parseCoverage(
        query.days ?? 'working',
        query.segments ?? WORKING_HOURS_SEGMENTS.join(','),
      );
    } catch (error) {
      if (!(error instanceof CoverageError)) throw error;
      const { problem, segment } = error;
      throw validationFailed([
        fieldProblem('segments', 'field.coverage_segments', { problem, segment }),
      ]);
    }
  }
}
