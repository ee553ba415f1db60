import type { EntityManager } from 'typeorm';
import type { Actor } from '@luyue/domain';

/** Where a process keeps its transitions: the table and the column naming its item. */
export interface TransitionTable {
  table:
    | 'requirement_transition'
    | 'change_request_transition'
    | 'security_task_transition'
    | 'fault_ticket_transition'
    | 'duty_occurrence_transition';
  subjectColumn: 'requirement_id' | 'change_request_id' | 'task_id' | 'ticket_id' | 'occurrence_id';
}

/** What every process's transition row holds, whatever the process. */
export interface TransitionRow {
  transitionSeq: number;
  action: string;
  actor: Pick<Actor, 'userId' | 'email' | 'party'> | null;
  fromStatus: string;
  toStatus: string;
  payload: unknown;
  at: string;
  requestId: string | null;
  workflowId: string;
}

/**
 * Inserts one transition unless (item, seq) exists (`ON CONFLICT DO NOTHING`; a concurrent insert
 * of the same key waits for the first one). False when it already existed: a retried activity
 * answers as the first time and writes nothing twice.
 */
export async function insertTransitionRow(
  manager: EntityManager,
  { table, subjectColumn }: TransitionTable,
  subjectId: string,
  row: TransitionRow,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO ${table} (${subjectColumn}, seq, action, actor_id, actor_email, party,
       from_status, to_status, payload, at, request_id, workflow_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12)
     ON CONFLICT (${subjectColumn}, seq) DO NOTHING
     RETURNING seq`,
    [
      subjectId,
      row.transitionSeq,
      row.action,
      row.actor?.userId ?? null,
      row.actor?.email ?? null,
      row.actor?.party ?? null,
      row.fromStatus,
      row.toStatus,
      JSON.stringify(row.payload),
      row.at,
      row.requestId,
      row.workflowId,
    ],
  );
  return rows.length === 1;
}
