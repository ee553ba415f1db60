import { randomUUID } from 'node:crypto';
import type { Role } from '@luyue/domain';
import type { ChangeRequestDto } from '../../apps/api/src/change-request/dto/change-request.dto';
import {
  api,
  createOtherContract,
  demoContractId,
  demoCredential,
  login,
  loginDemo,
  operator,
} from '../helpers/e2e-auth';
import { getChange, proposeChange, replyLinkMails, replyLinkOf } from '../helpers/e2e-changes';
import {
  act,
  assessment,
  daysFromToday,
  getRequirement,
  submitRequirement,
} from '../helpers/e2e-requirements';
import { decodeLinkToken, encodeLinkToken } from '@luyue/notifications';
import { e2eStack, eventually, receivedMail, withDb } from '../helpers/e2e-stack';

/** A new user of the contract's organization of `party`, logged in. */
async function addUser(
  contractId: string,
  party: 'hospital' | 'vendor' | 'supervisor',
  role: Role,
): Promise<{ auth: string; userId: string; email: string }> {
  const contract = (
    await api().get(`/api/contracts/${contractId}`).set('Authorization', operator()).expect(200)
  ).body as Record<string, { id: string }>;
  const email = `${role}-${randomUUID().slice(0, 8)}@effects.e2e.local`;
  const created = await api()
    .post('/api/users')
    .set('Authorization', operator())
    .send({ email, name: `${role} 新同事`, organizationId: contract[party].id, roles: [role] })
    .expect(201);
  const body = created.body as { id: string; password: string };
  return { auth: await login(email, body.password), userId: body.id, email };
}

const agreeAll = async (id: string, auths: string[]): Promise<void> => {
  for (const auth of auths) {
    await api()
      .post(`/api/change-requests/${id}/replies`)
      .set('Authorization', auth)
      .send({ decision: 'agree' })
      .expect(200);
  }
};

const confirmed = async (pm: string, id: string): Promise<ChangeRequestDto> => {
  await api()
    .post(`/api/change-requests/${id}/actions/confirm`)
    .set('Authorization', pm)
    .send({})
    .expect(200);
  return eventually(
    () => getChange(pm, id),
    (body) => Array.isArray(body.effectResults),
  );
};

describe('change effects: settings checked, quota grants named, silent parties counted', () => {
  it('refuses settings a change would make invalid when proposed, and records a refusal (not a jam) when they became invalid by confirmation', async () => {
    const tag = randomUUID().slice(0, 8);
    const other = await createOtherContract(tag);
    const { contractId } = other;
    const pm = other.users.vendor_pm;
    const manager = await addUser(contractId, 'hospital', 'hospital_manager');
    const listed = async () =>
      (
        await api()
          .get(`/api/contracts/${contractId}/change-requests`)
          .set('Authorization', pm)
          .expect(200)
      ).body.total as number;

    // 2 working days to reply against the reminder lead of 2: refused, naming the field.
    const bad = await api()
      .post(`/api/contracts/${contractId}/change-requests`)
      .set('Authorization', pm)
      .send({
        title: '缩短答复期限',
        description: '答复期限改为 2 个工作日',
        changeType: 'modify',
        impact: { scope: '合同条款', schedule: '无', cost: '无' },
        effects: [{ type: 'contract_settings', changeReplyWorkingDays: 2 }],
      })
      .expect(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual([
      'effects[0].changeReplyWorkingDays',
    ]);
    expect(await listed()).toBe(0);

    // The request mail names the contract's reply period, not a fixed 5 days.
    await api()
      .patch(`/api/contracts/${contractId}/settings`)
      .set('Authorization', operator())
      .send({ changeReplyWorkingDays: 8 })
      .expect(200);
    const eight = await proposeChange(pm, contractId);
    const [asked] = await replyLinkMails(`supervisor.${tag}@other.example`, eight.id);
    expect(asked.subject).toContain('请在 8 个工作日内书面答复');
    await api()
      .post(`/api/change-requests/${eight.id}/actions/withdraw`)
      .set('Authorization', pm)
      .send({ reason: '仅为核对邮件' })
      .expect(200);
    await api()
      .patch(`/api/contracts/${contractId}/settings`)
      .set('Authorization', operator())
      .send({ changeReplyWorkingDays: 5 })
      .expect(200);

    // Valid when proposed (3 > 2) …
    const c = await proposeChange(pm, contractId, {
      effects: [{ type: 'contract_settings', changeReplyWorkingDays: 3, delayNoticeDays: 10 }],
    });
    expect(c.effects).toEqual([
      { type: 'contract_settings', changeReplyWorkingDays: 3, delayNoticeDays: 10 },
    ]);
    await agreeAll(c.id, [manager.auth, other.users.supervisor]);
    // … but the admin raised the reminder lead to 3 before the confirmation.
    await api()
      .patch(`/api/contracts/${contractId}/settings`)
      .set('Authorization', operator())
      .send({ reminderLeadWorkingDays: { changeReply: 3 } })
      .expect(200);
    const done = await confirmed(pm, c.id);
    expect(done.effectResults?.map((r) => r.outcome)).toEqual(['refused']);
    expect(done.effectResults?.[0].message).toContain('reminderLeadWorkingDays.changeReply');
    // The effects mail says so, rather than that everything was done.
    const [effectsMail] = await eventually(
      async () =>
        (await receivedMail(`vendor_pm.${tag}@other.example`)).filter(
          (m) => m.subject.includes(c.id) && m.subject.includes('约定事项'),
        ),
      (mails) => mails.length > 0,
      15_000,
    );
    expect(effectsMail.subject).toContain('未全部执行');
    expect(effectsMail.text).toContain('未执行');
    const settings = (
      await api().get(`/api/contracts/${contractId}`).set('Authorization', pm).expect(200)
    ).body.settings as { changeReplyWorkingDays: number; delayNoticeDays: number };
    expect([settings.changeReplyWorkingDays, settings.delayNoticeDays]).toEqual([5, 7]);
    // The change's workflow goes on.
    await api()
      .post(`/api/change-requests/${c.id}/actions/start-implementation`)
      .set('Authorization', pm)
      .send({})
      .expect(200);
  });

  it("grants quota as the hospital manager who agreed, named after the change in the quota figures; a hospital staff's grant is refused when proposed", async () => {
    const contractId = await demoContractId();
    const [staff, manager, pm, supervisor] = await Promise.all([
      loginDemo('hospital_staff'),
      loginDemo('hospital_manager'),
      loginDemo('vendor_pm'),
      loginDemo('supervisor'),
    ]);
    const b = await submitRequirement(staff, contractId);
    await act(
      pm,
      b.id,
      'assess',
      assessment({ kind: 'interface_new', estimatePersonDays: 3 }),
    ).expect(200);

    const byStaff = await api()
      .post(`/api/contracts/${contractId}/change-requests`)
      .set('Authorization', staff)
      .send({
        title: '额度外开发接口',
        description: '该接口按额度外结算',
        changeType: 'add',
        impact: { scope: '接口', schedule: '无', cost: '另行结算' },
        effects: [{ type: 'grant_quota', requirementId: b.id }],
      })
      .expect(400);
    expect(byStaff.body.error.fields.map((f: { field: string }) => f.field)).toEqual([
      'effects[0].type',
    ]);

    const quota = async () =>
      (
        await api()
          .get(`/api/contracts/${contractId}/quota`)
          .set('Authorization', staff)
          .expect(200)
      ).body as {
        outsideQuota: number;
        grantedByChanges: number;
        remaining: number;
        entries: Array<{ requirementId: string; type: string; changeRequestId: string | null }>;
      };
    const before = await quota();
    const c = await proposeChange(manager, contractId, {
      effects: [{ type: 'grant_quota', requirementId: b.id }],
    });
    await agreeAll(c.id, [pm, supervisor]);
    const done = await confirmed(pm, c.id);
    expect(done.effectResults?.map((r) => [r.outcome, r.message])).toEqual([['applied', null]]);
    const after = await quota();
    expect(after.outsideQuota - before.outsideQuota).toBe(3);
    expect(after.grantedByChanges - before.grantedByChanges).toBe(3);
    expect(after.remaining).toBe(before.remaining);
    expect(after.entries.filter((e) => e.requirementId === b.id)).toEqual([
      expect.objectContaining({ type: 'outside_quota', changeRequestId: c.id }),
    ]);
  });

  it("counts a contract year's changes by status and the silent parties' breaches by party", async () => {
    const other = await createOtherContract();
    const { contractId } = other;
    const pm = other.users.vendor_pm;
    const stats = async () =>
      (
        await api()
          .get(`/api/contracts/${contractId}/change-requests/stats`)
          .set('Authorization', other.users.supervisor)
          .expect(200)
      ).body as {
        contractYear: number;
        total: number;
        byStatus: Record<string, number>;
        silentBreaches: Record<string, number>;
        breaches: Array<{ changeRequestId: string; party: string }>;
      };
    const empty = await stats();
    expect([empty.total, empty.silentBreaches]).toEqual([
      0,
      { hospital: 0, vendor: 0, supervisor: 0 },
    ]);
    const open = await proposeChange(pm, contractId);
    const withdrawn = await proposeChange(pm, contractId);
    await api()
      .post(`/api/change-requests/${withdrawn.id}/actions/withdraw`)
      .set('Authorization', pm)
      .send({ reason: '不再需要' })
      .expect(200);
    // A lapse takes 5 working days, which an e2e run cannot wait for: the breach row the lapse
    // writes (its own test is the workflow's) is put in directly, to read it back here.
    await withDb((db) =>
      db.query(
        `INSERT INTO change_request_breach
           (change_request_id, contract_id, contract_year, party, due_at, recorded_at, seq)
         VALUES ($1, $2, 1, 'supervisor', now(), now(), 99)`,
        [open.id, contractId],
      ),
    );
    const counted = await stats();
    expect(counted.contractYear).toBe(1);
    expect(counted.total).toBe(2);
    expect([counted.byStatus.awaiting_replies, counted.byStatus.withdrawn]).toEqual([1, 1]);
    expect(counted.silentBreaches).toEqual({ hospital: 0, vendor: 0, supervisor: 1 });
    expect(counted.breaches).toEqual([
      expect.objectContaining({ changeRequestId: open.id, party: 'supervisor' }),
    ]);
    // 配额与统计 shows the same figures, naming the change whose party was silent.
    const page = await api()
      .get('/quota')
      .set('Authorization', other.users.supervisor)
      .set('Accept', 'text/html')
      .expect(200);
    expect(page.text).toContain('逾期未书面答复');
    expect(page.text).toContain(`/change-requests/${open.id}`);
    await api()
      .get(`/api/contracts/${contractId}/change-requests/stats?year=9`)
      .set('Authorization', pm)
      .expect(400);
  });

  it('lets only the proposer withdraw: a colleague of the same party gets 403 and nothing changes', async () => {
    const contractId = await demoContractId();
    const manager = await loginDemo('hospital_manager');
    const colleague = await addUser(contractId, 'hospital', 'hospital_manager');
    const c = await proposeChange(manager, contractId);
    const refused = await api()
      .post(`/api/change-requests/${c.id}/actions/withdraw`)
      .set('Authorization', colleague.auth)
      .send({ reason: '不再需要' })
      .expect(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await getChange(colleague.auth, c.id)).allowedActions).toEqual([]);
    expect((await getChange(manager, c.id)).status).toBe('awaiting_replies');
    const withdrawn = await api()
      .post(`/api/change-requests/${c.id}/actions/withdraw`)
      .set('Authorization', manager)
      .send({ reason: '不再需要' })
      .expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
  });

  it('moves a planned date inside the late-notice window without a late-notice breach, where a plain replan records one', async () => {
    const contractId = await demoContractId();
    const [staff, manager, pm, supervisor] = await Promise.all([
      loginDemo('hospital_staff'),
      loginDemo('hospital_manager'),
      loginDemo('vendor_pm'),
      loginDemo('supervisor'),
    ]);
    // Both due in 3 days: less than the contract's 7 days of delay notice are left.
    const delivering = async (): Promise<string> => {
      const r = (await submitRequirement(staff, contractId)) as { id: string };
      await act(
        pm,
        r.id,
        'assess',
        assessment({ kind: 'customization', plannedDeliveryDate: daysFromToday(3) }),
      ).expect(200);
      await act(manager, r.id, 'approve', {}).expect(200);
      return r.id;
    };
    const [plain, byChange] = [await delivering(), await delivering()];
    const later = daysFromToday(20);
    await act(pm, plain, 'replan', { plannedDeliveryDate: later, reason: '接口联调延后' }).expect(
      200,
    );
    type Moved = {
      plannedDeliveryDate: string;
      breaches: Array<{ kind: string }>;
      deadlines: { delivery: { plannedDeliveryDate: string } | null };
    };
    const late = (await getRequirement(manager, plain).expect(200)).body as Moved;
    expect(late.breaches.map((b) => b.kind)).toEqual(['late_replan_notice']);
    // The stored deadline follows the replan in its own step, not one step later.
    expect(late.deadlines.delivery?.plannedDeliveryDate).toBe(later);

    const c = await proposeChange(pm, contractId, {
      changeType: 'schedule',
      effects: [
        { type: 'replan_requirement', requirementId: byChange, plannedDeliveryDate: later },
      ],
    });
    await agreeAll(c.id, [manager, supervisor]);
    const done = await confirmed(pm, c.id);
    expect(done.effectResults?.map((r) => r.outcome)).toEqual(['applied']);
    const moved = (await getRequirement(manager, byChange).expect(200)).body as Moved;
    expect([moved.plannedDeliveryDate, moved.breaches]).toEqual([later, []]);
    expect(moved.deadlines.delivery?.plannedDeliveryDate).toBe(later);
  });

  it('answers a settled or replayed link with a zh-CN page saying who answered, when and how, and audits the opening', async () => {
    const contractId = await demoContractId();
    const [pm, manager] = await Promise.all([
      loginDemo('vendor_pm'),
      loginDemo('hospital_manager'),
    ]);
    const deputy = await addUser(contractId, 'hospital', 'hospital_manager');
    const c = await proposeChange(pm, contractId);
    const [toDeputy] = await replyLinkMails(deputy.email, c.id);
    const [toSupervisor] = await replyLinkMails(demoCredential('supervisor').email, c.id);
    await agreeAll(c.id, [manager]);
    const managerName = (await getChange(pm, c.id)).replies[0].by!.name;

    // The colleague's link: the page shows the manager's console reply; a POST records nothing.
    const deputyLink = replyLinkOf(toDeputy);
    const seen = await api().get(deputyLink).expect(200);
    expect(seen.text).toContain(managerName);
    expect(seen.text).toContain('控制台');
    const late = await api()
      .post(deputyLink)
      .type('form')
      .send({ decision: 'disagree', comment: '我不同意' })
      .expect(409);
    expect(late.headers['content-type']).toContain('text/html');
    expect(late.text).toContain('您的答复未记录');
    expect(late.text).toContain(managerName);
    const reasons = await withDb(async (db) =>
      (
        await db.query<{ reason: string }>(
          `SELECT summary->>'reason' AS reason FROM audit_event
           WHERE action = 'link_token.refused' AND subject_id = $1 AND actor_email = $2`,
          [c.id, deputy.email],
        )
      ).rows.map((r) => r.reason),
    );
    expect(reasons).toEqual(expect.arrayContaining(['already_settled', 'invalid_state']));

    // The supervisor's link, replayed after its reply: 410 with who, when and how.
    const supervisorLink = replyLinkOf(toSupervisor);
    await api().post(supervisorLink).type('form').send({ decision: 'agree' }).expect(200);
    const replayed = await api().post(supervisorLink).type('form').send({ decision: 'agree' });
    expect(replayed.status).toBe(410);
    expect(replayed.text).toContain('此链接已使用过');
    expect(replayed.text).toContain('邮件链接');
    expect(replayed.text).toContain('同意');
    expect((await getChange(pm, c.id)).status).toBe('agreed');
  });

  it('refuses a link whose signed expiry has passed, audited, though its row is still unused', async () => {
    const contractId = await demoContractId();
    const pm = await loginDemo('vendor_pm');
    const c = await proposeChange(pm, contractId);
    const [mail] = await replyLinkMails(demoCredential('supervisor').email, c.id);
    const secret = e2eStack().env.LINK_TOKEN_SECRET;
    const decoded = decodeLinkToken(replyLinkOf(mail).split('/').pop()!, secret);
    if (!decoded.ok) throw new Error('the mailed link does not verify');
    // The same link, signed as the app signs it, with an expiry a second ago.
    const expired = encodeLinkToken(
      { ...decoded.payload, expiresAt: new Date(Date.now() - 1000) },
      secret,
    );
    const page = await api()
      .post(`/change-replies/${expired}`)
      .type('form')
      .send({ decision: 'agree' })
      .expect(410);
    expect(page.text).toContain('已过期');
    const refused = await withDb(async (db) =>
      (
        await db.query<{ reason: string }>(
          `SELECT summary->>'reason' AS reason FROM audit_event
           WHERE action = 'link_token.refused' AND summary->>'jti' = $1`,
          [decoded.payload.jti],
        )
      ).rows.map((r) => r.reason),
    );
    expect(refused).toEqual(['expired']);
    expect((await getChange(pm, c.id)).replies.every((r) => r.decision === null)).toBe(true);
  });

  it('carries a new SLA policy: refused when malformed, a new policy version once confirmed', async () => {
    const other = await createOtherContract(randomUUID().slice(0, 8));
    const { contractId } = other;
    const pm = other.users.vendor_pm;
    const manager = await addUser(contractId, 'hospital', 'hospital_manager');
    const policy = (
      await api()
        .get(`/api/contracts/${contractId}/sla-policy`)
        .set('Authorization', pm)
        .expect(200)
    ).body as {
      version: number | null;
      policy: {
        levels: Record<string, { response: { budget: object } }>;
        coverages: Record<string, { segments: string[] }>;
      };
    };
    expect(policy.version).toBeNull();
    const bad = structuredClone(policy.policy);
    bad.coverages.working_hours.segments = ['13:30-17:30', '08:00-12:00'];
    const refused = await api()
      .post(`/api/contracts/${contractId}/change-requests`)
      .set('Authorization', pm)
      .send({
        title: '调整故障响应时限',
        description: '工作时间段有误',
        changeType: 'modify',
        impact: { scope: '服务级别', schedule: '无', cost: '无' },
        effects: [{ type: 'sla_policy', slaPolicy: bad }],
      })
      .expect(400);
    expect(refused.body.error.fields.map((f: { field: string }) => f.field)).toEqual([
      'effects[0].slaPolicy.coverages.working_hours',
    ]);
    const wanted = structuredClone(policy.policy);
    wanted.levels.level_1.response.budget = { minutes: 5 };
    const c = await proposeChange(pm, contractId, {
      effects: [{ type: 'sla_policy', slaPolicy: wanted }],
    });
    await agreeAll(c.id, [manager.auth, other.users.supervisor]);
    const done = await confirmed(pm, c.id);
    expect(done.effectResults?.map((r) => r.outcome)).toEqual(['applied']);
    const after = (
      await api()
        .get(`/api/contracts/${contractId}/sla-policy`)
        .set('Authorization', pm)
        .expect(200)
    ).body as { version: number; policy: typeof wanted };
    expect([after.version, after.policy.levels.level_1.response.budget]).toEqual([
      1,
      { minutes: 5 },
    ]);
  });

  it('carries a duty plan: its occurrences from today, the replaced plan stopped and its open ones withdrawn', async () => {
    const other = await createOtherContract(randomUUID().slice(0, 8));
    const { contractId } = other;
    const pm = other.users.vendor_pm;
    const manager = await addUser(contractId, 'hospital', 'hospital_manager');
    await api()
      .patch(`/api/contracts/${contractId}/settings`)
      .set('Authorization', operator())
      .send({ systems: ['HIS'] })
      .expect(200);
    const plan = (over: Record<string, unknown>) => ({
      kind: 'report',
      title: '运维周报',
      systems: ['HIS'],
      cadence: { type: 'weekly', weekday: 5 },
      deadline: { workingDays: 0, time: '12:00' },
      checklist: [],
      signers: ['hospital_manager'],
      ...over,
    });
    const weekly = await api()
      .post(`/api/contracts/${contractId}/duty-plans`)
      .set('Authorization', manager.auth)
      .send(plan({}))
      .expect(201);
    expect(weekly.body.generated).toBeGreaterThan(0);
    const proposal = (over: Record<string, unknown>) => ({
      title: '周报改为双周汇报',
      description: '按院方要求调整',
      changeType: 'modify',
      impact: { scope: '例行运维', schedule: '无', cost: '无' },
      effects: [{ type: 'duty_plan', replacesPlanId: weekly.body.id, dutyPlan: plan(over) }],
    });
    const refused = await api()
      .post(`/api/contracts/${contractId}/change-requests`)
      .set('Authorization', pm)
      .send(proposal({ systems: ['ERP'], cadence: { type: 'monthly', day: 40 } }))
      .expect(400);
    expect(refused.body.error.fields.map((f: { field: string }) => f.field)).toEqual([
      'effects[0].dutyPlan.cadence.day',
    ]);
    const c = await proposeChange(pm, contractId, {
      effects: proposal({ title: '运维月报', cadence: { type: 'monthly', day: 27 } }).effects,
    });
    await agreeAll(c.id, [manager.auth, other.users.supervisor]);
    const done = await confirmed(pm, c.id);
    expect(done.effectResults?.map((r) => r.outcome)).toEqual(['applied']);
    const plans = (
      await api()
        .get(`/api/contracts/${contractId}/duty-plans`)
        .set('Authorization', pm)
        .expect(200)
    ).body as Array<{ id: string; active: boolean; plan: { title: string } }>;
    expect(plans.map((p) => [p.plan.title, p.active])).toEqual([
      ['运维月报', true],
      ['运维周报', false],
    ]);
    const open = () =>
      api()
        .get(`/api/contracts/${contractId}/duties?planId=${weekly.body.id}&state=open`)
        .set('Authorization', pm)
        .then((r) => (r.body as { total: number }).total);
    await expect(eventually(open, (n) => n === 0)).resolves.toBe(0);
  });
});
