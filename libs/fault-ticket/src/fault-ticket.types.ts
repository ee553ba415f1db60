import type { Actor, ActorRef, Role, StoredFileRef } from '@luyue/domain';
import type { FaultClock } from './fault-clock';
import type { FaultLevel, SlaClock, SlaPolicy } from './sla-policy';

/** A fault ticket's states; `closed` (the hospital signed the service report) is final. */
export const FAULT_STATUSES = [
  'reported',
  'acknowledged',
  'on_site',
  'restored',
  'resolved',
  'report_submitted',
  'closed',
] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

export const OPEN_FAULT_STATUSES = FAULT_STATUSES.filter((s) => s !== 'closed');

/** Ticket-page and REST actions, one Temporal Update each. */
export const FAULT_ACTIONS = [
  'acknowledge',
  'arrive',
  'restore',
  'resolve',
  'submit-report',
  'sign',
  'reopen',
  'confirm-level',
  'pause',
  'confirm-pause',
  'refuse-pause',
  'resume',
  'request-extension',
  'grant-extension',
  'refuse-extension',
] as const;
export type FaultAction = (typeof FAULT_ACTIONS)[number];

/** What the workflow records by itself. */
export const FAULT_EVENTS = [
  'reported',
  'clock_warning',
  'clock_breached',
  'clocks_recomputed',
] as const;
export type FaultEvent = (typeof FAULT_EVENTS)[number];

/** Why a clock may stop counting; the hospital-side reason needs the hospital's word. */
export const PAUSE_REASONS = ['waiting_hospital', 'waiting_supplier'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export interface FaultPause {
  reason: PauseReason;
  note: string;
  /** The third-party supplier the hospital named, for `waiting_supplier`. */
  supplier: string | null;
  requestedBy: ActorRef;
  requestedAt: string;
  /** Set once the clocks stopped: at once for a supplier, on the hospital's confirmation otherwise. */
  since: string | null;
  confirmedBy: ActorRef | null;
}

export interface FaultExtensionRequest {
  clock: SlaClock;
  minutes: number;
  reason: string;
  requestedBy: ActorRef;
  requestedAt: string;
}

export interface FaultPayloads {
  acknowledge: { note: string };
  arrive: { note: string };
  restore: { note: string };
  resolve: { cause: string; solution: string };
  'submit-report': { note: string; files: StoredFileRef[] };
  sign: { note: string };
  reopen: { reason: string };
  'confirm-level': { level: FaultLevel; note: string };
  pause: { reason: PauseReason; note: string; supplier?: string };
  'confirm-pause': { note: string };
  'refuse-pause': { reason: string };
  resume: { note: string };
  'request-extension': { clock: SlaClock; minutes: number; reason: string };
  'grant-extension': { note: string };
  'refuse-extension': { reason: string };
}

export type FaultActionCall = {
  [A in FaultAction]: { action: A; payload: FaultPayloads[A] };
}[FaultAction];

export interface FaultCommand<A extends FaultAction = FaultAction> {
  actor: Actor;
  payload: FaultPayloads[A];
  requestId?: string;
}

/** Who hears about a step: the reporter, and the roles of the contract's two parties. */
export type FaultRecipient =
  Extract<Role, 'hospital_manager' | 'hospital_staff' | 'vendor_pm' | 'vendor_dev'> | 'reporter';
export type FaultNotify = Partial<Record<FaultRecipient, string[]>>;

/** One step of the ticket's history as people read it. */
export interface FaultLogEntry {
  step: FaultAction | FaultEvent;
  at: string;
  by: ActorRef | null;
  note: string;
}

export interface FaultTicketState {
  ticketId: string;
  number: string;
  contractId: string;
  contractYear: number;
  system: string;
  title: string;
  description: string;
  level: FaultLevel;
  levelConfirmed: boolean;
  status: FaultStatus;
  reportedAt: string;
  reportedBy: ActorRef;
  /** The contract's SLA policy version it runs under (null: the default terms). */
  policyVersion: number | null;
  clocks: FaultClock[];
  pause: FaultPause | null;
  extension: FaultExtensionRequest | null;
  cause: string;
  solution: string;
  reportFiles: StoredFileRef[];
  log: FaultLogEntry[];
  seq: number;
  updatedAt: string;
  closedAt: string | null;
}

/** What starts a ticket's workflow; the policy is the contract's when it was reported. */
export interface FaultTicketInput {
  ticketId: string;
  number: string;
  contractId: string;
  contractYear: number;
  system: string;
  title: string;
  description: string;
  level: FaultLevel;
  reportedAt: string;
  reportedBy: ActorRef;
  policy: SlaPolicy;
  policyVersion: number | null;
  notify: FaultNotify;
}

export function isFinalFaultStatus(status: FaultStatus): boolean {
  return status === 'closed';
}
