import { createHash, randomUUID } from 'node:crypto';
import {
  api,
  createOtherContract,
  demoContractId,
  demoCredential,
  login,
  loginDemo,
  operator,
} from '../helpers/e2e-auth';
import type { ChangeRequestDto } from '../../apps/api/src/change-request/dto/change-request.dto';
import { getChange, proposeChange, replyLinkMails, replyLinkOf } from '../helpers/e2e-changes';
import { consoleLogin } from '../helpers/e2e-console';
import {
  act,
  assessment,
  daysFromToday,
  getRequirement,
  submitRequirement,
} from '../helpers/e2e-requirements';
import { eventually, receivedMail, withDb } from '../helpers/e2e-stack';

const email = (role: Parameters<typeof demoCredential>[0]) => demoCredential(role).email;

async function refusals(subjectId: string): Promise<Array<{ reason: string }>> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ summary: { reason: string } }>(
      `SELECT summary FROM audit_event WHERE action = 'link_token.refused' AND subject_id = $1 ORDER BY id`,
      [subjectId],
    );
    return rows.map((r) => r.summary);
  });
}

const jtiOf = (path: string): string =>
  (
    JSON.parse(Buffer.from(path.split('/').pop()!.split('.')[1], 'base64url').toString()) as {
      j: string;
    }
  ).j;

describe('change requests: three parties, written replies, the supervisor deciding from the mail', () => {
  let contractId: string;
  let staff: string;
  let manager: string;
  let pm: string;
  let dev: string;
  let manager2: { auth: string; email: string };

  beforeAll(async () => {
    contractId = await demoContractId();
    [staff, manager, pm, dev] = await Promise.all([
      loginDemo('hospital_staff'),
      loginDemo('hospital_manager'),
      loginDemo('vendor_pm'),
      loginDemo('vendor_dev'),
    ]);
    // A second deciding user of the hospital, so two people of one party can answer at once.
    const contract = (
      await api().get(`/api/contracts/${contractId}`).set('Authorization', operator()).expect(200)
    ).body;
    const address = `manager2-${randomUUID().slice(0, 8)}@hospital.e2e.local`;
    const created = await api()
      .post('/api/users')
      .set('Authorization', operator())
      .send({
        email: address,
        name: '副院长',
        organizationId: contract.hospital.id,
        roles: ['hospital_manager'],
      })
      .expect(201);
    manager2 = { auth: await login(address, created.body.password as string), email: address };
  });

  it('goes from proposal to closed: link replies decide once, a mail scanner decides nothing, effects apply once', async () => {
    // Request A is being delivered (its date will move); request B waits for approval (quota grant).
    const a = await submitRequirement(staff, contractId);
    await act(
      pm,
      a.id,
      'assess',
      assessment({ kind: 'customization', plannedDeliveryDate: daysFromToday(30) }),
    ).expect(200);
    await act(manager, a.id, 'approve', {}).expect(200);
    const b = await submitRequirement(staff, contractId);
    await act(
      pm,
      b.id,
      'assess',
      assessment({ kind: 'interface_new', estimatePersonDays: 2 }),
    ).expect(200);
    const quotaBefore = (
      await api()
        .get(`/api/contracts/${contractId}/quota`)
        .set('Authorization', manager)
        .expect(200)
    ).body;
    const newDate = daysFromToday(60);

    const c = await proposeChange(pm, contractId, {
      effects: [
        { type: 'replan_requirement', requirementId: a.id, plannedDeliveryDate: newDate },
        { type: 'grant_quota', requirementId: b.id },
      ],
    });
    expect(c.id).toMatch(/^CHG-\d{4}-\d{4}$/);
    expect(c.status).toBe('awaiting_replies');
    expect(c.replies.map((r) => [r.party, r.decision, typeof r.dueAt])).toEqual([
      ['hospital', null, 'string'],
      ['supervisor', null, 'string'],
    ]);

    const [toManager] = await replyLinkMails(email('hospital_manager'), c.id);
    const [toManager2] = await replyLinkMails(manager2.email, c.id);
    const [toSupervisor] = await replyLinkMails(email('supervisor'), c.id);
    expect(toSupervisor.text).toContain('5 个工作日');

    // A mail security scanner opens every link of every message, twice: nothing is decided.
    const everyMail = (await receivedMail()).filter((m) => m.subject.includes(c.id));
    for (const mail of everyMail) {
      for (const link of mail.links ?? []) {
        for (let i = 0; i < 2; i++) await fetch(link, { redirect: 'manual' });
      }
    }
    const untouched = await getChange(pm, c.id);
    expect([untouched.status, untouched.replies.map((r) => r.decision)]).toEqual([
      'awaiting_replies',
      [null, null],
    ]);

    // Two people of the hospital answer at the same moment: exactly one reply counts.
    const [byConsole, byLink] = await Promise.all([
      api()
        .post(`/api/change-requests/${c.id}/replies`)
        .set('Authorization', manager)
        .send({ decision: 'agree' }),
      api().post(replyLinkOf(toManager2)).type('form').send({ decision: 'agree', comment: '同意' }),
    ]);
    expect([byConsole.status, byLink.status].sort()).toEqual([200, 409]);
    const hospitalReplies = await withDb(
      async (db) =>
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM change_request_transition WHERE change_request_id = $1 AND action = 'reply' AND party = 'hospital'`,
            [c.id],
          )
        ).rows[0].n,
    );
    expect(hospitalReplies).toBe(1);

    // The supervisor never logs in: the link page shows the change, only its POST decides.
    const supervisorLink = replyLinkOf(toSupervisor);
    const page = await api().get(supervisorLink).expect(200);
    expect(page.text).toContain(c.title);
    expect(page.text).toContain('提交书面答复');
    const decided = await api()
      .post(supervisorLink)
      .type('form')
      .send({ decision: 'agree', comment: '' })
      .expect(200);
    expect(decided.text).toContain('已记录您的书面答复');
    const agreed = await getChange(pm, c.id);
    expect(agreed.status).toBe('agreed');
    const supervisorReply = agreed.replies.find((r) => r.party === 'supervisor')!;
    expect([supervisorReply.decision, supervisorReply.via, supervisorReply.by?.email]).toEqual([
      'agree',
      'link',
      email('supervisor'),
    ]);

    // Replayed, altered and expired links are refused with a page, change nothing, and are audited.
    await api()
      .post(supervisorLink)
      .type('form')
      .send({ decision: 'disagree', comment: '再试一次' })
      .expect(410);
    const altered = supervisorLink.slice(0, -3) + (supervisorLink.endsWith('AAA') ? 'BBB' : 'AAA');
    await api().get(altered).expect(410);
    await withDb((db) =>
      db.query(`UPDATE link_token SET expires_at = now() - interval '1 second' WHERE jti = $1`, [
        jtiOf(replyLinkOf(toManager)),
      ]),
    );
    const expired = await api().get(replyLinkOf(toManager)).set('Accept', 'text/html').expect(410);
    expect(expired.text).toContain('已过期');
    expect((await refusals(c.id)).map((r) => r.reason)).toEqual(
      expect.arrayContaining(['already_used', 'expired']),
    );
    expect((await refusals('unverified')).length).toBeGreaterThan(0);
    // The change's 过程记录 names each refusal in zh-CN, never by its code.
    const changePage = (
      await (await consoleLogin('vendor_pm')).get(`/change-requests/${c.id}`).expect(200)
    ).text;
    const timeline = changePage.slice(changePage.indexOf('过程记录'));
    expect(timeline).toContain('邮件链接被拒绝');
    expect(timeline).not.toMatch(/link_token\.|change_request\./);
    const still = await getChange(pm, c.id);
    expect(still.replies.find((r) => r.party === 'supervisor')?.decision).toBe('agree');

    // Written confirmation by the vendor: the effects apply once, each through its own process.
    await api()
      .post(`/api/change-requests/${c.id}/actions/confirm`)
      .set('Authorization', dev)
      .send({})
      .expect(403);
    await api()
      .post(`/api/change-requests/${c.id}/actions/confirm`)
      .set('Authorization', pm)
      .send({ note: '三方已签字' })
      .expect(200);
    const applied = await eventually(
      () => getChange(pm, c.id),
      (body) => Array.isArray(body.effectResults),
    );
    expect(applied.effectResults?.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    const movedA = (await getRequirement(manager, a.id).expect(200)).body;
    expect(movedA.plannedDeliveryDate).toBe(newDate);
    expect(movedA.breaches ?? []).toEqual([]);
    const approvedB = (await getRequirement(manager, b.id).expect(200)).body;
    expect(approvedB.status).toBe('approved');
    const quotaAfter = (
      await api()
        .get(`/api/contracts/${contractId}/quota`)
        .set('Authorization', manager)
        .expect(200)
    ).body;
    expect(quotaAfter.outsideQuota - quotaBefore.outsideQuota).toBe(2);
    expect(quotaAfter.remaining).toBe(quotaBefore.remaining);
    const replans = await withDb(
      async (db) =>
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM requirement_transition WHERE requirement_id = $1 AND action = 'replan'`,
            [a.id],
          )
        ).rows[0].n,
    );
    expect(replans).toBe(1);

    // Implementation, the archived configuration documents (sha256 audited), closing.
    await api()
      .post(`/api/change-requests/${c.id}/actions/start-implementation`)
      .set('Authorization', pm)
      .send({})
      .expect(200);
    const doc = Buffer.from('HIS 配置文档 v2：新增医保电子凭证支付通道\n');
    const archived = await api()
      .post(`/api/change-requests/${c.id}/actions/archive`)
      .set('Authorization', pm)
      .field('note', '配置文档已更新')
      .attach('files', doc, { filename: '配置文档-v2.txt', contentType: 'text/plain' });
    expect([archived.status, archived.body.error]).toEqual([200, undefined]);
    const sha256 = createHash('sha256').update(doc).digest('hex');
    const archive = (archived.body as ChangeRequestDto).archive!;
    expect((archived.body as ChangeRequestDto).status).toBe('archiving');
    expect(archive.documents.map((d) => [d.filename, d.sha256])).toEqual([
      ['配置文档-v2.txt', sha256],
    ]);
    const uploadedAudit = await withDb(
      async (db) =>
        (
          await db.query<{ summary: unknown }>(
            `SELECT summary FROM audit_event WHERE action = 'file.uploaded' AND summary->>'sha256' = $1`,
            [sha256],
          )
        ).rows,
    );
    expect(uploadedAudit).toHaveLength(1);
    const download = await api()
      .get(`/api/files/${archive.documents[0].id}`)
      .set('Authorization', manager)
      .expect(200);
    expect(download.text ?? download.body.toString()).toContain('医保电子凭证');
    await api()
      .post(`/api/change-requests/${c.id}/actions/close`)
      .set('Authorization', pm)
      .send({})
      .expect(200);

    const sheet = await api()
      .get(`/api/change-requests/${c.id}/confirmation`)
      .set('Authorization', manager)
      .expect(200);
    expect(sheet.text).toContain('项目变更确认单');
    expect(sheet.text).toContain('邮件链接');
    expect(sheet.text).toContain(supervisorReply.by!.name);
  });

  it('rejects at once on a disagreement, which needs a comment; wrong roles, outsiders and other parties are refused', async () => {
    const c = await proposeChange(manager, contractId);
    const noComment = await api()
      .post(`/api/change-requests/${c.id}/replies`)
      .set('Authorization', pm)
      .send({ decision: 'disagree' })
      .expect(400);
    expect(new Set(noComment.body.error.fields.map((f: { field: string }) => f.field))).toEqual(
      new Set(['comment']),
    );
    await api()
      .post(`/api/change-requests/${c.id}/replies`)
      .set('Authorization', dev)
      .send({ decision: 'agree' })
      .expect(403);
    await api()
      .post(`/api/change-requests/${c.id}/replies`)
      .set('Authorization', manager)
      .send({ decision: 'agree' })
      .expect(409);
    await api()
      .post(`/api/change-requests/${c.id}/actions/withdraw`)
      .set('Authorization', pm)
      .send({ reason: 'x' })
      .expect(403);
    const other = await createOtherContract();
    await api()
      .get(`/api/change-requests/${c.id}`)
      .set('Authorization', other.users.supervisor)
      .expect(404);
    const rejected = await api()
      .post(`/api/change-requests/${c.id}/replies`)
      .set('Authorization', pm)
      .send({ decision: 'disagree', comment: '超出维护范围' })
      .expect(200);
    expect(rejected.body.status).toBe('rejected');
    const late = await api()
      .post(`/api/change-requests/${c.id}/replies`)
      .set('Authorization', await loginDemo('supervisor'))
      .send({ decision: 'agree' })
      .expect(409);
    expect(
      late.body.error.currentStatus ?? late.body.error.details?.currentStatus ?? 'rejected',
    ).toBe('rejected');
  });

  it("changes the contract's systems list once the change is confirmed, audited with the change", async () => {
    const before = (
      await api().get(`/api/contracts/${contractId}`).set('Authorization', manager).expect(200)
    ).body as { settings: { systems: string[] } };
    const added = `PACS-${randomUUID().slice(0, 6)}`;
    const c = await proposeChange(manager, contractId, {
      changeType: 'add',
      effects: [{ type: 'contract_settings', systems: [...before.settings.systems, added] }],
    });
    for (const auth of [pm, await loginDemo('supervisor')]) {
      await api()
        .post(`/api/change-requests/${c.id}/replies`)
        .set('Authorization', auth)
        .send({ decision: 'agree' })
        .expect(200);
    }
    await api()
      .post(`/api/change-requests/${c.id}/actions/confirm`)
      .set('Authorization', pm)
      .send({})
      .expect(200);
    const done = await eventually(
      () => getChange(pm, c.id),
      (body) => Array.isArray(body.effectResults),
    );
    expect(done.effectResults?.map((r) => r.outcome)).toEqual(['applied']);
    const after = (
      await api().get(`/api/contracts/${contractId}`).set('Authorization', manager).expect(200)
    ).body as { settings: { systems: string[] } };
    expect(after.settings.systems).toEqual([...before.settings.systems, added]);
    const audited = await withDb(
      async (db) =>
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM audit_event
             WHERE action = 'contract.settings_updated' AND summary->>'changeRequestId' = $1`,
            [c.id],
          )
        ).rows[0].n,
    );
    expect(audited).toBe(1);
  });
});
