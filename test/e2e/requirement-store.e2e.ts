// The requirement store's SQL on the stack's real PostgreSQL: numbering, idempotent transitions,
// the projection upsert, the quota lock (rule 2) and the work log and breach rows.
import { planQuotaOperation, type AssessPayload } from '@luyue/requirement/definitions';
import {
  RequirementDriver,
  createQuotaContract,
  dateFromNow,
  daysFromNow,
  openRequirementDb,
  type RequirementDb,
} from '../helpers/requirement-db.fixture';
import { insertTransitionRow } from '@luyue/persistence';
import { REQUIREMENT_TRANSITION_TABLE } from '@luyue/requirement';

const assess = (over: Partial<AssessPayload> = {}): AssessPayload => ({
  kind: 'interface_new',
  feasibility: 'feasible',
  estimatePersonDays: 8,
  plannedDeliveryDate: dateFromNow(30),
  solution: '新增医保结算接口',
  ...over,
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let db: RequirementDb;
let other: RequirementDb;

beforeAll(async () => {
  db = await openRequirementDb();
  other = await openRequirementDb();
});
afterAll(async () => {
  await db?.ds.destroy();
  await other?.ds.destroy();
});

/** A request of year 1 of `contractId`, submitted 2 days ago, numbered under year label 2099. */
async function submitted(contractId: string): Promise<RequirementDriver> {
  const id = await db.allocate(2099);
  const driver = new RequirementDriver(db, id, contractId, 1, daysFromNow(-2));
  await driver.submit(daysFromNow(1));
  return driver;
}

const count = async (sql: string, params: unknown[]): Promise<number> =>
  Number((await db.ds.query<Array<{ n: string }>>(sql, params))[0].n);

describe('requirement store on PostgreSQL', () => {
  it('numbers requests REQ-<year>-<4 digits> in sequence, without duplicates under concurrency', async () => {
    const a = await db.allocate(2098);
    const b = await db.allocate(2098);
    expect(a).toMatch(/^REQ-2098-\d{4}$/);
    expect(Number(b.slice(-4))).toBe(Number(a.slice(-4)) + 1);
    const many = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? other : db).allocate(2098)),
    );
    expect(new Set(many).size).toBe(8);
    expect(many.map((n) => Number(n.slice(-4))).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 8 }, (_, i) => Number(b.slice(-4)) + 1 + i),
    );
  });

  it('inserts the submitted row, then projects the workflow state over it (never backwards)', async () => {
    const contractId = await createQuotaContract(db.ds, 50);
    const r = await submitted(contractId);
    const id = r.state.requirementId;
    const stored = await db.queries.find(id);
    expect(stored).toMatchObject({
      id,
      contractId,
      description: '需求说明',
      state: {
        contractYear: 1,
        status: 'assessing',
        submittedBy: { userId: 'u-staff', email: 'staff@hospital.example', name: '张三' },
        deadlines: {
          assessment: { dueAt: r.state.deadlines.assessment!.dueAt, provisional: false },
        },
        kind: null,
        assessment: null,
        loggedPersonDays: 0,
        workLog: [],
        breaches: [],
      },
    });
    expect(stored!.state.seq).toBe(1);

    await expect(
      db.ds.transaction((m) =>
        db.numbering.insertSubmitted(m, {
          id,
          contractId,
          contractYear: 1,
          title: 'x',
          description: 'x',
          system: 'HIS',
          priority: 'low',
          submittedById: 'u',
          submittedByEmail: 'u@example.com',
          submittedByName: 'u',
          receivedAt: daysFromNow(0),
        }),
      ),
    ).rejects.toMatchObject({ code: 'conflict' });

    await r.act(
      'assess',
      assess({ estimatePersonDays: 4.5, kind: 'report' }),
      'vendor_pm',
      daysFromNow(-1),
    );
    // A replayed older snapshot (seq 1) must not overwrite the newer row.
    const stale = { ...stored!.state, title: '旧标题' };
    await db.ds.transaction((m) => db.store.saveProjection(m, stale));
    expect(await db.queries.find(id)).toMatchObject({
      description: '需求说明',
      state: {
        status: 'awaiting_approval',
        title: r.state.title,
        kind: 'report',
        plannedDeliveryDate: dateFromNow(30),
        seq: 2,
        assessment: { estimatePersonDays: 4.5, onTime: true },
      },
    });

    // A projection may also create the row (a workflow started without the api's insert).
    const orphan = { ...r.state, requirementId: await db.allocate(2099), seq: 1 };
    await db.ds.transaction((m) => db.store.saveProjection(m, orphan));
    expect(await db.queries.find(orphan.requirementId)).toMatchObject({
      description: '',
      state: { status: 'awaiting_approval', assessment: { estimatePersonDays: 4.5 } },
    });
  });

  it('writes a transition once: the same seq again is refused and answers the first result', async () => {
    const contractId = await createQuotaContract(db.ds, 50);
    const r = await submitted(contractId);
    const id = r.state.requirementId;
    const input = r.prepare('assess', assess({ kind: 'ux' }), 'vendor_pm', daysFromNow(-1));

    const first = await db.activities.persistRequirementTransition(input);
    const again = await other.activities.persistRequirementTransition(input);
    expect(first).toEqual({ outcome: 'applied', quota: null });
    expect(again).toEqual(first);
    expect(
      await db.ds.transaction((m) =>
        insertTransitionRow(m, REQUIREMENT_TRANSITION_TABLE, input.requirementId, input),
      ),
    ).toBe(false);
    expect(
      await count(
        `SELECT count(*) AS n FROM requirement_transition WHERE requirement_id = $1 AND seq = 2`,
        [id],
      ),
    ).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM audit_event WHERE request_id = $1`, [input.requestId]),
    ).toBe(1);
    expect(await db.ds.transaction((m) => db.store.findTransitionResult(m, id, 2))).toEqual(first);
    expect(await db.ds.transaction((m) => db.store.findTransitionResult(m, id, 99))).toBeNull();
  });

  it('serializes quota writers of a contract year: the second waits and sees the first', async () => {
    const contractId = await createQuotaContract(db.ds, 10);
    const a = (await submitted(contractId)).state.requirementId;
    const b = (await submitted(contractId)).state.requirementId;
    const reserve8 = { op: 'reserve', personDays: 8, decision: 'within_quota' } as const;

    let release!: () => void;
    const gate = new Promise<void>((done) => (release = done));
    let firstLocked!: () => void;
    const locked = new Promise<void>((done) => (firstLocked = done));
    const first = db.ds.transaction(async (m) => {
      const year = await db.quota.lockYear(m, contractId, 1);
      firstLocked();
      await gate; // holds the lock while the second transaction tries to take it
      const plan = planQuotaOperation(year.total, year.entries, a, reserve8, daysFromNow(0));
      if (plan.ok) await db.quota.append(m, contractId, 1, 3, plan.entries);
      return plan;
    });
    await locked;
    let secondLocked = false;
    const second = other.ds.transaction(async (m) => {
      const year = await other.quota.lockYear(m, contractId, 1);
      secondLocked = true;
      const plan = planQuotaOperation(year.total, year.entries, b, reserve8, daysFromNow(0));
      if (plan.ok) await other.quota.append(m, contractId, 1, 3, plan.entries);
      return plan;
    });
    await sleep(300);
    expect(secondLocked).toBe(false);
    release();
    expect(await first).toMatchObject({ ok: true, summary: { reserved: 8, remaining: 2 } });
    expect(await second).toEqual({ ok: false, remaining: 2, requested: 8 });
    expect(await db.quota.quota(contractId, 1)).toMatchObject({
      year: 1,
      total: 10,
      reserved: 8,
      remaining: 2,
      entries: [{ requirementId: a, type: 'reserve', personDays: 8 }],
    });
  });

  it('lets only one of two concurrent approvals take the last person-days, then consumes the actual', async () => {
    const contractId = await createQuotaContract(db.ds, 10);
    const c = await submitted(contractId);
    const d = await submitted(contractId);
    await c.act('assess', assess({ estimatePersonDays: 6 }), 'vendor_pm', daysFromNow(-1));
    await d.act('assess', assess({ estimatePersonDays: 6 }), 'vendor_pm', daysFromNow(-1));

    const at = daysFromNow(0);
    const results = await Promise.all([
      c.act('approve', {}, 'hospital_manager', at, db.activities),
      d.act('approve', {}, 'hospital_manager', at, other.activities),
    ]);
    const applied = results.filter((x) => x.outcome === 'applied');
    expect(applied).toHaveLength(1);
    expect(results.find((x) => x.outcome !== 'applied')).toEqual({
      outcome: 'quota_exceeded',
      remaining: 4,
      requested: 6,
    });
    const [winner, loser] = results[0].outcome === 'applied' ? [c, d] : [d, c];
    // The refused approval wrote nothing: no transition, the row still awaits approval.
    expect(
      await count(
        `SELECT count(*) AS n FROM requirement_transition WHERE requirement_id = $1 AND seq = 3`,
        [loser.state.requirementId],
      ),
    ).toBe(0);
    expect((await db.queries.find(loser.state.requirementId))!.state.status).toBe(
      'awaiting_approval',
    );

    // The hospital decides to pay it outside the quota: recorded, never counted.
    await loser.act('approve', { quotaDecision: 'outside_quota' }, 'hospital_manager', at);
    await winner.act('start-development', {}, 'vendor_dev', at);
    await winner.act('submit-for-testing', { version: 'v1', notes: '' }, 'vendor_dev', at);
    await winner.act('pass-testing', { notes: '' }, 'hospital_staff', at);
    const release = { version: 'v1', releaseNotes: '上线', rollbackPlan: '回滚' };
    await winner.act('release', release, 'vendor_pm', at);
    expect(
      await winner.act('accept', { actualPersonDays: 5, note: '' }, 'hospital_manager', at),
    ).toEqual({
      outcome: 'applied',
      quota: {
        total: 10,
        reserved: 0,
        consumed: 5,
        remaining: 5,
        outsideQuota: 6,
        grantedByChanges: 0,
      },
    });
    const quota = await db.quota.quota(contractId, 1);
    expect(quota).toMatchObject({ reserved: 0, consumed: 5, remaining: 5, outsideQuota: 6 });
    expect(quota.entries.map((e) => [e.requirementId, e.type, e.personDays])).toEqual([
      [winner.state.requirementId, 'reserve', 6],
      [loser.state.requirementId, 'outside_quota', 6],
      [winner.state.requirementId, 'release', 6],
      [winner.state.requirementId, 'consume', 5],
    ]);
    expect(await db.queries.find(winner.state.requirementId)).toMatchObject({
      state: { status: 'accepted', acceptance: { actualPersonDays: 5 } },
    });
  });

  it('appends work-log and breach rows once, and shows them on the request', async () => {
    const contractId = await createQuotaContract(db.ds, 50);
    const r = await submitted(contractId);
    const id = r.state.requirementId;
    await r.timer('assessment_breached', daysFromNow(-0.5));
    await r.act('assess', assess({ kind: 'ux' }), 'vendor_pm', daysFromNow(-0.4));
    await r.act('approve', {}, 'hospital_manager', daysFromNow(-0.3));
    await r.act('start-development', {}, 'vendor_dev', daysFromNow(-0.2));
    const log = { date: dateFromNow(-1), personDays: 1.25, note: '联调' };
    await r.act('log-effort', log, 'vendor_dev', daysFromNow(-0.1));

    const seq = r.state.seq;
    await db.ds.transaction(async (m) => {
      await db.store.appendWorkLog(m, id, seq, r.state.workLog[0]);
      await db.store.appendBreach(m, r.state, 99, r.state.breaches[0]);
    });
    const logs = await db.ds.query<Array<Record<string, unknown>>>(
      `SELECT seq, to_char(date, 'YYYY-MM-DD') AS date, person_days, note, user_id, user_email
       FROM requirement_work_log WHERE requirement_id = $1`,
      [id],
    );
    expect(logs).toEqual([
      {
        seq,
        date: log.date,
        person_days: '1.25',
        note: '联调',
        user_id: 'u-vendor_dev',
        user_email: 'vendor.dev@example.com',
      },
    ]);
    const breaches = await db.ds.query<Array<{ kind: string; due_at: Date }>>(
      `SELECT kind, due_at FROM requirement_breach WHERE requirement_id = $1`,
      [id],
    );
    expect(breaches.map((b) => [b.kind, b.due_at.toISOString()])).toEqual([
      ['assessment_overdue', r.state.deadlines.assessment!.dueAt],
    ]);
    expect(await db.queries.find(id)).toMatchObject({
      state: {
        loggedPersonDays: 1.25,
        workLog: [{ date: log.date, personDays: 1.25, note: '联调' }],
        breaches: [{ kind: 'assessment_overdue' }],
      },
    });
  });
});
