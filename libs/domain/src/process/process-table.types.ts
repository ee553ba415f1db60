import type { Role } from '../role.types';

/**
 * One action of a process: who may take it (roles; the party follows from ROLE_PARTY), in which
 * states, the state after it, who is told, and its zh-CN wording. `R` is who can be told: roles
 * plus the process's own people (the submitter, the proposer…).
 */
export interface ActionRule<S extends string, R extends string> {
  roles: readonly Role[];
  from: readonly S[];
  /** Null keeps the state (a work-log entry, a new date). */
  to: S | null;
  /**
   * A step a person may take but nothing waits for (cancel, accept a risk, a new date): an item
   * whose only steps for the viewer are optional is not in his "waiting for me".
   */
  optional?: true;
  notify: readonly R[];
  /** zh-CN name of the step, on pages and in the timeline. */
  label: string;
  /** zh-CN mail headline. */
  headline: string;
}

/** Something the workflow records by itself (a schedule, a reminder, a breach). */
export interface EventRule<R extends string> {
  notify: readonly R[];
  label: string;
  headline: string;
}

/**
 * A process's whole vocabulary in one place, typed over its full action and event unions: a
 * missing entry fails to compile. Routes, the workflow's checks, mail and pages derive from it.
 */
export interface ProcessTable<
  S extends string,
  A extends string,
  E extends string,
  R extends string,
> {
  /** Actions in the order people see them. */
  order: readonly A[];
  actions: { readonly [K in A]: ActionRule<S, R> };
  events: { readonly [K in E]: EventRule<R> };
}
