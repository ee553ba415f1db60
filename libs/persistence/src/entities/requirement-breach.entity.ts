import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RequirementBreachKind } from '@luyue/domain';

/** A missed contract deadline of a request, counted in the yearly statistics. */
@Entity({ name: 'requirement_breach' })
export class RequirementBreachEntity {
  /** bigint identity, returned as a string by pg. */
  @PrimaryColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'requirement_id', type: 'text' })
  requirementId!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @Column({ name: 'contract_year', type: 'int' })
  contractYear!: number;

  @Column({ type: 'text' })
  kind!: RequirementBreachKind;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'int' })
  seq!: number;
}
