import type { Actor } from '@luyue/domain';

/**
 * What each process lends the shared parts of the api (the dashboard, the calendar). The composition
 * root lists the processes once (`ProcessRegistryModule`); shared code reads these tokens and
 * never imports a process.
 */
export const WORK_QUEUES = Symbol('WORK_QUEUES');
export const OPEN_WORKFLOW_SOURCES = Symbol('OPEN_WORKFLOW_SOURCES');

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

/** A process's part of the dashboard. `acting` holds the viewer's party and roles in the contract. */
export interface WorkQueue {
  waitingFor(acting: Actor, contractId: string): Promise<WorkItem[]>;
  /** Items by state, for the counts beside the queue (processes that show them). */
  counts?(contractId: string): Promise<Array<{ label: string; n: number; href: string }>>;
}

/** A process's open workflows, told when an official calendar year is loaded. */
export interface OpenWorkflowSource {
  openWorkflowIds(): Promise<string[]>;
}
