import type {
  QuotaSummary,
  RequirementBreach,
  RequirementKind,
  RequirementPriority,
  RequirementState,
  RequirementStatus,
} from '@luyue/domain';

/**
 * The read side of customization requests, agreed between the persistence layer (implements it
 * in RequirementRepository) and the api (reads through it). Dates are ISO strings, person-days
 * numbers (PostgreSQL numeric is converted).
 */
export interface NewRequirementRow {
  id: string;
  contractId: string;
  contractYear: number;
  title: string;
  description: string;
  system: string;
  priority: RequirementPriority;
  submittedById: string;
  submittedByEmail: string;
  submittedByName: string;
  receivedAt: string;
}

export interface RequirementWorkLogView {
  seq: number;
  date: string;
  personDays: number;
  note: string;
  userId: string | null;
  userEmail: string | null;
  loggedAt: string;
}

export interface RequirementView {
  id: string;
  contractId: string;
  contractYear: number;
  status: RequirementStatus;
  title: string;
  description: string;
  system: string;
  priority: RequirementPriority;
  kind: RequirementKind | null;
  submittedBy: { id: string; email: string; name: string };
  receivedAt: string;
  assessmentDueAt: string | null;
  assessmentProvisional: boolean;
  plannedDeliveryDate: string | null;
  estimatePersonDays: number | null;
  actualPersonDays: number | null;
  loggedPersonDays: number;
  /** The workflow's last persisted snapshot (deadlines, release, acceptance …). */
  state: RequirementState | null;
  workLog: RequirementWorkLogView[];
  breaches: RequirementBreach[];
  createdAt: string;
  updatedAt: string;
}

export interface RequirementListFilter {
  status?: RequirementStatus;
  kind?: RequirementKind;
  /** Open requests past their assessment deadline or planned delivery date. */
  overdue?: boolean;
  page: number;
  pageSize: number;
}

export interface RequirementListItem {
  id: string;
  status: RequirementStatus;
  title: string;
  kind: RequirementKind | null;
  system: string;
  priority: RequirementPriority;
  receivedAt: string;
  assessmentDueAt: string | null;
  plannedDeliveryDate: string | null;
  overdue: boolean;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** One line of the 需求管理台账. */
export interface RequirementLedgerRow {
  id: string;
  title: string;
  kind: RequirementKind | null;
  system: string;
  submitter: string;
  submittedAt: string;
  assessmentDueAt: string | null;
  assessedAt: string | null;
  assessmentOnTime: boolean | null;
  estimatePersonDays: number | null;
  actualPersonDays: number | null;
  plannedDeliveryDate: string | null;
  releasedAt: string | null;
  deliveryOnTime: boolean | null;
  status: RequirementStatus;
  acceptedAt: string | null;
  acceptedBy: string | null;
}

export interface RequirementStats {
  contractYear: number;
  submitted: number;
  /** Approved at some point (confirmed by the hospital). */
  confirmed: number;
  accepted: number;
  /** accepted ÷ confirmed; null when nothing was confirmed. */
  completionRate: number | null;
  released: number;
  releasedOnTime: number;
  /** released on time ÷ released; null when nothing was released. */
  onTimeDeliveryRate: number | null;
  assessmentBreaches: number;
  breaches: Record<string, number>;
  /** Mean working days from receipt to assessment, with the working-day calendar. */
  averageAssessmentWorkingDays: number | null;
}

export interface QuotaEntryView {
  requirementId: string;
  type: 'reserve' | 'release' | 'consume' | 'outside_quota';
  personDays: number;
  at: string;
}

export type QuotaView = QuotaSummary & { year: number; entries: QuotaEntryView[] };
