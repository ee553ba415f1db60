import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type {
  Feasibility,
  QuotaDecision,
  RequirementKind,
  RequirementPriority,
  RequirementState,
  RequirementStatus,
} from '@luyue/domain';
import { personDaysTransformer } from './person-days.transformer';

const personDays = {
  type: 'numeric',
  precision: 8,
  scale: 2,
  transformer: personDaysTransformer,
} as const;

/**
 * A customization request: the row the api inserts at submission, then the projection of the
 * workflow state that each persisted transition writes (`state` holds the whole snapshot).
 */
@Entity({ name: 'requirement' })
export class RequirementEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @Column({ name: 'contract_year', type: 'int' })
  contractYear!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text' })
  system!: string;

  @Column({ type: 'text' })
  priority!: RequirementPriority;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy!: string;

  @Column({ name: 'submitted_by_email', type: 'text' })
  submittedByEmail!: string;

  @Column({ name: 'submitted_by_name', type: 'text' })
  submittedByName!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'text' })
  status!: RequirementStatus;

  @Column({ type: 'text', nullable: true })
  kind!: RequirementKind | null;

  @Column({ type: 'text', nullable: true })
  feasibility!: Feasibility | null;

  @Column({ name: 'estimate_person_days', ...personDays, nullable: true })
  estimatePersonDays!: number | null;

  @Column({ type: 'text', nullable: true })
  solution!: string | null;

  @Column({ name: 'alternative_solution', type: 'text', nullable: true })
  alternativeSolution!: string | null;

  @Column({ name: 'assessment_due_at', type: 'timestamptz', nullable: true })
  assessmentDueAt!: Date | null;

  @Column({ name: 'assessment_provisional', type: 'boolean', default: false })
  assessmentProvisional!: boolean;

  @Column({ name: 'assessed_at', type: 'timestamptz', nullable: true })
  assessedAt!: Date | null;

  @Column({ name: 'assessed_by', type: 'text', nullable: true })
  assessedBy!: string | null;

  @Column({ name: 'assessment_on_time', type: 'boolean', nullable: true })
  assessmentOnTime!: boolean | null;

  /** The kind the vendor assessed; `kind` differs when the hospital decided another (rule 1). */
  @Column({ name: 'vendor_kind', type: 'text', nullable: true })
  vendorKind!: RequirementKind | null;

  @Column({ name: 'kind_decided_by', type: 'text', nullable: true })
  kindDecidedBy!: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'approved_by', type: 'text', nullable: true })
  approvedBy!: string | null;

  @Column({ name: 'quota_decision', type: 'text', nullable: true })
  quotaDecision!: QuotaDecision | null;

  @Column({ name: 'quota_reserved_person_days', ...personDays, default: 0 })
  quotaReservedPersonDays!: number;

  /** YYYY-MM-DD. */
  @Column({ name: 'planned_delivery_date', type: 'date', nullable: true })
  plannedDeliveryDate!: string | null;

  @Column({ name: 'original_planned_delivery_date', type: 'date', nullable: true })
  originalPlannedDeliveryDate!: string | null;

  @Column({ name: 'late_replan_count', type: 'int', default: 0 })
  lateReplanCount!: number;

  @Column({ name: 'logged_person_days', ...personDays, default: 0 })
  loggedPersonDays!: number;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt!: Date | null;

  @Column({ name: 'release_version', type: 'text', nullable: true })
  releaseVersion!: string | null;

  @Column({ name: 'release_on_time', type: 'boolean', nullable: true })
  releaseOnTime!: boolean | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'accepted_by', type: 'text', nullable: true })
  acceptedBy!: string | null;

  @Column({ name: 'actual_person_days', ...personDays, nullable: true })
  actualPersonDays!: number | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason!: string | null;

  /** Null until the workflow persisted its first transition. */
  @Column({ type: 'jsonb', nullable: true })
  state!: RequirementState | null;

  @Column({ name: 'last_seq', type: 'int', default: 0 })
  lastSeq!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
