import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { QuotaEntryType } from '@luyue/domain';
import { personDaysTransformer } from './person-days.transformer';

/** One line of a contract year's interface quota ledger (rule 2). */
@Entity({ name: 'quota_entry' })
export class QuotaEntryEntity {
  /** bigint identity, returned as a string by pg. */
  @PrimaryColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @Column({ name: 'contract_year', type: 'int' })
  contractYear!: number;

  @Column({ name: 'requirement_id', type: 'text' })
  requirementId!: string;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'text' })
  type!: QuotaEntryType;

  @Column({
    name: 'person_days',
    type: 'numeric',
    precision: 8,
    scale: 2,
    transformer: personDaysTransformer,
  })
  personDays!: number;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
