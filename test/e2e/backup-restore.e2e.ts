import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { requirementStateQuery, requirementWorkflowId } from '@luyue/requirement/definitions';
import type { DemoCredential } from '../helpers/e2e-auth';
import { startStackProcess, type StackProcess as Stack } from '../helpers/stack-process';

const CLI = join(__dirname, '..', '..', 'dist', 'scripts', 'cli.js');

function cli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

async function loginAs(stack: Stack, role: string): Promise<string> {
  const users = JSON.parse(
    readFileSync(join(stack.dataDir, 'demo-credentials.json'), 'utf8'),
  ) as DemoCredential[];
  const user = users.find((u) => u.role === role)!;
  const res = await request(stack.urls.api)
    .post('/api/auth/login')
    .send({ email: user.email, password: user.password })
    .expect(200);
  return `Bearer ${(res.body as { accessToken: string }).accessToken}`;
}

/** The timers a workflow has started and neither fired nor cancelled, from its history. */
async function pendingTimers(stack: Stack, workflowId: string): Promise<string[]> {
  const connection = await Connection.connect({ address: stack.urls.temporalAddress });
  try {
    const history = await new Client({ connection }).workflow.getHandle(workflowId).fetchHistory();
    const open = new Map<string, string>();
    for (const event of history.events ?? []) {
      const id = String(event.eventId);
      if (event.timerStartedEventAttributes) {
        const seconds = Number(event.timerStartedEventAttributes.startToFireTimeout?.seconds ?? 0);
        open.set(id, `${event.timerStartedEventAttributes.timerId}:${seconds}`);
      }
      const closed =
        event.timerFiredEventAttributes?.startedEventId ??
        event.timerCanceledEventAttributes?.startedEventId;
      if (closed !== undefined && closed !== null) open.delete(String(closed));
    }
    return [...open.values()];
  } finally {
    await connection.close();
  }
}

describe('npm run cli -- backup / restore', () => {
  const folders: string[] = [];
  const stacks: Stack[] = [];
  const fresh = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'luyue-backup-'));
    folders.push(dir);
    return dir;
  };

  afterAll(async () => {
    for (const stack of stacks) await stack.stop();
    for (const dir of folders) await rm(dir, { recursive: true, force: true });
  });

  it('brings back every request, its workflow and its pending deadlines on a fresh folder', async () => {
    const source = fresh();
    const original = await startStackProcess(source, true);
    stacks.push(original);
    const staff = await loginAs(original, 'hospital_staff');
    const contracts = await request(original.urls.api)
      .get('/api/contracts')
      .set('Authorization', staff)
      .expect(200);
    const contractId = (contracts.body as Array<{ id: string }>)[0].id;
    const submitted = await request(original.urls.api)
      .post(`/api/contracts/${contractId}/requirements`)
      .set('Authorization', staff)
      .send({
        title: '备份前提交的需求',
        description: '恢复之后它、它的流程和截止时间都应当还在。',
        system: 'LIS',
        priority: 'normal',
      })
      .expect(201);
    const id = (submitted.body as { id: string }).id;
    const before = await request(original.urls.api)
      .get(`/api/requirements/${id}`)
      .set('Authorization', staff)
      .expect(200);
    const timersBefore = await pendingTimers(original, requirementWorkflowId(id));
    expect(timersBefore.length).toBeGreaterThan(0);

    const cliEnv = { PATH: process.env.PATH, DATA_DIR: source };
    const archive = join(fresh(), 'luyue.tar.gz');
    // While it runs a copy would not be consistent, so none is made.
    const refused = await cli(cliEnv, 'backup', '--out', archive);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('is running');
    expect(existsSync(archive)).toBe(false);

    await original.stop();
    const made = await cli(cliEnv, 'backup', '--out', archive);
    expect(made).toMatchObject({ code: 0, out: expect.stringContaining('backup written') });

    // A folder that already holds a stack is never overwritten.
    const overwrite = await cli(cliEnv, 'restore', '--from', archive);
    expect(overwrite.code).toBe(1);
    expect(overwrite.out).toContain('already holds a PostgreSQL cluster');

    const target = fresh();
    const restored = await cli({ ...cliEnv, DATA_DIR: target }, 'restore', '--from', archive);
    expect(restored).toMatchObject({ code: 0, out: expect.stringContaining('restored') });

    const again = await startStackProcess(target, false);
    stacks.push(again);
    // The same dev secrets came back, so the same users log in.
    const staffAgain = await loginAs(again, 'hospital_staff');
    const after = await request(again.urls.api)
      .get(`/api/requirements/${id}`)
      .set('Authorization', staffAgain)
      .expect(200);
    expect(after.body).toMatchObject({
      id,
      status: (before.body as { status: string }).status,
      deadlines: (before.body as { deadlines: unknown }).deadlines,
    });
    expect(await pendingTimers(again, requirementWorkflowId(id))).toEqual(timersBefore);
    const connection = await Connection.connect({ address: again.urls.temporalAddress });
    try {
      const handle = new Client({ connection }).workflow.getHandle(requirementWorkflowId(id));
      // The workflow answers: a worker of the restored stack runs it.
      const state = await handle.query(requirementStateQuery);
      expect(state.status).toBe((before.body as { status: string }).status);
    } finally {
      await connection.close();
    }
  }, 300_000);

  it('refuses a damaged archive and leaves the target folder empty', async () => {
    const target = join(fresh(), 'data');
    const archive = join(fresh(), 'broken.tar.gz');
    await writeFile(archive, Buffer.from('not a backup at all'));
    const res = await cli(
      { PATH: process.env.PATH, DATA_DIR: target },
      'restore',
      '--from',
      archive,
    );
    expect(res.code).toBe(1);
    expect(res.out).toContain('is not a readable luyue backup');
    expect(existsSync(join(target, 'postgres'))).toBe(false);
  });

  it('says how to back up an external PostgreSQL and Temporal instead', async () => {
    const res = await cli(
      { PATH: process.env.PATH, DATABASE_URL: 'postgres://x@127.0.0.1:1/x' },
      'backup',
    );
    expect(res.code).toBe(1);
    expect(res.out).toContain('pg_dump');
  });
});
