import type { AuditEventEntity } from '@luyue/persistence';
import type { TimelineEntryDto } from './dto/requirement.dto';

interface TransitionSummary {
  before?: { status?: string };
  after?: { status?: string };
  payload?: unknown;
}

/** The audit trail of a request, oldest first, as the timeline people read. */
export function toTimeline(events: readonly AuditEventEntity[]): TimelineEntryDto[] {
  return events.map((e) => {
    const summary = (e.summary ?? {}) as TransitionSummary;
    return {
      id: String(e.id),
      at: e.occurredAt,
      action: e.action,
      actorType: e.actorType,
      actorEmail: e.actorEmail,
      party: e.party,
      fromStatus: summary.before?.status ?? null,
      toStatus: summary.after?.status ?? null,
      payload: summary.payload ?? null,
    };
  });
}
