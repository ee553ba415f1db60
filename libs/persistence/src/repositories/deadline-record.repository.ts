import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeadlineRecordEntity } from '../entities';
import { NewOutboxMail, OutboxRepository } from './outbox.repository';

export interface DeadlineSchedule {
  workflowId: string;
  subject: string;
  receivedAt: Date;
  workingDays: number;
  deadline: Date;
  provisional: boolean;
}

@Injectable()
export class DeadlineRecordRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  /** Upsert: a recomputed (e.g. no longer provisional) deadline replaces the earlier one. */
  async schedule(s: DeadlineSchedule): Promise<void> {
    await this.ds.query(
      `INSERT INTO deadline_record (workflow_id, subject, received_at, working_days, deadline, provisional)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (workflow_id) DO UPDATE
         SET deadline = EXCLUDED.deadline, provisional = EXCLUDED.provisional, updated_at = now()
         WHERE deadline_record.outcome IS NULL`,
      [s.workflowId, s.subject, s.receivedAt, s.workingDays, s.deadline, s.provisional],
    );
  }

  /** Marks the reminder and queues its mail in one transaction; a retry changes nothing. */
  async recordReminder(workflowId: string, at: Date, mail: NewOutboxMail | null): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(
        `UPDATE deadline_record SET reminder_sent_at = COALESCE(reminder_sent_at, $2), updated_at = now()
         WHERE workflow_id = $1`,
        [workflowId, at],
      );
      if (mail) await this.outbox.enqueue(m, mail);
    });
  }

  /** Records met or breached once (the first outcome wins) with its mail, in one transaction. */
  async recordOutcome(
    workflowId: string,
    outcome: 'met' | 'breached',
    completedAt: Date | null,
    mail: NewOutboxMail | null,
  ): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(
        `UPDATE deadline_record SET outcome = $2, completed_at = $3, updated_at = now()
         WHERE workflow_id = $1 AND outcome IS NULL`,
        [workflowId, outcome, completedAt],
      );
      if (mail) await this.outbox.enqueue(m, mail);
    });
  }

  /** Workflows still waiting; told to recompute when a year's schedule is loaded. */
  async openWorkflowIds(): Promise<string[]> {
    const rows: Array<{ workflow_id: string }> = await this.ds.query(
      `SELECT workflow_id FROM deadline_record WHERE outcome IS NULL ORDER BY deadline`,
    );
    return rows.map((r) => r.workflow_id);
  }

  find(workflowId: string): Promise<DeadlineRecordEntity | null> {
    return this.ds.getRepository(DeadlineRecordEntity).findOneBy({ workflowId });
  }
}
