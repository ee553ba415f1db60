import type { Actor, QueueScope, QueueWindow } from '@luyue/domain';
import type { ActingContext } from './acting-context';

/**
 * What each process lends the shared parts of the api (the dashboard, the calendar). The composition
 * root lists the processes once (`ProcessRegistryModule`); shared code reads these tokens and
 * never imports a process.
 */
export const WORK_QUEUES = Symbol('WORK_QUEUES');
export const OPEN_WORKFLOW_SOURCES = Symbol('OPEN_WORKFLOW_SOURCES');
export const FOLLOW_UP_OPENERS = Symbol('FOLLOW_UP_OPENERS');
export const BACKLINK_SOURCES = Symbol('BACKLINK_SOURCES');

/** The deadline the next step runs against, as the workflow stored it. */
export interface WorkDue {
  at: string;
  label: string;
  provisional: boolean;
}

/** One item that waits for the viewer, whatever the process. */
export interface WorkItem {
  id: string;
  href: string;
  title: string;
  overdue: boolean;
  status: string;
  /** The steps the viewer may take, as labels. */
  actions: string;
  due: WorkDue | null;
}

/** One group of a queue's items (a security notice), counted two ways. */
export interface WorkGroup {
  key: string;
  label: string;
  n: number;
  bySeverity: Array<{ label: string; n: number }>;
  byState: Array<{ label: string; n: number }>;
}

/** One page of a queue: which scope, the filters and the page (see QueueWindow). */
export type WorkQuery = QueueWindow & { scope: QueueScope };

/**
 * A process's part of the dashboard: one tab. `acting` holds the viewer's party and roles in the
 * contract; every read filters and pages in the store, never in memory.
 */
export interface WorkQueue {
  /** The tab's code in links (`?queue=`) and its label. */
  readonly code: string;
  readonly label: string;
  /** The states an item of the queue may be in, for the state filter. */
  readonly states: ReadonlyArray<{ value: string; label: string }>;
  /** True when its items belong to one of the contract's systems (the system filter applies). */
  readonly bySystem: boolean;
  waitingFor(
    acting: Actor,
    contractId: string,
    query: WorkQuery,
  ): Promise<{ items: WorkItem[]; total: number }>;
  /** The queue in groups (one row per security notice), when the process groups its items. */
  groups?(acting: Actor, contractId: string, query: WorkQuery): Promise<WorkGroup[]>;
  /** Items by state, for the counts beside the queue (processes that show them). */
  counts?(contractId: string): Promise<Array<{ label: string; n: number; href: string }>>;
}

/**
 * A process's open workflows, told when an official calendar year is loaded. Given the year, a
 * process may leave out the items whose running deadlines cannot touch it (each told item costs
 * its workflow a turn and a write).
 */
export interface OpenWorkflowSource {
  openWorkflowIds(loadedYear?: number): Promise<string[]>;
  /** After they were told: what a process adds for the loaded year (new holiday duties). */
  calendarLoaded?(year: number): Promise<void>;
}

/** What an item found wrong (an abnormal checklist item) opens in another process. */
export interface FollowUp {
  system: string;
  title: string;
  description: string;
  /** The fault level, for a fault ticket. */
  level?: string;
}

/** A process that can be opened from another one's item: a fault ticket from an inspection. */
export interface FollowUpOpener {
  readonly kind: 'fault_ticket' | 'requirement';
  open(
    ctx: ActingContext,
    contractId: string,
    what: FollowUp,
  ): Promise<{ id: string; number: string }>;
}

/** An item another process opened from one of its own (a fault ticket from an inspection). */
export type LinkedSubject = { type: 'fault_ticket' | 'requirement'; id: string };

/** A process that opens follow-ups: where each of them came from, as links for its page. */
export interface BacklinkSource {
  linksTo(subject: LinkedSubject): Promise<Array<{ href: string; label: string }>>;
}
