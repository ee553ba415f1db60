// What the fault tier checks after each fault: every write recorded once, every mail sent once.
import { messageIdOf } from '@luyue/notifications';
import { eventually, receivedMail, withDb } from './e2e-stack';

/** The rows these titles were sent with, each exactly once; answers their ids. */
export async function createdOnce(
  table: 'requirement' | 'change_request',
  titles: string[],
): Promise<string[]> {
  const rows = await withDb(async (db) => {
    const found = await db.query<{ id: string; title: string }>(
      `SELECT id, title FROM ${table} WHERE title = ANY($1)`,
      [titles],
    );
    return found.rows;
  });
  expect({ table, titles: rows.map((r) => r.title).sort() }).toEqual({
    table,
    titles: [...titles].sort(),
  });
  return rows.map((r) => r.id);
}

/** Where each kind of subject keeps its transitions. */
const TRANSITIONS = {
  requirements: { table: 'requirement_transition', column: 'requirement_id' },
  changes: { table: 'change_request_transition', column: 'change_request_id' },
  tasks: { table: 'security_task_transition', column: 'task_id' },
} as const;

/**
 * Every transition and audit event of these requests, changes and tasks exists once, every
 * request in `assessed` was assessed and every task in `started` (all of them by default)
 * started.
 */
export async function expectRecordedOnce(
  subjects: Record<keyof typeof TRANSITIONS, string[]>,
  assessed: string[],
  started: string[] = subjects.tasks,
): Promise<void> {
  const counted = (sql: string, ids: string[]) =>
    withDb(
      async (db) => (await db.query<{ id: string; action: string; n: number }>(sql, [ids])).rows,
    );
  const transitions = await Promise.all(
    (Object.keys(TRANSITIONS) as Array<keyof typeof TRANSITIONS>).map(async (kind) => {
      const { table, column } = TRANSITIONS[kind];
      const rows = await counted(
        `SELECT ${column}::text AS id, action, count(*)::int AS n FROM ${table}
         WHERE ${column}::text = ANY($1) GROUP BY ${column}, action`,
        subjects[kind],
      );
      return { kind, rows };
    }),
  );
  const all = Object.values(subjects).flat();
  const audits = await counted(
    `SELECT subject_id AS id, action, count(*)::int AS n FROM audit_event
     WHERE subject_id = ANY($1) GROUP BY subject_id, action`,
    all,
  );
  const rows = [...transitions.flatMap((t) => t.rows), ...audits];
  expect(rows.filter((t) => t.n !== 1)).toEqual([]);
  const landed = (kind: keyof typeof TRANSITIONS, action: string) =>
    transitions
      .find((t) => t.kind === kind)!
      .rows.filter((t) => t.action === action)
      .map((t) => t.id)
      .sort();
  expect(landed('requirements', 'assess')).toEqual([...assessed].sort());
  expect(landed('tasks', 'start')).toEqual([...started].sort());
  expect(audits.length).toBeGreaterThanOrEqual(all.length);
}

/**
 * Every outbox message of these requests is sent and reached the sink once; with
 * `resendsAllowed`, possibly more than once under its one Message-ID. Answers the resends.
 */
export async function expectMailedOnce(ids: string[], resendsAllowed: boolean): Promise<number> {
  const outboxRows = () =>
    withDb(async (db) => {
      const { rows } = await db.query<{ message_key: string; status: string; attempts: number }>(
        `SELECT message_key, status, attempts FROM outbox_mail
         WHERE split_part(message_key, ':', 1) = ANY($1)`,
        [ids],
      );
      return rows;
    });
  const outbox = await eventually(
    outboxRows,
    (rows) => rows.every((r) => r.status === 'sent'),
    90_000,
  );
  expect(outbox.filter((r) => r.status !== 'sent')).toEqual([]);
  expect(outbox.length).toBeGreaterThanOrEqual(ids.length);
  const received = await receivedMail();
  const copies = outbox.map((r) => ({
    key: r.message_key,
    copies: received.filter((m) => m.messageId === messageIdOf(r.message_key)).length,
    attempts: r.attempts,
  }));
  expect(copies.filter((c) => c.copies < 1 || (c.copies > 1 && !resendsAllowed))).toEqual([]);
  // Each copy follows a lease of its own: a resend only after a lease lapsed (its sender died),
  // never two workers sending one message under one lease.
  expect(copies.filter((c) => c.copies > c.attempts)).toEqual([]);
  // Whatever was resent, each subject reached each recipient under one Message-ID only.
  const ours = received.filter((m) => ids.some((id) => m.subject.includes(`${id} `)));
  const perSubject = new Map<string, Set<string | undefined>>();
  for (const m of ours) {
    const key = `${m.to.join(',')} ${m.subject}`;
    perSubject.set(key, (perSubject.get(key) ?? new Set()).add(m.messageId));
  }
  expect([...perSubject].filter(([, messageIds]) => messageIds.size !== 1)).toEqual([]);
  return copies.reduce((sum, c) => sum + c.copies - 1, 0);
}
