import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Party, RequirementStatus } from '@luyue/domain';

/** One persisted change of a request, keyed (requirement_id, seq) so a retry writes nothing. */
@Entity({ name: 'requirement_transition' })
export class RequirementTransitionEntity {
  @PrimaryColumn({ name: 'requirement_id', type: 'text' })
  requirementId!: string;

  @PrimaryColumn({ type: 'int' })
  seq!: number;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_email', type: 'text', nullable: true })
  actorEmail!: string | null;

  @Column({ type: 'text', nullable: true })
  party!: Party | null;

  @Column({ name: 'from_status', type: 'text' })
  fromStatus!: RequirementStatus;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: RequirementStatus;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ name: 'workflow_id', type: 'text', nullable: true })
  workflowId!: string | null;

  /** The activity's answer, returned again to a retry of the same seq. */
  @Column({ type: 'jsonb', nullable: true })
  result!: Record<string, unknown> | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
