import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { e2eStack, eventually, receivedMail, withDb } from '../helpers/e2e-stack';
import { spawnApp, type SpawnedApp } from '../helpers/spawn-app';

/**
 * A worker killed with SIGKILL in the middle of work: a second worker takes over, and every
 * workflow finishes with exactly one recorded outcome and its breach mail sent.
 */
describe('a killed worker loses and duplicates nothing', () => {
  const taskQueue = `crash-${randomUUID()}`;
  const workers: SpawnedApp[] = [];
  let connection: Connection;

  beforeAll(async () => {
    connection = await Connection.connect({ address: e2eStack().temporalAddress });
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await connection?.close();
  });

  const startWorker = (): SpawnedApp => {
    const worker = spawnApp('worker', { ...e2eStack().env, TEMPORAL_TASK_QUEUE: taskQueue });
    workers.push(worker);
    return worker;
  };

  it('resumes on another worker', async () => {
    const client = new Client({ connection });
    const first = startWorker();
    const runs = Array.from({ length: 12 }, (_, i) => ({
      workflowId: `deadline:crash-${randomUUID()}`,
      to: `crash-${i}-${randomUUID()}@vendor.example`,
    }));
    await Promise.all(
      runs.map((r, i) =>
        client.workflow.start('deadlineWatchWorkflow', {
          taskQueue,
          workflowId: r.workflowId,
          args: [
            {
              subject: `CRASH-${i}`,
              receivedAt: '2026-03-02T10:00:00+08:00', // long past: breached at once
              workingDays: 1,
              reminderLeadDays: null,
              notify: [r.to],
            },
          ],
        }),
      ),
    );
    // Kill the first worker as soon as it has done some of the work, not all of it.
    const outcomes = () =>
      withDb(async (db) => {
        const { rows } = await db.query<{ n: string }>(
          `SELECT count(*)::text AS n FROM deadline_record WHERE workflow_id = ANY($1) AND outcome IS NOT NULL`,
          [runs.map((r) => r.workflowId)],
        );
        return Number(rows[0].n);
      });
    await eventually(outcomes, (n) => n >= 1, 30_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull(); // killed by the signal, not a clean exit

    startWorker();
    const results = await Promise.all(
      runs.map((r) => client.workflow.getHandle(r.workflowId).result()),
    );
    expect(results.map((r: { outcome: string }) => r.outcome)).toEqual(runs.map(() => 'breached'));

    const rows = await withDb(async (db) => {
      const { rows } = await db.query<{ workflow_id: string; outcome: string }>(
        `SELECT workflow_id, outcome FROM deadline_record WHERE workflow_id = ANY($1)`,
        [runs.map((r) => r.workflowId)],
      );
      return rows;
    });
    expect(rows).toHaveLength(runs.length);
    const mails = await withDb(async (db) => {
      const { rows } = await db.query<{ message_key: string; status: string }>(
        `SELECT message_key, status FROM outbox_mail WHERE message_key = ANY($1)`,
        [runs.map((r) => `${r.workflowId}:breached`)],
      );
      return rows;
    });
    expect(mails).toHaveLength(runs.length); // one outbox row per workflow, never two
    for (const r of runs) {
      // Mail the killed worker had leased goes out when its lease (30 s) expires.
      const received = await eventually(
        () => receivedMail(r.to),
        (m) => m.length >= 1,
        75_000,
      );
      expect(received.length).toBeGreaterThanOrEqual(1);
      // A resend after a crash between SMTP accept and `sent` keeps the Message-ID, so the
      // receiving server can drop it: never two different messages for one key.
      expect(new Set(received.map((m) => m.messageId)).size).toBe(1);
    }
  }, 300_000);
});
