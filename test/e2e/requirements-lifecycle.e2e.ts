import ExcelJS from 'exceljs';
import { api, demoContractId, demoCredential, loginDemo } from '../helpers/e2e-auth';
import {
  act,
  assessment,
  daysFromToday,
  getRequirement,
  mailAbout,
  submitRequirement,
  today,
} from '../helpers/e2e-requirements';
import { receivedMail } from '../helpers/e2e-stack';

const email = (role: Parameters<typeof demoCredential>[0]) => demoCredential(role).email;

/** supertest keeps binary bodies as a Buffer with this parser. */
function binary(res: any, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
  res.on('error', (err: Error) => done(err, Buffer.alloc(0)));
}

/** The request's console page as `auth` sees it. */
async function requestPage(auth: string, id: string): Promise<string> {
  return (await api().get(`/requirements/${id}`).set('Authorization', auth).expect(200)).text;
}

describe('a customization request from submission to signed acceptance', () => {
  let contractId: string;
  let staff: string;
  let manager: string;
  let pm: string;
  let dev: string;

  beforeAll(async () => {
    contractId = await demoContractId();
    [staff, manager, pm, dev] = await Promise.all([
      loginDemo('hospital_staff'),
      loginDemo('hospital_manager'),
      loginDemo('vendor_pm'),
      loginDemo('vendor_dev'),
    ]);
  });

  it('goes through every step as the demo users, mailing each, and shows in quota, stats and ledger', async () => {
    const quotaBefore = (
      await api().get(`/api/contracts/${contractId}/quota`).set('Authorization', staff).expect(200)
    ).body;
    const statsBefore = (
      await api()
        .get(`/api/contracts/${contractId}/requirements/stats`)
        .set('Authorization', manager)
        .expect(200)
    ).body;

    // Submission: numbered, assessing, with the assessment deadline already set.
    const submitted = await submitRequirement(staff, contractId, {
      title: '医保结算接口（新版）',
      system: 'HIS',
      priority: 'high',
    });
    const id = submitted.id as string;
    expect(id).toMatch(/^REQ-2026-\d{4}$/);
    expect(submitted).toMatchObject({
      status: 'assessing',
      contractId,
      contractYear: quotaBefore.year,
      system: 'HIS',
      priority: 'high',
      submittedBy: { email: email('hospital_staff') },
      allowedActions: [], // the hospital staff member cannot assess or cancel
    });
    expect(Date.parse(submitted.assessmentDueAt)).toBeGreaterThan(Date.parse(submitted.receivedAt));
    expect(submitted.deadlines.assessment).toMatchObject({
      dueAt: submitted.assessmentDueAt,
      provisional: expect.any(Boolean),
    });

    // The vendor PM is told, and the mail's link opens the request.
    const [toPm] = await mailAbout(email('vendor_pm'), id, '请在期限内完成技术评估');
    expect(toPm).toBeDefined();
    const link = toPm.links!.find((l) => l.includes(`/requirements/${id}`));
    expect(link).toBeDefined();
    const page = await api().get(new URL(link!).pathname).set('Authorization', pm).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('医保结算接口（新版）');
    expect(page.text).toContain('评估中');

    const pmView = (await getRequirement(pm, id).expect(200)).body;
    expect(pmView.allowedActions).toEqual(['assess']);

    let r = (
      await act(pm, id, 'assess', {
        ...assessment({ kind: 'interface_new', estimatePersonDays: 4 }),
        plannedDeliveryDate: daysFromToday(30),
      }).expect(200)
    ).body;
    expect(r).toMatchObject({ status: 'awaiting_approval', kind: 'interface_new' });
    expect(r.assessment).toMatchObject({ estimatePersonDays: 4, onTime: true });
    await mailAbout(email('hospital_manager'), id, '需求技术评估已完成，请审批');
    await mailAbout(email('hospital_staff'), id, '需求技术评估已完成，请审批');
    // The approver sees the assessment he decides on, above the approve form.
    const toApprove = await requestPage(manager, id);
    expect(toApprove).toContain('估算工作量（人天）</th><td>4</td>');
    expect(toApprove).toContain('在 LIS 报告审核后调用公众号模板消息接口推送。');
    expect(toApprove).toContain('可行性</th><td>可行</td>');
    expect(toApprove.indexOf('id="facts-assessment"')).toBeGreaterThan(-1);
    expect(toApprove.indexOf('id="facts-assessment"')).toBeLessThan(
      toApprove.indexOf('id="action-approve"'),
    );

    r = (await act(manager, id, 'approve', {}).expect(200)).body;
    expect(r).toMatchObject({
      status: 'approved',
      quotaReservedPersonDays: 4,
      approval: { quotaDecision: 'within_quota' },
    });
    const reserved = (
      await api().get(`/api/contracts/${contractId}/quota`).set('Authorization', pm).expect(200)
    ).body;
    expect(reserved.reserved).toBeCloseTo(quotaBefore.reserved + 4, 2);
    expect(reserved.remaining).toBeCloseTo(quotaBefore.remaining - 4, 2);
    await mailAbout(email('vendor_dev'), id, '需求已批准，可以开始开发');

    await act(dev, id, 'start-development', {}).expect(200);
    await mailAbout(email('hospital_staff'), id, '需求已开始开发');
    // A retried request with the same Idempotency-Key logs the effort once.
    const effort = { date: today(), personDays: 1.5, note: '接口开发' };
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await act(dev, id, 'log-effort', effort)
        .set('Idempotency-Key', `effort-${id}-1`)
        .expect(200);
      expect(res.body.loggedPersonDays).toBe(1.5);
    }
    r = (
      await act(pm, id, 'log-effort', { date: today(), personDays: 2, note: '联调' }).expect(200)
    ).body;
    expect(r.loggedPersonDays).toBe(3.5);
    expect(r.workLog.map((w: { personDays: number }) => w.personDays)).toEqual([1.5, 2]);

    await act(dev, id, 'submit-for-testing', { version: 'v1.0.0-rc1', notes: '' }).expect(200);
    await mailAbout(email('hospital_staff'), id, '需求已提交测试');
    r = (await act(staff, id, 'fail-testing', { notes: '退费金额不一致' }).expect(200)).body;
    expect(r.status).toBe('in_development');
    await mailAbout(email('vendor_dev'), id, '需求测试未通过');
    await act(dev, id, 'submit-for-testing', { version: 'v1.0.0-rc2', notes: '已修复退费' }).expect(
      200,
    );
    // The tester sees the version and notes he is asked to test, above pass/fail.
    const toTest = await requestPage(staff, id);
    expect(toTest).toContain('<td>v1.0.0-rc2</td>');
    expect(toTest).toContain('已修复退费');
    expect(toTest).toContain('退费金额不一致');
    expect(toTest.indexOf('id="facts-tests"')).toBeGreaterThan(-1);
    expect(toTest.indexOf('id="facts-tests"')).toBeLessThan(
      toTest.indexOf('id="action-pass-testing"'),
    );
    r = (await act(staff, id, 'pass-testing', { notes: 'UAT 通过' }).expect(200)).body;
    expect(r.status).toBe('testing_passed');
    expect(r.testRounds.map((t: { result: string }) => t.result)).toEqual(['failed', 'passed']);
    await mailAbout(email('vendor_pm'), id, '需求测试已通过');

    r = (
      await act(pm, id, 'release', {
        version: 'v1.0.0',
        releaseNotes: '新增医保结算接口',
        rollbackPlan: '回退至上一版本',
      }).expect(200)
    ).body;
    expect(r).toMatchObject({ status: 'released', release: { onTime: true } });
    await mailAbout(email('hospital_manager'), id, '请验收并签署需求验收确认单');
    // The manager sees the release notes and the rollback plan he signs off.
    const toSign = await requestPage(manager, id);
    expect(toSign).toContain('发布说明</th><td colspan="3" class="pre">新增医保结算接口</td>');
    expect(toSign).toContain('回退方案</th><td colspan="3" class="pre">回退至上一版本</td>');
    expect(toSign.indexOf('id="facts-release"')).toBeGreaterThan(-1);
    expect(toSign.indexOf('id="facts-release"')).toBeLessThan(toSign.indexOf('id="action-accept"'));

    // Before acceptance there is no confirmation to print.
    const early = await api()
      .get(`/api/requirements/${id}/acceptance`)
      .set('Authorization', manager)
      .expect(409);
    expect(early.body.error).toMatchObject({ code: 'invalid_state', currentStatus: 'released' });

    r = (await act(manager, id, 'accept', { note: '同意验收' }).expect(200)).body;
    expect(r).toMatchObject({
      status: 'accepted',
      actualPersonDays: 3.5, // the work log's sum
      acceptance: { actualPersonDays: 3.5, acceptedBy: { email: email('hospital_manager') } },
      allowedActions: [],
    });
    await mailAbout(email('vendor_pm'), id, '需求已验收');
    // Two rounds of testing: two UAT mails to the submitter.
    const uat = (await receivedMail(email('hospital_staff'))).filter(
      (m) => m.subject.includes(id) && m.subject.includes('需求已提交测试'),
    );
    expect(uat).toHaveLength(2);

    // Quota: the reservation became the actual person-days.
    const quotaAfter = (
      await api().get(`/api/contracts/${contractId}/quota`).set('Authorization', pm).expect(200)
    ).body;
    expect(quotaAfter.consumed).toBeCloseTo(quotaBefore.consumed + 3.5, 2);
    expect(quotaAfter.reserved).toBeCloseTo(quotaBefore.reserved, 2);
    expect(quotaAfter.remaining).toBeCloseTo(quotaBefore.remaining - 3.5, 2);
    expect(
      quotaAfter.entries
        .filter((e: { requirementId: string }) => e.requirementId === id)
        .map((e: { type: string; personDays: number }) => [e.type, e.personDays]),
    ).toEqual([
      ['reserve', 4],
      ['release', 4],
      ['consume', 3.5],
    ]);

    // The timeline is the audit trail, in order.
    const full = (await getRequirement(staff, id).expect(200)).body;
    expect(full.timeline.map((t: { action: string }) => t.action)).toEqual(
      [
        'submitted',
        'assessment_scheduled',
        'assess',
        'approve',
        'start-development',
        'log-effort',
        'log-effort',
        'submit-for-testing',
        'fail-testing',
        'submit-for-testing',
        'pass-testing',
        'release',
        'accept',
      ].map((a) => `requirement.${a}`),
    );
    expect(full.timeline[2]).toMatchObject({
      actorEmail: email('vendor_pm'),
      party: 'vendor',
      fromStatus: 'assessing',
      toStatus: 'awaiting_approval',
    });

    // The printable 需求验收确认单.
    const confirmation = await api()
      .get(`/api/requirements/${id}/acceptance`)
      .set('Authorization', staff)
      .expect(200);
    expect(confirmation.headers['content-type']).toMatch(/text\/html/);
    expect(confirmation.text).toContain('需求验收确认单');
    expect(confirmation.text).toContain(id);
    expect(confirmation.text).toContain('3.5 人天');
    expect(confirmation.text).toContain('李强（信息科科长）');
    // The same facts as the request page, under the same labels.
    expect(confirmation.text).toContain('在 LIS 报告审核后调用公众号模板消息接口推送。');
    expect(confirmation.text).toContain('<td>v1.0.0-rc2</td>');
    expect(confirmation.text).toContain(
      '回退方案</th><td colspan="3" class="pre">回退至上一版本</td>',
    );

    // Statistics of the contract year moved by exactly this request.
    const stats = (
      await api()
        .get(`/api/contracts/${contractId}/requirements/stats`)
        .query({ year: quotaBefore.year })
        .set('Authorization', manager)
        .expect(200)
    ).body;
    expect(stats).toMatchObject({
      contractYear: quotaBefore.year,
      submitted: statsBefore.submitted + 1,
      confirmed: statsBefore.confirmed + 1,
      accepted: statsBefore.accepted + 1,
      released: statsBefore.released + 1,
      releasedOnTime: statsBefore.releasedOnTime + 1,
    });
    expect(stats.completionRate).toBeCloseTo(stats.accepted / stats.confirmed, 5);
    expect(stats.onTimeDeliveryRate).toBeCloseTo(stats.releasedOnTime / stats.released, 5);
    expect(stats.averageAssessmentWorkingDays).toBeGreaterThanOrEqual(0);

    const listed = await api()
      .get(`/api/contracts/${contractId}/requirements`)
      .query({ status: 'accepted', pageSize: 200 })
      .set('Authorization', dev)
      .expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const assessing = await api()
      .get(`/api/contracts/${contractId}/requirements`)
      .query({ status: 'assessing', kind: 'interface_new' })
      .set('Authorization', dev)
      .expect(200);
    expect(assessing.body.items.map((i: { id: string }) => i.id)).not.toContain(id);

    // The ledger (需求管理台账) is a real workbook with the request's line.
    const ledger = await api()
      .get(`/api/contracts/${contractId}/requirements/ledger.xlsx`)
      .set('Authorization', manager)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(ledger.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(ledger.headers['content-disposition']).toMatch(/^attachment;/);
    const workbook = new ExcelJS.Workbook();
    const file = ledger.body as Buffer;
    await workbook.xlsx.load(
      file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet('需求管理台账')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '编号',
      '标题',
      '类型',
      '系统',
      '提交人',
      '提交时间',
      '评估期限',
      '评估完成',
      '评估是否按时',
      '估算人天',
      '实际人天',
      '计划交付',
      '实际交付',
      '交付是否按时',
      '状态',
      '验收时间',
      '验收人',
    ]);
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(headers.map((h, i) => [h as string, values[i]])));
    });
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.find((row) => row['编号'] === id)).toMatchObject({
      标题: '医保结算接口（新版）',
      类型: '接口新增',
      系统: 'HIS',
      提交人: '张敏（信息科）',
      评估是否按时: '是',
      估算人天: 4,
      实际人天: 3.5,
      计划交付: daysFromToday(30),
      交付是否按时: '是',
      状态: '已验收',
      验收人: '李强（信息科科长）',
    });
  }, 180_000);
});
