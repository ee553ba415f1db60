import { actorRefOf, type Actor } from '@luyue/domain';
import { breached, nextClockInstant, warned, type ClockOp, type FaultClock } from './fault-clock';
import { FAULT_PROCESS } from './fault-ticket.process';
import type {
  FaultActionCall,
  FaultEvent,
  FaultTicketInput,
  FaultTicketState,
} from './fault-ticket.types';
import { clocksOfLevel, type FaultLevel, type SlaClock, type SlaPolicy } from './sla-policy';

/** A step's state change; the workflow has the clock `ops` applied (they need the calendar). */
export interface FaultChange {
  next: FaultTicketState;
  ops: ClockOp[];
}

export function initialFaultState(input: FaultTicketInput): FaultTicketState {
  return {
    ticketId: input.ticketId,
    number: input.number,
    contractId: input.contractId,
    contractYear: input.contractYear,
    system: input.system,
    title: input.title,
    description: input.description,
    level: input.level,
    levelConfirmed: false,
    status: 'reported',
    reportedAt: input.reportedAt,
    reportedBy: input.reportedBy,
    policyVersion: input.policyVersion,
    clocks: [],
    pause: null,
    extension: null,
    cause: '',
    solution: '',
    reportFiles: [],
    log: [],
    seq: 0,
    updatedAt: input.reportedAt,
    closedAt: null,
  };
}

function startOp(policy: SlaPolicy, level: FaultLevel, kind: SlaClock, from: string): ClockOp[] {
  const clock = policy.levels[level][kind];
  if (!clock) return [];
  const coverage = policy.coverages[clock.coverage];
  return [{ op: 'start', kind, policy: clock, coverage, level, from }];
}

/** The clocks a new ticket starts with: all of its level's but the report's, from the report. */
export function reportedOps(state: FaultTicketState, policy: SlaPolicy): ClockOp[] {
  return clocksOfLevel(policy, state.level)
    .filter((kind) => kind !== 'report')
    .flatMap((kind) => startOp(policy, state.level, kind, state.reportedAt));
}

/** A level change: running clocks keep what they counted and take the new level's targets. */
function levelOps(state: FaultTicketState, policy: SlaPolicy, level: FaultLevel): ClockOp[] {
  const wanted = clocksOfLevel(policy, level);
  const ops: ClockOp[] = [];
  for (const kind of wanted) {
    const clock = state.clocks.find((c) => c.kind === kind);
    const rule = policy.levels[level][kind];
    if (clock && rule && clock.stoppedAt === null) {
      ops.push({
        op: 'retarget',
        kind,
        policy: rule,
        coverage: policy.coverages[rule.coverage],
        level,
      });
    } else if (!clock && kind !== 'report' && state.status === 'reported') {
      ops.push(...startOp(policy, level, kind, state.reportedAt));
    }
  }
  for (const c of state.clocks) {
    if (!wanted.includes(c.kind) && c.stoppedAt === null) ops.push({ op: 'drop', kind: c.kind });
  }
  return ops;
}

const paused = (state: FaultTicketState): boolean => state.pause?.since != null;

/** What one action does to the ticket and to its clocks. */
export function applyFaultAction(
  state: FaultTicketState,
  call: FaultActionCall,
  actor: Actor,
  at: string,
  policy: SlaPolicy,
): FaultChange {
  const rule = FAULT_PROCESS.actions[call.action];
  const by = actorRefOf(actor);
  const p = call.payload as { note?: string; reason?: string };
  let next: FaultTicketState = {
    ...state,
    status: rule.to ?? state.status,
    seq: state.seq + 1,
    updatedAt: at,
    log: [...state.log, { step: call.action, at, by, note: p.note ?? p.reason ?? '' }],
  };
  const ops: ClockOp[] = [];
  const holdIfPaused = (): void => {
    if (paused(state)) ops.push({ op: 'pause' });
  };
  switch (call.action) {
    case 'acknowledge':
      ops.push({ op: 'stop', kind: 'response' });
      break;
    case 'arrive':
      ops.push({ op: 'stop', kind: 'response' }, { op: 'stop', kind: 'onsite' });
      break;
    case 'restore':
      ops.push(
        { op: 'stop', kind: 'response' },
        { op: 'stop', kind: 'onsite' },
        { op: 'stop', kind: 'recovery' },
        ...startOp(policy, state.level, 'report', at),
      );
      holdIfPaused();
      break;
    case 'resolve':
      next = { ...next, cause: call.payload.cause, solution: call.payload.solution };
      break;
    case 'submit-report':
      next = { ...next, reportFiles: [...state.reportFiles, ...call.payload.files] };
      ops.push({ op: 'stop', kind: 'report' });
      break;
    case 'sign':
      next = { ...next, closedAt: at };
      break;
    case 'reopen':
      ops.push({ op: 'restart', kind: 'recovery' }, { op: 'drop', kind: 'report' });
      holdIfPaused();
      break;
    case 'confirm-level': {
      const { level } = call.payload;
      next = { ...next, level, levelConfirmed: true };
      if (level !== state.level) {
        ops.push(...levelOps(state, policy, level));
        holdIfPaused();
      }
      break;
    }
    case 'pause': {
      const { reason, note, supplier } = call.payload;
      // The hospital's own word, or a supplier it named, stops the clocks at once.
      const now = reason === 'waiting_supplier' || actor.party === 'hospital';
      next = {
        ...next,
        pause: {
          reason,
          note,
          supplier: supplier?.trim() || null,
          requestedBy: by,
          requestedAt: at,
          since: now ? at : null,
          confirmedBy: now && actor.party === 'hospital' ? by : null,
        },
      };
      if (now) ops.push({ op: 'pause' });
      break;
    }
    case 'confirm-pause':
      next = { ...next, pause: state.pause && { ...state.pause, since: at, confirmedBy: by } };
      ops.push({ op: 'pause' });
      break;
    case 'refuse-pause':
      next = { ...next, pause: null };
      break;
    case 'resume':
      next = { ...next, pause: null };
      ops.push({ op: 'resume' });
      break;
    case 'request-extension':
      next = {
        ...next,
        extension: { ...call.payload, requestedBy: by, requestedAt: at },
      };
      break;
    case 'grant-extension': {
      const asked = state.extension;
      next = { ...next, extension: null };
      if (asked)
        ops.push({ op: 'extend', kind: asked.clock, minutes: asked.minutes, reason: asked.reason });
      break;
    }
    case 'refuse-extension':
      next = { ...next, extension: null };
      break;
  }
  return { next, ops };
}

/** The ticket's next timer: the earliest warning or breach of its running clocks. */
export function nextFaultTimer(
  state: Pick<FaultTicketState, 'clocks'>,
): { kind: SlaClock; at: string; what: 'warning' | 'breach' } | null {
  let first: ReturnType<typeof nextFaultTimer> = null;
  for (const c of state.clocks) {
    const due = nextClockInstant(c);
    if (due && (!first || Date.parse(due.at) < Date.parse(first.at))) first = due;
  }
  return first;
}

/** A fired timer: the warning marked sent, or the breach recorded (once per clock). */
export function applyFaultTimer(
  state: FaultTicketState,
  timer: { kind: SlaClock; what: 'warning' | 'breach' },
  at: string,
): { next: FaultTicketState; event: FaultEvent; clock: FaultClock } {
  const event: FaultEvent = timer.what === 'warning' ? 'clock_warning' : 'clock_breached';
  const clocks = state.clocks.map((c) =>
    c.kind === timer.kind ? (timer.what === 'warning' ? warned(c) : breached(c)) : c,
  );
  const next = {
    ...state,
    clocks,
    seq: state.seq + 1,
    updatedAt: at,
    log: [...state.log, { step: event, at, by: null, note: timer.kind }],
  };
  return { next, event, clock: clocks.find((c) => c.kind === timer.kind) as FaultClock };
}
