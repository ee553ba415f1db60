import { DELIVERY_STATUSES } from '../requirement.process';
import { initialRequirementState } from '../requirement.reducer';
import {
  type RequirementKind,
  type RequirementPriority,
  type RequirementState,
  type RequirementStatus,
} from '../requirement.types';
import type {
  RequirementLedgerRow,
  RequirementListItem,
  StoredRequirement,
} from './requirement.read-models';

/** pg returns numeric as a string (exact); person-days are numbers everywhere else. */
export const num = (v: string | null): number | null => (v === null ? null : Number(v));
export const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

// Code constants, not input: safe to inline.
const delivering = DELIVERY_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * Open and past a deadline the workflow watches: the assessment (rule 1: 3 working days) or the
 * planned delivery date (due at its 24:00 Shanghai) while the work is still being delivered.
 * A request whose deadline is not recorded yet is not overdue (false, not NULL).
 */
export const OVERDUE_SQL = `COALESCE(
  (r.status = 'assessing' AND r.assessment_due_at < now())
  OR (r.status IN (${delivering}) AND r.planned_delivery_date IS NOT NULL
      AND ((r.planned_delivery_date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') <= now()),
  false
)`;

// Dates are formatted in SQL so the pg driver never shifts them through a JS Date.
const DATE = (column: string, alias: string): string =>
  `to_char(${column}, 'YYYY-MM-DD') AS ${alias}`;

interface RowBase {
  id: string;
  status: RequirementStatus;
  title: string;
  kind: RequirementKind | null;
  system: string;
  received_at: Date;
  assessment_due_at: Date | null;
  planned: string | null;
}

export const LIST_COLUMNS = `r.id, r.status, r.title, r.kind, r.system, r.priority, r.received_at,
  r.assessment_due_at, ${DATE('r.planned_delivery_date', 'planned')}, ${OVERDUE_SQL} AS overdue`;

export interface ListRow extends RowBase {
  priority: RequirementPriority;
  overdue: boolean;
}

export function toListItem(r: ListRow): RequirementListItem {
  return {
    id: r.id,
    status: r.status,
    title: r.title,
    kind: r.kind,
    system: r.system,
    priority: r.priority,
    receivedAt: r.received_at.toISOString(),
    assessmentDueAt: iso(r.assessment_due_at),
    plannedDeliveryDate: r.planned,
    overdue: r.overdue,
  };
}

export const STORED_COLUMNS = `r.id, r.contract_id, r.contract_year, r.status, r.title,
  r.description, r.system, r.priority, r.submitted_by, r.submitted_by_email,
  r.submitted_by_name, r.received_at, r.assessment_due_at, r.assessment_provisional, r.state,
  r.created_at, r.updated_at`;

export interface StoredRow {
  id: string;
  contract_id: string;
  contract_year: number;
  status: RequirementStatus;
  title: string;
  description: string;
  system: string;
  priority: RequirementPriority;
  submitted_by: string;
  submitted_by_email: string;
  submitted_by_name: string;
  received_at: Date;
  assessment_due_at: Date | null;
  assessment_provisional: boolean;
  state: RequirementState | null;
  created_at: Date;
  updated_at: Date;
}

export function toStored(r: StoredRow): StoredRequirement {
  return {
    id: r.id,
    contractId: r.contract_id,
    description: r.description,
    state: r.state ?? stateOfNewRow(r),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The state of a row the workflow has not written yet (only the api's columns). */
function stateOfNewRow(r: StoredRow): RequirementState {
  const receivedAt = r.received_at.toISOString();
  const state = initialRequirementState({
    requirementId: r.id,
    contractId: r.contract_id,
    contractYear: r.contract_year,
    title: r.title,
    system: r.system,
    priority: r.priority,
    submittedBy: {
      userId: r.submitted_by,
      email: r.submitted_by_email,
      name: r.submitted_by_name,
      party: 'hospital',
    },
    receivedAt,
  });
  const dueAt = iso(r.assessment_due_at);
  const assessment = dueAt
    ? {
        dueAt,
        reminderAt: null,
        provisional: r.assessment_provisional,
        reminderSentAt: null,
        breachedAt: null,
      }
    : null;
  return { ...state, status: r.status, deadlines: { ...state.deadlines, assessment } };
}

// Names come from the snapshot: the row keeps ids, the ledger shows people.
export const LEDGER_COLUMNS = `r.id, r.title, r.kind, r.system, r.status,
  r.submitted_by_name, r.received_at, r.assessment_due_at, r.assessed_at, r.assessment_on_time,
  r.estimate_person_days, r.actual_person_days, ${DATE('r.planned_delivery_date', 'planned')},
  r.released_at, r.release_on_time, r.accepted_at,
  r.state -> 'acceptance' -> 'acceptedBy' ->> 'name' AS accepted_by_name`;

export interface LedgerRow extends RowBase {
  submitted_by_name: string;
  assessed_at: Date | null;
  assessment_on_time: boolean | null;
  estimate_person_days: string | null;
  actual_person_days: string | null;
  released_at: Date | null;
  release_on_time: boolean | null;
  accepted_at: Date | null;
  accepted_by_name: string | null;
}

export function toLedgerRow(r: LedgerRow): RequirementLedgerRow {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    system: r.system,
    submitter: r.submitted_by_name,
    submittedAt: r.received_at.toISOString(),
    assessmentDueAt: iso(r.assessment_due_at),
    assessedAt: iso(r.assessed_at),
    assessmentOnTime: r.assessment_on_time,
    estimatePersonDays: num(r.estimate_person_days),
    actualPersonDays: num(r.actual_person_days),
    plannedDeliveryDate: r.planned,
    releasedAt: iso(r.released_at),
    deliveryOnTime: r.release_on_time,
    status: r.status,
    acceptedAt: iso(r.accepted_at),
    acceptedBy: r.accepted_by_name,
  };
}
