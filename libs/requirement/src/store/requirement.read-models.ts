import type { QuotaSummary } from '../quota.calculator';
import type {
  RequirementKind,
  RequirementPriority,
  RequirementState,
  RequirementStatus,
} from '../requirement.types';

/**
 * The read side of customization requests, agreed between the persistence layer (implements it
 * in its repositories) and the api (reads through them). Dates are ISO strings, person-days
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

/**
 * One request as stored: the workflow's state (the `state` jsonb) plus what only the api keeps.
 * The API's DTO is mapped from this in one function.
 */
export interface StoredRequirement {
  id: string;
  contractId: string;
  description: string;
  state: RequirementState;
  createdAt: string;
  updatedAt: string;
}

export interface RequirementListFilter {
  status?: RequirementStatus;
  kind?: RequirementKind;
  /** Open requests past their assessment deadline or planned delivery date. */
  overdue?: boolean;
  system?: string;
  /** The contract year the request was received in. */
  contractYear?: number;
  /** Part of the number or the title, any case. */
  q?: string;
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

/** One line of the requirement ledger. */
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
  /** The confirmed change request that granted this outside-quota entry. */
  changeRequestId: string | null;
}

export type QuotaView = QuotaSummary & { year: number; entries: QuotaEntryView[] };
