// The api's reads of requests on the stack's real PostgreSQL, from rows a small fixture wrote
// through the real persisting activity: list filters (overdue too), ledger, stats and quota.
import type { AssessPayload } from '@luyue/requirement/definitions';
import {
  RequirementDriver,
  createQuotaContract,
  dateFromNow,
  daysFromNow,
  openRequirementDb,
  type RequirementDb,
} from '../helpers/requirement-db.fixture';

const DAY = 86_400_000;
const release = { version: 'v1', releaseNotes: '上线说明', rollbackPlan: '回滚方案' };
const assess = (over: Partial<AssessPayload>): AssessPayload => ({
  kind: 'customization',
  feasibility: 'feasible',
  estimatePersonDays: 3,
  plannedDeliveryDate: dateFromNow(30),
  solution: '方案',
  ...over,
});

let db: RequirementDb;
let contractId: string;
const ids: Record<string, string> = {};

/** Received `daysAgo`, assessment due 3 days later; numbered under year label 2097. */
async function request(name: string, daysAgo: number, year = 2): Promise<RequirementDriver> {
  const id = await db.allocate(2097);
  ids[name] = id;
  const r = new RequirementDriver(db, id, contractId, year, daysFromNow(-daysAgo));
  await r.submit(daysFromNow(-daysAgo + 3));
  return r;
}

/** From approval to release at `releasedDaysAgo`. */
async function deliver(r: RequirementDriver, releasedDaysAgo: number): Promise<void> {
  const at = daysFromNow(-releasedDaysAgo - 1);
  await r.act('approve', {}, 'hospital_manager', at);
  await r.act('start-development', {}, 'vendor_dev', at);
  await r.act('submit-for-testing', { version: 'v1', notes: '' }, 'vendor_dev', at);
  await r.act('pass-testing', { notes: '' }, 'hospital_staff', at);
  await r.act('release', release, 'vendor_pm', daysFromNow(-releasedDaysAgo));
}

beforeAll(async () => {
  db = await openRequirementDb();
  contractId = await createQuotaContract(db.ds, 50);
  // accepted: assessed after 2 days, released before its planned date, accepted with 4 days
  const accepted = await request('accepted', 20);
  await accepted.act(
    'assess',
    assess({ kind: 'report', plannedDeliveryDate: dateFromNow(-5) }),
    'vendor_pm',
    daysFromNow(-18),
  );
  await deliver(accepted, 6);
  await accepted.act(
    'accept',
    { actualPersonDays: 4, note: '' },
    'hospital_manager',
    daysFromNow(-4),
  );
  // late: assessed after 1 day, released two days after its planned date
  const late = await request('late', 19);
  await late.act(
    'assess',
    assess({ plannedDeliveryDate: dateFromNow(-10) }),
    'vendor_pm',
    daysFromNow(-18),
  );
  await deliver(late, 8);
  // building: an interface in development past its planned date (overdue); reserves 2
  const building = await request('building', 18);
  await building.act(
    'assess',
    assess({ kind: 'interface_new', estimatePersonDays: 2, plannedDeliveryDate: dateFromNow(-2) }),
    'vendor_pm',
    daysFromNow(-15),
  );
  await building.act('approve', {}, 'hospital_manager', daysFromNow(-14));
  await building.act('start-development', {}, 'vendor_dev', daysFromNow(-14));
  // rejected: assessed after 2 days, never approved
  const rejected = await request('rejected', 17);
  await rejected.act('assess', assess({ kind: 'ux' }), 'vendor_pm', daysFromNow(-15));
  await rejected.act('reject', { reason: '不做' }, 'hospital_manager', daysFromNow(-14));
  // breached: still assessing past its deadline, the breach recorded
  const breached = await request('breached', 5);
  await breached.timer('assessment_breached', daysFromNow(-1.9));
  // fresh: assessing, due in 2 days
  await request('fresh', 1);
  // lastYear: the same contract's year 1, assessing, not due yet
  await request('lastYear', 0.5, 1);
});
afterAll(async () => {
  await db?.ds.destroy();
});

describe('requirement reads on PostgreSQL', () => {
  it('lists newest first, filtered by status, kind and overdue, paged with the total', async () => {
    const page = { page: 1, pageSize: 20 };
    const list = (filter: object) =>
      db.queries.list(contractId, { ...page, ...filter }).then((p) => p.items.map((i) => i.id));
    expect(await list({})).toEqual(
      ['lastYear', 'fresh', 'breached', 'rejected', 'building', 'late', 'accepted'].map(
        (n) => ids[n],
      ),
    );
    expect(await list({ status: 'assessing' })).toEqual([ids.lastYear, ids.fresh, ids.breached]);
    expect(await list({ kind: 'interface_new' })).toEqual([ids.building]);
    expect(await list({ overdue: true })).toEqual([ids.breached, ids.building]);
    expect(await list({ overdue: false })).toHaveLength(5);
    expect(await list({ status: 'assessing', overdue: true })).toEqual([ids.breached]);

    const third = await db.queries.list(contractId, { page: 3, pageSize: 3 });
    expect(third).toMatchObject({ total: 7, page: 3, pageSize: 3, items: [{ id: ids.accepted }] });
    expect((await db.queries.list(contractId, { page: 1, pageSize: 2 })).items[0]).toEqual({
      id: ids.lastYear,
      status: 'assessing',
      title: 'HIS 对接医保结算接口',
      kind: null,
      system: 'HIS',
      priority: 'normal',
      receivedAt: expect.stringMatching(/Z$/) as string,
      assessmentDueAt: expect.stringMatching(/Z$/) as string,
      plannedDeliveryDate: null,
      overdue: false,
    });
    const building = (await db.queries.list(contractId, { ...page, kind: 'interface_new' }))
      .items[0];
    expect(building).toMatchObject({ plannedDeliveryDate: dateFromNow(-2), overdue: true });
  });

  it('writes the ledger (需求管理台账) of one contract year or all, by number', async () => {
    const ledger = await db.queries.ledger(contractId, 2);
    expect(ledger.map((r) => r.id)).toEqual(
      ['accepted', 'late', 'building', 'rejected', 'breached', 'fresh'].map((n) => ids[n]),
    );
    expect(ledger[0]).toEqual({
      id: ids.accepted,
      title: 'HIS 对接医保结算接口',
      kind: 'report',
      system: 'HIS',
      submitter: '张三',
      submittedAt: expect.any(String) as string,
      assessmentDueAt: expect.any(String) as string,
      assessedAt: expect.any(String) as string,
      assessmentOnTime: true,
      estimatePersonDays: 3,
      actualPersonDays: 4,
      plannedDeliveryDate: dateFromNow(-5),
      releasedAt: expect.any(String) as string,
      deliveryOnTime: true,
      status: 'accepted',
      acceptedAt: expect.any(String) as string,
      acceptedBy: 'hospital_manager',
    });
    expect(ledger[1]).toMatchObject({
      status: 'released',
      deliveryOnTime: false,
      acceptedBy: null,
    });
    expect(ledger[4]).toMatchObject({
      assessedAt: null,
      assessmentOnTime: null,
      estimatePersonDays: null,
    });
    expect(await db.queries.ledger(contractId)).toHaveLength(7);
  });

  it('counts the yearly figures: completion and on-time rates, breaches, assessment time', async () => {
    const calls: Array<[Date, Date]> = [];
    const stats = await db.queries.stats(contractId, 2, (a, b) => {
      calls.push([a, b]);
      return Math.round((b.getTime() - a.getTime()) / DAY);
    });
    expect(stats).toEqual({
      contractYear: 2,
      submitted: 6,
      confirmed: 3,
      accepted: 1,
      completionRate: 1 / 3,
      released: 2,
      releasedOnTime: 1,
      onTimeDeliveryRate: 0.5,
      assessmentBreaches: 1,
      breaches: { assessment_overdue: 1, delivery_overdue: 0, late_replan_notice: 0 },
      // 2, 1, 3 and 2 days from receipt to assessment
      averageAssessmentWorkingDays: 2,
    });
    expect(calls).toHaveLength(4);
    expect(calls[0][0]).toBeInstanceOf(Date);
    expect(await db.queries.stats(contractId, 1, () => 1)).toMatchObject({
      submitted: 1,
      confirmed: 0,
      completionRate: null,
      onTimeDeliveryRate: null,
      averageAssessmentWorkingDays: null,
    });
  });

  it('shows a contract year quota from the settings and the ledger; not_found for no such year', async () => {
    expect(await db.quota.quota(contractId, 2)).toEqual({
      year: 2,
      total: 50,
      reserved: 2,
      consumed: 0,
      remaining: 48,
      outsideQuota: 0,
      grantedByChanges: 0,
      entries: [
        {
          requirementId: ids.building,
          changeRequestId: null,
          type: 'reserve',
          personDays: 2,
          at: expect.any(String) as string,
        },
      ],
    });
    expect(await db.quota.quota(contractId, 1)).toMatchObject({
      total: 50,
      remaining: 50,
      entries: [],
    });
    await expect(db.quota.quota(contractId, 9)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('finds a request with its work log and breaches, and lists the open ones', async () => {
    expect(await db.queries.find('REQ-2097-9999')).toBeNull();
    expect(await db.queries.find(ids.breached)).toMatchObject({
      state: { status: 'assessing', breaches: [{ kind: 'assessment_overdue' }] },
    });
    const open = await db.queries.openRequirementIds();
    for (const n of ['late', 'building', 'breached', 'fresh', 'lastYear']) {
      expect(open).toContain(ids[n]);
    }
    expect(open).not.toContain(ids.accepted);
    expect(open).not.toContain(ids.rejected);
  });
});
