import type { RequirementState } from '../requirement.types';

type Value = string | number | boolean | null;

/**
 * The `requirement` columns written from the workflow state, in insert order. `description` is
 * not in the state (the api writes it at submission), so the projection never touches it.
 */
export function projectionColumns(s: RequirementState): Array<[column: string, value: Value]> {
  const a = s.assessment;
  return [
    ['id', s.requirementId],
    ['contract_id', s.contractId],
    ['contract_year', s.contractYear],
    ['title', s.title],
    ['system', s.system],
    ['priority', s.priority],
    ['submitted_by', s.submittedBy.userId],
    ['submitted_by_email', s.submittedBy.email],
    ['submitted_by_name', s.submittedBy.name],
    ['received_at', s.receivedAt],
    ['status', s.status],
    ['kind', s.kind],
    ['feasibility', a?.feasibility ?? null],
    ['estimate_person_days', a?.estimatePersonDays ?? null],
    ['solution', a?.solution ?? null],
    ['alternative_solution', a?.alternativeSolution ?? null],
    ['assessment_due_at', s.deadlines.assessment?.dueAt ?? null],
    ['assessment_provisional', s.deadlines.assessment?.provisional ?? false],
    ['assessed_at', a?.assessedAt ?? null],
    ['assessed_by', a?.assessedBy.userId ?? null],
    ['assessment_on_time', a?.onTime ?? null],
    ['vendor_kind', a?.kind ?? null],
    ['kind_decided_by', s.kindDecision?.decidedBy.userId ?? null],
    ['approved_at', s.approval?.approvedAt ?? null],
    ['approved_by', s.approval?.approvedBy.userId ?? null],
    ['quota_decision', s.approval?.quotaDecision ?? null],
    ['quota_reserved_person_days', s.quotaReservedPersonDays],
    ['planned_delivery_date', s.plannedDeliveryDate],
    ['original_planned_delivery_date', s.replans[0]?.from ?? a?.plannedDeliveryDate ?? null],
    ['late_replan_count', s.replans.filter((r) => r.late).length],
    ['logged_person_days', s.loggedPersonDays],
    ['released_at', s.release?.releasedAt ?? null],
    ['release_version', s.release?.version ?? null],
    ['release_on_time', s.release?.onTime ?? null],
    ['accepted_at', s.acceptance?.acceptedAt ?? null],
    ['accepted_by', s.acceptance?.acceptedBy.userId ?? null],
    ['actual_person_days', s.acceptance?.actualPersonDays ?? null],
    ['closed_at', s.closure?.at ?? s.acceptance?.acceptedAt ?? null],
    ['close_reason', s.closure?.reason ?? null],
    ['state', JSON.stringify(s)],
    ['last_seq', s.seq],
  ];
}

/** Columns the workflow never changes once the row exists. */
const KEPT = new Set(['id', 'contract_id', 'contract_year', 'received_at']);

/**
 * Upsert of the projection: creates the row if the api has not (a workflow started by other
 * means), and never lets an older snapshot (lower seq) overwrite a newer one.
 */
export function projectionUpsert(state: RequirementState): { sql: string; params: Value[] } {
  const columns = projectionColumns(state);
  const names = columns.map(([name]) => name);
  const values = names.map((name, i) => (name === 'state' ? `$${i + 1}::jsonb` : `$${i + 1}`));
  const updates = names
    .filter((name) => !KEPT.has(name))
    .map((name) => `${name} = EXCLUDED.${name}`);
  const sql = `INSERT INTO requirement (${names.join(', ')})
    VALUES (${values.join(', ')})
    ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}, updated_at = now()
    WHERE requirement.last_seq <= EXCLUDED.last_seq`;
  return { sql, params: columns.map(([, value]) => value) };
}
