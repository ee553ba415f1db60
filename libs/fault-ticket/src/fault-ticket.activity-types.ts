import type { ClockOp, FaultClock } from './fault-clock';
import type { FaultTransitionInput } from './fault-ticket-transition.types';

export type { FaultTransitionInput } from './fault-ticket-transition.types';

/** Activity contract of the fault-ticket workflow. Implemented by the worker. */
export interface FaultTicketActivities {
  /**
   * The clocks after `ops` at `at`, every running clock's due time and warnings computed on the
   * current working-day calendar (a read: no side effect).
   */
  advanceFaultClocks(input: {
    clocks: FaultClock[];
    at: string;
    ops: ClockOp[];
  }): Promise<FaultClock[]>;
  /**
   * Writes one change in one transaction: the ticket row (state and the columns lists filter
   * on), its breaches (one per clock), the transition keyed (ticketId, transitionSeq), the audit
   * event and the outbox mail. A retry with the same key writes nothing twice.
   */
  persistFaultTransition(input: FaultTransitionInput): Promise<void>;
}
