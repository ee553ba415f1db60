import type { SlaPolicy } from '@luyue/fault-ticket/definitions';
import type { DutyPlan } from '@luyue/duty/definitions';
import { ActorRef } from '@luyue/domain';
import type { StoredFileRef } from '@luyue/domain';
import type { Actor, Severity, Party, Role } from '@luyue/domain';

/** What a change touches (rule 3): part of the service, or a delivery time or place. */
export const CHANGE_TYPES = ['add', 'remove', 'replace', 'modify', 'schedule', 'location'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export const FINAL_CHANGE_STATUSES = ['closed', 'rejected', 'lapsed', 'withdrawn'] as const;

/** Change request states; the final ones last. */
export const CHANGE_STATUSES = [
  'awaiting_replies',
  'agreed',
  'confirmed',
  'implementing',
  'archiving',
  ...FINAL_CHANGE_STATUSES,
] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export function isFinalChangeStatus(status: ChangeStatus): boolean {
  return (FINAL_CHANGE_STATUSES as readonly ChangeStatus[]).includes(status);
}

/** The actions of the change-request routes, one Temporal Update each. */
export const CHANGE_ACTIONS = [
  'reply',
  'withdraw',
  'confirm',
  'start-implementation',
  'archive',
  'close',
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** Things the workflow records by itself. */
export const CHANGE_EVENTS = [
  'replies_requested',
  'reply_reminder',
  'agreed',
  'rejected',
  'lapsed',
  'effects_applied',
  'deadlines_recomputed',
] as const;
export type ChangeEvent = (typeof CHANGE_EVENTS)[number];

export const REPLY_DECISIONS = ['agree', 'disagree'] as const;
export type ReplyDecision = (typeof REPLY_DECISIONS)[number];

/** How a reply reached luyue. */
export const REPLY_CHANNELS = ['console', 'link'] as const;
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];

/** The role that decides for each party: only its users reply and get the reply links. */
export const DECIDING_ROLE: Record<Party, Role> = {
  hospital: 'hospital_manager',
  vendor: 'vendor_pm',
  supervisor: 'supervisor',
};

export interface ChangeImpact {
  scope: string;
  schedule: string;
  cost: string;
}

/** What a confirmed change applies, each through its target's own process. */
export type ChangeEffect =
  | { type: 'replan_requirement'; requirementId: string; plannedDeliveryDate: string }
  | { type: 'grant_quota'; requirementId: string }
  | {
      type: 'contract_settings';
      systems?: string[];
      assessmentWorkingDays?: number;
      changeReplyWorkingDays?: number;
      retestWorkingDays?: number;
      delayNoticeDays?: number;
      remediationWorkingDays?: Partial<Record<Severity, number>>;
    }
  /** A new version of the contract's SLA policy, for fault tickets reported afterwards. */
  | { type: 'sla_policy'; policy: SlaPolicy }
  /** A new duty plan, replacing one whose occurrences not due yet are withdrawn. */
  | { type: 'duty_plan'; plan: DutyPlan; replacesPlanId: string | null };
export type ChangeEffectType = ChangeEffect['type'];
export const CHANGE_EFFECT_TYPES = [
  'replan_requirement',
  'grant_quota',
  'contract_settings',
  'sla_policy',
  'duty_plan',
] as const satisfies readonly ChangeEffectType[];

export interface EffectResult {
  effect: ChangeEffect;
  outcome: 'applied' | 'refused';
  message: string | null;
}

/** One receiving party's written reply and its deadline. */
export interface PartyReply {
  party: Party;
  /** When the request reached the party (the day of receipt is not counted). */
  receivedAt: string;
  dueAt: string | null;
  /** Reminder instants (2 and 1 working days before), in order; `remindersSent` of them went. */
  reminderAts: string[];
  remindersSent: number;
  provisional: boolean;
  decision: ReplyDecision | null;
  comment: string | null;
  by: ActorRef | null;
  at: string | null;
  via: ReplyChannel | null;
}

export interface ChangeProposer extends ActorRef {
  party: Party;
  roles: Role[];
}

/** What the proposer asked for: the workflow's input and the first part of its state. */
export interface ChangeProposal {
  changeRequestId: string;
  contractId: string;
  contractYear: number;
  title: string;
  description: string;
  changeType: ChangeType;
  impact: ChangeImpact;
  effects: ChangeEffect[];
  attachments: StoredFileRef[];
  proposedBy: ChangeProposer;
  proposedAt: string;
}

/** Who recorded a step, and when. */
export interface ChangeStepRecord {
  at: string;
  by: ActorRef;
}

export interface ChangeRequestState extends ChangeProposal {
  status: ChangeStatus;
  replies: PartyReply[];
  /** When agreed, rejected or lapsed. */
  outcomeAt: string | null;
  /** Receiving parties that had not replied by their deadline. */
  silentParties: Party[];
  withdrawal: (ChangeStepRecord & WithdrawPayload) | null;
  confirmation: (ChangeStepRecord & ChangeNotePayload) | null;
  implementation: (ChangeStepRecord & ChangeNotePayload) | null;
  archive: (ChangeStepRecord & ArchivePayload) | null;
  closure: (ChangeStepRecord & ChangeNotePayload) | null;
  effectResults: EffectResult[] | null;
  seq: number;
  updatedAt: string;
}

export interface ReplyPayload {
  decision: ReplyDecision;
  comment: string;
  via: ReplyChannel;
  /** The link token's id when replying through an email link (marked used with the reply). */
  linkJti?: string;
}

export interface ChangeNotePayload {
  note: string;
}

export interface WithdrawPayload {
  reason: string;
}

export interface ArchivePayload extends ChangeNotePayload {
  documents: StoredFileRef[];
}

export interface ChangePayloads {
  reply: ReplyPayload;
  withdraw: WithdrawPayload;
  confirm: ChangeNotePayload;
  'start-implementation': ChangeNotePayload;
  archive: ArchivePayload;
  close: ChangeNotePayload;
}

export interface ChangeCommand<A extends ChangeAction = ChangeAction> {
  actor: Actor;
  payload: ChangePayloads[A];
  requestId?: string;
}

export type ChangeActionCall = {
  [A in ChangeAction]: { action: A; payload: ChangePayloads[A] };
}[ChangeAction];

/** Addresses of the deciding users of each party, and of every user of a party, by role. */
export type ChangeNotify = Partial<Record<Role, string[]>>;

export interface ChangeRequestSettings {
  /** Rule 3: 5 working days. */
  replyWorkingDays: number;
  /** Working days before the deadline at which the party is reminded: 2 and 1. */
  reminderLeadWorkingDays: number[];
}

export interface ChangeRequestInput extends ChangeProposal {
  settings: ChangeRequestSettings;
  notify: ChangeNotify;
}

/** The purpose of a change-request reply link: issued with the mail, admitted by its page. */
export const CHANGE_REPLY_PURPOSE = 'change_request.reply';
