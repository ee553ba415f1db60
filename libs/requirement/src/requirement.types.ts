import type { Actor, ActorRef, Role } from '@luyue/domain';

/** Customization request (DESIGN.md rule 1) states; the last three are final. */
export const REQUIREMENT_STATUSES = [
  'assessing',
  'awaiting_approval',
  'approved',
  'rejected',
  'in_development',
  'in_testing',
  'testing_passed',
  'released',
  'accepted',
  'cancelled',
] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export const FINAL_REQUIREMENT_STATUSES = [
  'accepted',
  'rejected',
  'cancelled',
] as const satisfies readonly RequirementStatus[];

export function isFinalRequirementStatus(status: RequirementStatus): boolean {
  return (FINAL_REQUIREMENT_STATUSES as readonly RequirementStatus[]).includes(status);
}

/** `interface_new` counts against the yearly free quota (rule 2). */
export const REQUIREMENT_KINDS = [
  'interface_new',
  'customization',
  'report',
  'policy',
  'ux',
  'other',
] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

export const REQUIREMENT_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type RequirementPriority = (typeof REQUIREMENT_PRIORITIES)[number];

/** The vendor's feasibility verdict; the last two need a reason and a free alternative. */
export const FEASIBILITIES = ['feasible', 'architecture_change', 'core_rewrite'] as const;
export type Feasibility = (typeof FEASIBILITIES)[number];

/** How an interface estimate is paid: from the free quota, or paid outside it (recorded). */
export const QUOTA_DECISIONS = ['within_quota', 'outside_quota'] as const;
export type QuotaDecision = (typeof QUOTA_DECISIONS)[number];

/** The actions of `POST /api/requirements/:id/actions/<action>`, one Temporal Update each. */
export const REQUIREMENT_ACTIONS = [
  'assess',
  'approve',
  'reject',
  'start-development',
  'log-effort',
  'submit-for-testing',
  'pass-testing',
  'fail-testing',
  'release',
  'accept',
  'replan',
  'cancel',
] as const;
export type RequirementAction = (typeof REQUIREMENT_ACTIONS)[number];

export function isRequirementAction(value: unknown): value is RequirementAction {
  return typeof value === 'string' && (REQUIREMENT_ACTIONS as readonly string[]).includes(value);
}

export interface AssessPayload {
  kind: RequirementKind;
  feasibility: Feasibility;
  estimatePersonDays: number;
  /** YYYY-MM-DD. */
  plannedDeliveryDate: string;
  solution: string;
  /** Required when feasibility is `architecture_change` or `core_rewrite`. */
  alternativeSolution?: string;
}

export interface ApprovePayload {
  /** The hospital's decision when it disputes the vendor's kind (recorded as decided). */
  kind?: RequirementKind;
  /** Only for `interface_new`; defaults to `within_quota`. */
  quotaDecision?: QuotaDecision;
  /** Set when a confirmed change request grants the quota: the grant names the change. */
  changeRequestId?: string;
}

export interface ReasonPayload {
  reason: string;
}

export interface NotePayload {
  note?: string;
}

export interface LogEffortPayload {
  /** YYYY-MM-DD, the day worked. */
  date: string;
  personDays: number;
  note: string;
}

export interface SubmitForTestingPayload {
  version: string;
  notes: string;
}

export interface TestingResultPayload {
  notes: string;
}

export interface ReleasePayload {
  version: string;
  releaseNotes: string;
  rollbackPlan: string;
}

export interface AcceptPayload {
  /** Defaults to the sum of the work log. */
  actualPersonDays?: number;
  note: string;
}

export interface ReplanPayload {
  plannedDeliveryDate: string;
  reason: string;
  /** Set when a confirmed change request moves the date: agreed by all, so never a late notice. */
  changeRequestId?: string;
}

export interface RequirementPayloads {
  assess: AssessPayload;
  approve: ApprovePayload;
  reject: ReasonPayload;
  'start-development': NotePayload;
  'log-effort': LogEffortPayload;
  'submit-for-testing': SubmitForTestingPayload;
  'pass-testing': TestingResultPayload;
  'fail-testing': TestingResultPayload;
  release: ReleasePayload;
  accept: AcceptPayload;
  replan: ReplanPayload;
  cancel: ReasonPayload;
}

/** The argument of every requirement Update: who acts, with what, and the HTTP request id. */
export interface RequirementCommand<A extends RequirementAction = RequirementAction> {
  /** Scoped to the contract by the api: `party` is the party it speaks for there. */
  actor: Actor;
  payload: RequirementPayloads[A];
  requestId?: string;
}

/** An action with its payload, narrowed by `action` in a switch. */
export type RequirementActionCall = {
  [A in RequirementAction]: { action: A; payload: RequirementPayloads[A] };
}[RequirementAction];

/** Things the workflow does by itself (timers, scheduling); persisted like actions. */
export const REQUIREMENT_EVENTS = [
  'assessment_scheduled',
  'deadlines_recomputed',
  'assessment_reminder',
  'assessment_breached',
  'delivery_reminder',
  'delivery_overdue',
  'signoff_reminder',
] as const;
export type RequirementEvent = (typeof REQUIREMENT_EVENTS)[number];

export interface Assessment {
  kind: RequirementKind;
  feasibility: Feasibility;
  estimatePersonDays: number;
  plannedDeliveryDate: string;
  solution: string;
  alternativeSolution: string | null;
  assessedAt: string;
  assessedBy: ActorRef;
  /** Done by the end of the assessment deadline. */
  onTime: boolean;
}

/** The hospital decided a kind other than the vendor's (rule 1: the hospital decides). */
export interface KindDecision {
  vendorKind: RequirementKind;
  decidedKind: RequirementKind;
  decidedBy: ActorRef;
  decidedAt: string;
}

export interface Approval {
  approvedAt: string;
  approvedBy: ActorRef;
  /** Null unless the request is `interface_new`. */
  quotaDecision: QuotaDecision | null;
  /** The change request that granted it, when a confirmed change approved the request. */
  changeRequestId?: string;
}

export interface Replan {
  from: string;
  to: string;
  reason: string;
  noticeAt: string;
  by: ActorRef;
  /** Given less than `delayNoticeDays` calendar days before the old date. */
  late: boolean;
}

export interface WorkLogEntry {
  date: string;
  personDays: number;
  note: string;
  by: ActorRef;
  loggedAt: string;
}

export interface TestRound {
  version: string;
  notes: string;
  submittedAt: string;
  submittedBy: ActorRef;
  result: 'passed' | 'failed' | null;
  resultNotes: string | null;
  decidedAt: string | null;
  decidedBy: ActorRef | null;
}

export interface Release {
  version: string;
  releaseNotes: string;
  rollbackPlan: string;
  releasedAt: string;
  releasedBy: ActorRef;
  /** Released by the end of the planned date in force, and every replan was announced in time. */
  onTime: boolean;
}

/** The hospital's signed acceptance. */
export interface Acceptance {
  acceptedAt: string;
  acceptedBy: ActorRef;
  actualPersonDays: number;
  note: string;
}

export interface Closure {
  status: 'rejected' | 'cancelled';
  at: string;
  by: ActorRef;
  reason: string;
}

export const REQUIREMENT_BREACH_KINDS = [
  'assessment_overdue',
  'delivery_overdue',
  'late_replan_notice',
] as const;
export type RequirementBreachKind = (typeof REQUIREMENT_BREACH_KINDS)[number];

/** A missed contract deadline, counted in the yearly statistics. */
export interface RequirementBreach {
  kind: RequirementBreachKind;
  /** The deadline that was missed (ISO instant). */
  dueAt: string;
  recordedAt: string;
}

/** The durable timers' current schedule, recomputed when the calendar or the plan changes. */
export interface RequirementDeadlines {
  assessment: {
    dueAt: string;
    reminderAt: string | null;
    provisional: boolean;
    reminderSentAt: string | null;
    breachedAt: string | null;
  } | null;
  delivery: {
    plannedDeliveryDate: string;
    dueAt: string;
    reminderAt: string | null;
    provisional: boolean;
    reminderSentAt: string | null;
    overdueAt: string | null;
  } | null;
  signOff: {
    /** Reminders are counted from here: the release, then each reminder. */
    anchorAt: string;
    nextReminderAt: string | null;
    provisional: boolean;
    remindersSent: number;
  } | null;
}

/**
 * Everything the workflow knows about one request; returned by its query and every Update, and
 * written (as a projection) to the `requirement` row by each persisted transition.
 */
export interface RequirementState {
  requirementId: string;
  contractId: string;
  /** The contract year (1-based) the request was received in; its quota is charged. */
  contractYear: number;
  title: string;
  system: string;
  priority: RequirementPriority;
  submittedBy: ActorRef;
  receivedAt: string;
  status: RequirementStatus;
  /** Writes persisted so far; the next write is keyed `(requirementId, seq + 1)`. */
  seq: number;
  assessment: Assessment | null;
  /** The kind in force: the vendor's, or the hospital's decision at approval. */
  kind: RequirementKind | null;
  kindDecision: KindDecision | null;
  approval: Approval | null;
  /** Quota person-days currently reserved by this request (0 when none). */
  quotaReservedPersonDays: number;
  plannedDeliveryDate: string | null;
  replans: Replan[];
  workLog: WorkLogEntry[];
  loggedPersonDays: number;
  testRounds: TestRound[];
  release: Release | null;
  acceptance: Acceptance | null;
  closure: Closure | null;
  breaches: RequirementBreach[];
  deadlines: RequirementDeadlines;
  updatedAt: string;
}

/** Addresses told about each step, by role, resolved when the request is submitted. */
export type RequirementNotify = Partial<Record<Role, string[]>>;

/** The periods the workflow uses; derived from the contract settings. */
export interface CustomizationRequestSettings {
  /** Rule 1: 3 working days. */
  assessmentWorkingDays: number;
  /** Working days before the assessment deadline at which the vendor is reminded. */
  assessmentReminderLeadWorkingDays: number;
  /** Calendar days before the planned delivery date at which the vendor is reminded. */
  deliveryReminderLeadDays: number;
  /** Rule 1: a delay must be announced at least this many calendar days before the date. */
  delayNoticeDays: number;
  /** While released and not accepted, the hospital is reminded every this many working days. */
  signOffReminderWorkingDays: number;
}

/** Input of `customizationRequestWorkflow`; its workflow id is `requirementId`. */
export interface CustomizationRequestInput {
  requirementId: string;
  contractId: string;
  contractYear: number;
  title: string;
  system: string;
  priority: RequirementPriority;
  submittedBy: ActorRef;
  /** ISO instant of receipt (the day of receipt is not counted). */
  receivedAt: string;
  settings: CustomizationRequestSettings;
  notify: RequirementNotify;
}
