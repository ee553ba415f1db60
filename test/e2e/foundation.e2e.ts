import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import request from 'supertest';
import { Client, Connection } from '@temporalio/client';
import { e2eStack, eventually, receivedMail, withDb } from '../helpers/e2e-stack';
import { spawnApp } from '../helpers/spawn-app';

const api = () => request(e2eStack().api);
const admin = () => `Bearer ${e2eStack().env.ADMIN_TOKEN}`;

async function temporal(): Promise<{ client: Client; close: () => Promise<void> }> {
  const connection = await Connection.connect({ address: e2eStack().temporalAddress });
  return { client: new Client({ connection }), close: () => connection.close() };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

async function deadlineRow(workflowId: string) {
  return withDb(async (db) => {
    const { rows } = await db.query<{
      deadline: Date;
      provisional: boolean;
      outcome: string | null;
    }>('SELECT deadline, provisional, outcome FROM deadline_record WHERE workflow_id = $1', [
      workflowId,
    ]);
    return rows[0];
  });
}

describe('foundation on the real stack', () => {
  it('reports PostgreSQL and Temporal healthy', async () => {
    const res = await api().get('/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      checks: { postgres: { status: 'up' }, temporal: { status: 'up' }, worker: { status: 'up' } },
    });
    expect(res.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
  });

  it('serves Prometheus metrics to operators only', async () => {
    await api().get('/metrics').expect(401);
    const res = await api().get('/metrics').set('Authorization', admin()).expect(200);
    expect(res.text).toContain('luyue_http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/route="\/health",status="200"/);
  });

  it('serves the OpenAPI document', async () => {
    const res = await api().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/health', '/api/calendar/working-days']),
    );
  });

  it('answers 3 working days from 2026-09-30 10:00 with the 调休 Saturday 2026-10-10', async () => {
    const res = await api()
      .get('/api/calendar/working-days')
      .query({ from: '2026-09-30T10:00:00+08:00', days: 3 })
      .expect(200);
    expect(res.body).toEqual({ deadline: '2026-10-10T23:59:59.999+08:00', provisional: false });
  });

  it('refuses bad parameters naming them', async () => {
    const bad = await api()
      .get('/api/calendar/working-days')
      .query({ from: 'next tuesday', days: 'three' })
      .expect(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['from', 'days']),
    );
    const unknown = await api()
      .get('/api/calendar/working-days')
      .query({ from: '2026-09-30T10:00:00+08:00', days: 3, tz: 'UTC' })
      .expect(400);
    expect(unknown.body.error.message).toContain('tz');
  });

  it('runs a deadline watch on the real worker and recomputes it when a year is loaded', async () => {
    const { client, close } = await temporal();
    const workflowId = `deadline:e2e-${randomUUID()}`;
    try {
      const handle = await client.workflow.start('deadlineWatchWorkflow', {
        taskQueue: e2eStack().env.TEMPORAL_TASK_QUEUE,
        workflowId,
        args: [
          {
            subject: 'E2E-PROVISIONAL',
            // A year no other file loads (the fault-ticket calendar test loads next year's).
            receivedAt: '2083-01-06T10:00:00+08:00',
            workingDays: 3,
            reminderLeadDays: null,
            notify: [],
          },
        ],
      });
      const scheduled = await eventually(
        () => deadlineRow(workflowId),
        (r) => r !== undefined,
      );
      expect(scheduled).toMatchObject({ provisional: true, outcome: null });
      // Provisional 2083: weekends off, so Thu 01-07, Fri 01-08, Mon 01-11.
      expect(scheduled.deadline.toISOString()).toBe('2083-01-11T15:59:59.999Z');

      // Unauthenticated and wrong-token loads are refused and change nothing.
      const schedule2083 = {
        holidays: ['2083-01-01', '2083-01-11', '2083-01-12'],
        workdays: ['2083-01-16'],
      };
      await api().put('/api/calendar/years/2083').send(schedule2083).expect(401);
      await api()
        .put('/api/calendar/years/2083')
        .set('Authorization', 'Bearer not-the-admin-token')
        .send(schedule2083)
        .expect(401);
      const invalid = await api()
        .put('/api/calendar/years/2083')
        .set('Authorization', admin())
        .send({ holidays: ['2083-01-01', '2083-02-30'], workdays: [] })
        .expect(400);
      expect(invalid.body.error.message).toContain('holidays[1]');
      expect((await deadlineRow(workflowId)).provisional).toBe(true);

      const loaded = await api()
        .put('/api/calendar/years/2083')
        .set('Authorization', admin())
        .send(schedule2083)
        .expect(200);
      expect(loaded.body).toMatchObject({ year: 2083, holidays: 3, workdays: 1 });
      expect(loaded.body.recomputing).toBeGreaterThanOrEqual(1);

      const recomputed = await eventually(
        () => deadlineRow(workflowId),
        (r) => r?.provisional === false,
      );
      // Official (test) 2083: 01-11 and 01-12 off → Thu 01-07, Fri 01-08, Wed 01-13.
      expect(recomputed).toMatchObject({ provisional: false });
      expect(recomputed.deadline.toISOString()).toBe('2083-01-13T15:59:59.999Z');
      const lookup = await api()
        .get('/api/calendar/working-days')
        .query({ from: '2083-01-06T10:00:00+08:00', days: 3 })
        .expect(200);
      expect(lookup.body).toEqual({
        deadline: '2083-01-13T23:59:59.999+08:00',
        provisional: false,
      });

      await handle.signal('deadlineFulfilled', { at: '2083-01-07T12:00:00+08:00' });
      const result = await handle.result();
      expect(result).toMatchObject({ outcome: 'met', provisional: false });
      expect((await deadlineRow(workflowId)).outcome).toBe('met');
    } finally {
      await close();
    }
  });

  it('records a breach and mails it exactly once through the outbox', async () => {
    const { client, close } = await temporal();
    const to = `pm-${randomUUID()}@vendor.example`;
    const workflowId = `deadline:e2e-${randomUUID()}`;
    try {
      const result = await client.workflow.execute('deadlineWatchWorkflow', {
        taskQueue: e2eStack().env.TEMPORAL_TASK_QUEUE,
        workflowId,
        args: [
          {
            subject: 'E2E-BREACH',
            receivedAt: '2026-01-05T10:00:00+08:00',
            workingDays: 1,
            reminderLeadDays: 1,
            notify: [to],
            link: 'http://localhost/requirements/E2E-BREACH',
          },
        ],
      });
      expect(result).toMatchObject({ outcome: 'breached', reminderSent: false });
    } finally {
      await close();
    }
    const mails = await eventually(
      () => receivedMail(to),
      (m) => m.length >= 1,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('【履约超期】E2E-BREACH 已超过办理期限');
    expect(mails[0].text).toContain('2026-01-06 23:59');
    expect(mails[0].links).toEqual(['http://localhost/requirements/E2E-BREACH']);
    const outbox = await withDb((db) =>
      db.query('SELECT status FROM outbox_mail WHERE message_key = $1', [`${workflowId}:breached`]),
    );
    expect(outbox.rows).toEqual([{ status: 'sent' }]);
    // A second write with the same key (an activity retry) adds nothing.
    await withDb((db) =>
      db.query(
        `INSERT INTO outbox_mail (message_key, recipients, subject, html, text, template)
         VALUES ($1, '[]', 'dup', '', '', 'x') ON CONFLICT (message_key) DO NOTHING`,
        [`${workflowId}:breached`],
      ),
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(await receivedMail(to)).toHaveLength(1);
  });

  it('reports Temporal down separately with 503', async () => {
    const port = await closedPort();
    const app = spawnApp('api', {
      ...e2eStack().env,
      PORT: String(port),
      TEMPORAL_ADDRESS: `127.0.0.1:${await closedPort()}`,
    });
    try {
      const res = await eventually(
        () =>
          fetch(`http://127.0.0.1:${port}/health`)
            .then(async (r) => ({
              status: r.status,
              body: (await r.json()) as Record<string, any>,
            }))
            .catch(() => undefined),
        (r) => r !== undefined,
        30_000,
      );
      expect(res).toBeDefined();
      expect(res!.status).toBe(503);
      expect(res!.body.checks.postgres.status).toBe('up');
      expect(res!.body.checks.temporal.status).toBe('down');
    } finally {
      await app.stop();
    }
  });

  it('refuses to start on bad configuration, naming the variable', async () => {
    const app = spawnApp('api', { ...e2eStack().env, PORT: 'eighty', SMTP_URL: 'http://mail' });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('PORT="eighty"');
    expect(app.output()).toContain('SMTP_URL="http://mail": must be an smtp://');
  });
});
