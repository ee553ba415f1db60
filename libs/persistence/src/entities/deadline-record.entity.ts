import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One working-day deadline watched by a workflow; breaches feed the yearly statistics. */
@Entity({ name: 'deadline_record' })
export class DeadlineRecordEntity {
  @PrimaryColumn({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'working_days', type: 'int' })
  workingDays!: number;

  @Column({ type: 'timestamptz' })
  deadline!: Date;

  @Column({ type: 'boolean' })
  provisional!: boolean;

  @Column({ name: 'reminder_sent_at', type: 'timestamptz', nullable: true })
  reminderSentAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome!: 'met' | 'breached' | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
