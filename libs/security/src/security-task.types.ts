import { ActorRef } from '@luyue/domain';
import type { Actor, Role } from '@luyue/domain';
import type { StoredFileRef } from '@luyue/domain';
import type { FindingSeverity } from './security-finding.types';

/** A security task's remediation states; `verified` and `false_positive` are final. */
export const REMEDIATION_STATUSES = [
  'open',
  'in_progress',
  'fixed',
  'retest_requested',
  'verified',
  'reopened',
  'risk_accepted',
  'false_positive_proposed',
  'false_positive',
] as const;
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];

export const FINAL_REMEDIATION_STATUSES = [
  'verified',
  'false_positive',
] as const satisfies readonly RemediationStatus[];

export function isFinalRemediationStatus(status: RemediationStatus): boolean {
  return (FINAL_REMEDIATION_STATUSES as readonly RemediationStatus[]).includes(status);
}

/**
 * States in which the vendor's fix-and-request-retest deadline runs. A false-positive proposal
 * does not stop it (a refused proposal must not buy time); an accepted risk does.
 */
export const FIX_CLOCK_STATUSES = [
  'open',
  'in_progress',
  'fixed',
  'reopened',
  'false_positive_proposed',
] as const satisfies readonly RemediationStatus[];

/** The task-page and REST actions, one Temporal Update each. */
export const REMEDIATION_ACTIONS = [
  'start',
  'fix',
  'request-retest',
  'verify',
  'fail-retest',
  'accept-risk',
  'propose-false-positive',
  'confirm-false-positive',
  'refuse-false-positive',
] as const;
export type RemediationAction = (typeof REMEDIATION_ACTIONS)[number];

/** Things the workflow records by itself (schedules, timers, a retest import). */
export const REMEDIATION_EVENTS = [
  'issued',
  'fix_reminder',
  'fix_breached',
  'retest_reminder',
  'retest_overdue',
  'retest_imported',
  'risk_expired',
  'deadlines_recomputed',
] as const;
export type RemediationEvent = (typeof REMEDIATION_EVENTS)[number];

/** An asset line (host/port or assessed object) is fixed and verified on its own. */
export const LINE_STATUSES = ['open', 'fixed', 'fixed_by_retest', 'verified'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

/** Rule 4: medium and high findings are fixed 100 %; only low and info may be accepted. */
export const RISK_ACCEPTABLE_SEVERITIES = [
  'low',
  'info',
] as const satisfies readonly FindingSeverity[];

export function isRiskAcceptable(severity: FindingSeverity): boolean {
  return (RISK_ACCEPTABLE_SEVERITIES as readonly FindingSeverity[]).includes(severity);
}

export interface RemediationLine {
  lineId: string;
  /** The asset as the notice names it: host:port/protocol or assessed object. */
  label: string;
  status: LineStatus;
  fixedAt: string | null;
  fixedBy: ActorRef | null;
  verifiedAt: string | null;
  verifiedBy: ActorRef | null;
  /** The last retest import that named the line. */
  retest: { importId: string; at: string; present: boolean } | null;
}

/** One `fix`: what was done and the proof, for the lines it names. */
export interface FixRecord {
  at: string;
  by: ActorRef;
  note: string;
  proof: StoredFileRef[];
  lineIds: string[];
}

/** A verification (retest passed) by the hospital: the lines it verified, with its note. */
export interface VerificationRecord {
  at: string;
  by: ActorRef;
  note: string;
  lineIds: string[];
}

/** Why a fix period started: the notice, a failed retest, a retest import, an expired risk. */
export type FixCause = 'issued' | 'retest_failed' | 'retest_import' | 'risk_expired';

/** How a fix period ended, if it has. */
export type FixEnd = 'retest_requested' | 'retest_import' | 'risk_accepted' | 'false_positive';

/** One fix-and-request-retest period of the vendor; a reopening starts a new one. */
export interface FixDeadline {
  round: number;
  cause: FixCause;
  /** The day of receipt (not counted). */
  receivedAt: string;
  workingDays: number;
  dueAt: string | null;
  reminderAt: string | null;
  provisional: boolean;
  reminderSentAt: string | null;
  breachedAt: string | null;
  endedAt: string | null;
  endedBy: FixEnd | null;
}

/** One retest the hospital owes; its turnaround is reminded, never a vendor breach. */
export interface RetestRound {
  requestedAt: string;
  /** Null when a retest import showed every open line fixed. */
  requestedBy: ActorRef | null;
  note: string;
  workingDays: number;
  dueAt: string | null;
  reminderAt: string | null;
  provisional: boolean;
  reminderSentAt: string | null;
  overdueAt: string | null;
  outcome: 'verified' | 'failed' | null;
  decidedAt: string | null;
  /** Null when a retest import showed a finding still present. */
  decidedBy: ActorRef | null;
  reason: string | null;
}

export interface RiskAcceptance {
  at: string;
  by: ActorRef;
  reason: string;
  /** The last day the acceptance holds (Shanghai); the task reopens the next day at 00:00. */
  expiresOn: string;
  expiredAt: string | null;
}

export interface FalsePositiveProposal {
  at: string;
  by: ActorRef;
  reason: string;
  /** The state a refusal returns to. */
  resumeStatus: RemediationStatus;
  decision: 'confirmed' | 'refused' | null;
  decidedAt: string | null;
  decidedBy: ActorRef | null;
  comment: string | null;
}

export const REMEDIATION_BREACH_KINDS = ['fix_overdue'] as const;
export type RemediationBreachKind = (typeof REMEDIATION_BREACH_KINDS)[number];

/** A missed vendor deadline, counted in the yearly report. */
export interface RemediationBreach {
  kind: RemediationBreachKind;
  round: number;
  dueAt: string;
  recordedAt: string;
}

export interface RemediationState {
  taskId: string;
  noticeId: string;
  contractId: string;
  contractYear: number;
  title: string;
  severity: FindingSeverity;
  /** Who assessed (the notice's source: MLPS assessment, crypto-assessment, scan…). */
  source: string;
  issuedAt: string;
  status: RemediationStatus;
  lines: RemediationLine[];
  started: { at: string; by: ActorRef; note: string } | null;
  fixes: FixRecord[];
  fixDeadlines: FixDeadline[];
  retests: RetestRound[];
  /** Absent in states written before verifications were kept. */
  verifications?: VerificationRecord[];
  riskAcceptances: RiskAcceptance[];
  falsePositives: FalsePositiveProposal[];
  /** Retest imports applied, so a repeated one changes nothing. */
  retestImports: string[];
  breaches: RemediationBreach[];
  /** When verified or confirmed a false positive. */
  closedAt: string | null;
  seq: number;
  updatedAt: string;
}

export interface RemediationNotePayload {
  note: string;
}

export interface RemediationReasonPayload {
  reason: string;
}

/** `assets` names asset lines by id; without it the step is for every line still open. */
export interface FixPayload {
  note: string;
  proof: StoredFileRef[];
  assets?: string[];
}

export interface VerifyPayload {
  note: string;
  assets?: string[];
}

export interface FailRetestPayload {
  reason: string;
  assets?: string[];
}

export interface AcceptRiskPayload {
  reason: string;
  /** YYYY-MM-DD, after today (Shanghai). */
  expiresOn: string;
}

export interface RemediationPayloads {
  start: RemediationNotePayload;
  fix: FixPayload;
  'request-retest': RemediationNotePayload;
  verify: VerifyPayload;
  'fail-retest': FailRetestPayload;
  'accept-risk': AcceptRiskPayload;
  'propose-false-positive': RemediationReasonPayload;
  'confirm-false-positive': RemediationNotePayload;
  'refuse-false-positive': RemediationReasonPayload;
}

export interface RemediationCommand<A extends RemediationAction = RemediationAction> {
  actor: Actor;
  payload: RemediationPayloads[A];
  requestId?: string;
}

export type RemediationActionCall = {
  [A in RemediationAction]: { action: A; payload: RemediationPayloads[A] };
}[RemediationAction];

/**
 * What a retest import found for the task's lines: `present` false when the finding is gone.
 * A line the task does not hold yet (found again on a new asset) needs its `label`.
 */
export interface RetestImportResult {
  importId: string;
  lines: Array<{ lineId: string; label?: string; present: boolean }>;
}

/** Addresses of the contract's users, by role. */
export type RemediationNotify = Partial<Record<Role, string[]>>;

export interface RemediationSettings {
  /** The vendor's fix-and-request-retest period per severity, in working days. */
  fixWorkingDays: Record<FindingSeverity, number>;
  /** Working days before the fix deadline at which the vendor is reminded; null for none. */
  fixReminderLeadWorkingDays: number | null;
  /** The hospital's retest turnaround, in working days. */
  retestWorkingDays: number;
  retestReminderLeadWorkingDays: number | null;
}

/**
 * The seed contracts' security clause for every
 * severity; the hospital retests within 5 working days.
 */
export const DEFAULT_REMEDIATION_SETTINGS: RemediationSettings = {
  fixWorkingDays: { critical: 7, high: 7, medium: 7, low: 7, info: 7 },
  fixReminderLeadWorkingDays: 2,
  retestWorkingDays: 5,
  retestReminderLeadWorkingDays: 1,
};

export interface RemediationInput {
  taskId: string;
  noticeId: string;
  contractId: string;
  contractYear: number;
  title: string;
  severity: FindingSeverity;
  source: string;
  /** When the notice reached the vendor: the fix period counts from the next day. */
  issuedAt: string;
  lines: Array<{ lineId: string; label: string }>;
  settings: RemediationSettings;
  notify: RemediationNotify;
  /**
   * A closed task an import found again: the new run carries on from the last run's state and
   * starts by applying the import (see reopensClosedTask), instead of issuing the task anew.
   */
  reopen?: { state: RemediationState; result: RetestImportResult };
}

/** The periods a task's workflow runs on, from its contract's settings (the one mapping). */
export function remediationSettingsOf(contract: {
  remediationWorkingDays: Record<'high' | 'medium' | 'low', number>;
  retestWorkingDays: number;
  reminderLeadWorkingDays: { remediation: number; retest: number };
}): RemediationSettings {
  const { high, medium, low } = contract.remediationWorkingDays;
  return {
    fixWorkingDays: { critical: high, high, medium, low, info: low },
    fixReminderLeadWorkingDays: contract.reminderLeadWorkingDays.remediation,
    retestWorkingDays: contract.retestWorkingDays,
    retestReminderLeadWorkingDays: contract.reminderLeadWorkingDays.retest,
  };
}
