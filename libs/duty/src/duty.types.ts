import type { Actor, ActorRef, Role, StoredFileRef } from '@luyue/domain';
import type { ChecklistItem, DutyKind, DutyPlan, DutySignerRole } from './duty-plan';
import type { DutySlot } from './duty-schedule.types';

/**
 * One occurrence of a duty: open until the vendor records it, then awaiting the signers; done
 * (`signed`) only when every signer has signed (an unsigned record counts as not done). A
 * refusal returns it.
 */
export const DUTY_STATUSES = ['open', 'recorded', 'returned', 'signed', 'cancelled'] as const;
export type DutyStatus = (typeof DUTY_STATUSES)[number];
export const OPEN_DUTY_STATUSES = DUTY_STATUSES.filter((s) => s !== 'signed' && s !== 'cancelled');

export const DUTY_ACTIONS = ['record', 'sign', 'refuse', 'cancel'] as const;
export type DutyAction = (typeof DUTY_ACTIONS)[number];

/** What the workflow records by itself. */
export const DUTY_EVENTS = [
  'reminded',
  'breached',
  'rescheduled',
  'withdrawn',
  'unscheduled',
] as const;
export type DutyEvent = (typeof DUTY_EVENTS)[number];

export const CHECK_RESULTS = ['normal', 'abnormal'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

/** The vendor's answer to one checklist item. */
export interface CheckAnswer {
  key: string;
  result: CheckResult;
  note: string;
  files: StoredFileRef[];
}

/** What the vendor records; its sha256 (`hash`) is what a signature signs. */
export interface DutyRecord {
  summary: string;
  answers: CheckAnswer[];
  reportFiles: StoredFileRef[];
  hash: string;
  recordedBy: ActorRef;
  recordedAt: string;
}

export interface DutySignature {
  role: DutySignerRole;
  by: ActorRef;
  at: string;
  /** The record's sha256 as it was signed. */
  hash: string;
  note: string;
  /** Signed in the console, or from a mailed link. */
  via: 'console' | 'link';
}

export interface DutyPayloads {
  /** `hash` is the sha256 of the record's canonical form, computed where the files are stored. */
  record: { summary: string; answers: CheckAnswer[]; reportFiles: StoredFileRef[]; hash: string };
  /** `hash`: the record the signer read; a record changed since is refused. */
  sign: { hash: string; note: string; via: 'console' | 'link'; linkJti?: string };
  /** `linkJti`: the mailed link it came from, used up with the write. */
  refuse: { reason: string; linkJti?: string };
  cancel: { reason: string };
}

export type DutyActionCall = {
  [A in DutyAction]: { action: A; payload: DutyPayloads[A] };
}[DutyAction];

export interface DutyCommand<A extends DutyAction = DutyAction> {
  actor: Actor;
  payload: DutyPayloads[A];
  requestId?: string;
}

/** Who hears about a step: the roles of both parties. */
export type DutyRecipient = Extract<
  Role,
  'hospital_manager' | 'hospital_staff' | 'vendor_pm' | 'vendor_dev'
>;
export type DutyNotify = Partial<Record<DutyRecipient, string[]>>;

export interface DutyLogEntry {
  step: DutyAction | DutyEvent;
  at: string;
  by: ActorRef | null;
  note: string;
}

/** The plan as the occurrence was generated from it (a later plan change does not reach it). */
export interface DutyPlanSnapshot {
  planId: string;
  kind: DutyKind;
  customKind: string | null;
  title: string;
  systems: string[];
  checklist: ChecklistItem[];
  signers: DutySignerRole[];
}

export interface DutyState {
  occurrenceId: string;
  number: string;
  contractId: string;
  contractYear: number;
  plan: DutyPlanSnapshot;
  slot: DutySlot;
  status: DutyStatus;
  record: DutyRecord | null;
  signatures: DutySignature[];
  /** The last refusal, until the vendor records again. */
  refusal: { by: ActorRef; at: string; reason: string } | null;
  remindedAt: string | null;
  breachedAt: string | null;
  log: DutyLogEntry[];
  seq: number;
  updatedAt: string;
  doneAt: string | null;
}

export interface DutyInput {
  occurrenceId: string;
  number: string;
  contractId: string;
  contractYear: number;
  plan: DutyPlanSnapshot;
  slot: DutySlot;
  notify: DutyNotify;
  createdAt: string;
  /** What the calendar needs to place the occurrence again when a year is loaded. */
  schedule: Pick<DutyPlan, 'cadence' | 'windowDays' | 'deadline' | 'reminderWorkingDays'>;
  year: { startDate: string; endDate: string };
}

export function isFinalDutyStatus(status: DutyStatus): boolean {
  return status === 'signed' || status === 'cancelled';
}
