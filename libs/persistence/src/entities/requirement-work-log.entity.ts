import { Column, Entity, PrimaryColumn } from 'typeorm';
import { personDaysTransformer } from './person-days.transformer';

/** Effort logged on a request by the vendor; its sum is the default actual at acceptance. */
@Entity({ name: 'requirement_work_log' })
export class RequirementWorkLogEntity {
  /** bigint identity, returned as a string by pg. */
  @PrimaryColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'requirement_id', type: 'text' })
  requirementId!: string;

  @Column({ type: 'int' })
  seq!: number;

  /** YYYY-MM-DD, the day worked. */
  @Column({ type: 'date' })
  date!: string;

  @Column({
    name: 'person_days',
    type: 'numeric',
    precision: 8,
    scale: 2,
    transformer: personDaysTransformer,
  })
  personDays!: number;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ name: 'user_id', type: 'text', nullable: true })
  userId!: string | null;

  @Column({ name: 'user_email', type: 'text', nullable: true })
  userEmail!: string | null;

  @Column({ name: 'logged_at', type: 'timestamptz' })
  loggedAt!: Date;
}
