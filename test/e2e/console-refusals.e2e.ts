import request from 'supertest';
import { demoContractId, loginDemo } from '../helpers/e2e-auth';
import { e2eStack } from '../helpers/e2e-stack';
import { resolve } from 'node:path';
import {
  importReport,
  issuedTasks,
  issueNotice,
  SAMPLES,
  startableTasks,
} from '../helpers/e2e-security';
import { consoleLogin, hidden, errorBeside } from '../helpers/e2e-console';
import {
  act,
  assessment,
  daysFromToday,
  getRequirement,
  submitRequirement,
} from '../helpers/e2e-requirements';

const AIRPLAY = resolve(SAMPLES, 'openvasreporting/airplay.xml');

describe('console forms refused by a service or workflow rule', () => {
  it('shows a workflow date rule beside its field in zh-CN, keeping what was typed', async () => {
    const contractId = await demoContractId();
    const { id } = await submitRequirement(await loginDemo('hospital_staff'), contractId);
    const pm = await consoleLogin('vendor_pm');
    const page = await pm.get(`/requirements/${id as string}`).expect(200);
    const solution = '方案：<b>保留</b>原样';
    const answer = await pm
      .post(`/requirements/${id as string}/actions/assess`)
      .type('form')
      .send({
        ...hidden(page.text, 'action-assess'),
        kind: 'customization',
        feasibility: 'feasible',
        estimatePersonDays: '2',
        plannedDeliveryDate: daysFromToday(-3),
        solution,
      })
      .expect(400);
    expect(answer.headers['content-type']).toMatch(/text\/html/);
    expect(errorBeside(answer.text, 'assess-plannedDeliveryDate')).toBe('不能早于今天');
    expect(answer.text).toContain(`value="${daysFromToday(-3)}"`);
    expect(answer.text).toContain('方案：&lt;b&gt;保留&lt;/b&gt;原样');
    expect(answer.text).not.toContain('must not be in the past');
    const stored = await getRequirement(await loginDemo('vendor_pm'), id as string).expect(200);
    expect(stored.body.status).toBe('assessing');
  });

  it('says a workflow date rule with the DTO’s refusals in the same answer', async () => {
    const contractId = await demoContractId();
    const { id } = await submitRequirement(await loginDemo('hospital_staff'), contractId);
    const pm = await consoleLogin('vendor_pm');
    const page = await pm.get(`/requirements/${id as string}`).expect(200);
    const answer = await pm
      .post(`/requirements/${id as string}/actions/assess`)
      .type('form')
      .send({
        ...hidden(page.text, 'action-assess'),
        kind: 'customization',
        feasibility: 'feasible',
        estimatePersonDays: '2',
        plannedDeliveryDate: daysFromToday(-3),
        solution: '',
      })
      .expect(400);
    expect(errorBeside(answer.text, 'assess-solution')).toBe('此项必填');
    expect(errorBeside(answer.text, 'assess-plannedDeliveryDate')).toBe('不能早于今天');
  });

  it('shows a submission rule beside its field, keeping the title', async () => {
    const clerk = await consoleLogin('hospital_staff');
    const form = await clerk.get('/requirements/new').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const once = /name="_once" value="([^"]+)"/.exec(form.text)![1];
    const title = `未维护系统 ${Date.now()}`;
    const answer = await clerk
      .post('/requirements/new')
      .type('form')
      .send({
        _csrf: csrf,
        _once: once,
        title,
        description: '系统不在合同内',
        system: 'OA',
        priority: 'normal',
      })
      .expect(400);
    expect(errorBeside(answer.text, 'new-system')).toBe('不是本合同维护的系统');
    expect(answer.text).toContain(`value="${title}"`);
  });

  it('offers approving outside the quota or a change request when the quota is exceeded', async () => {
    const contractId = await demoContractId();
    const quota = await request(e2eStack().api)
      .get(`/api/contracts/${contractId}/quota`)
      .set('Authorization', await loginDemo('hospital_manager'))
      .expect(200);
    const remaining = quota.body.remaining as number;
    const estimate = Math.round((remaining + 1) * 100) / 100;
    const { id } = await submitRequirement(await loginDemo('hospital_staff'), contractId, {
      system: '集成平台',
    });
    await act(await loginDemo('vendor_pm'), id as string, 'assess', {
      ...assessment({ kind: 'interface_new', estimatePersonDays: estimate }),
    }).expect(200);

    const manager = await consoleLogin('hospital_manager');
    const page = await manager.get(`/requirements/${id as string}`).expect(200);
    const refused = await manager
      .post(`/requirements/${id as string}/actions/approve`)
      .type('form')
      .send({ ...hidden(page.text, 'action-approve'), quotaDecision: 'within_quota' })
      .expect(409);
    expect(errorBeside(refused.text, 'approve-quotaDecision')).toBe(
      `本合同年度接口额度仅剩 ${remaining} 人天，本需求估算 ${estimate} 人天，不能计入免费额度`,
    );
    expect(refused.text).toContain('按额度外另行结算确认');
    expect(refused.text).toContain('href="/change-requests/new"');
    expect(
      (await getRequirement(await loginDemo('hospital_manager'), id as string)).body.status,
    ).toBe('awaiting_approval');

    const choice = refused.text.slice(refused.text.indexOf('id="quota-choice"'));
    const fields = Object.fromEntries(
      [
        ...choice.slice(0, choice.indexOf('</form>')).matchAll(/name="([^"]+)" value="([^"]*)"/g),
      ].map((m) => [m[1], m[2]]),
    );
    expect(fields.quotaDecision).toBe('outside_quota');
    await manager
      .post(`/requirements/${id as string}/actions/approve`)
      .type('form')
      .send(fields)
      .expect(303);
    const approved = await getRequirement(await loginDemo('hospital_manager'), id as string);
    expect(approved.body.approval).toMatchObject({ quotaDecision: 'outside_quota' });
    // The quota page names the request behind its outside-quota figure.
    const quotaPage = await manager.get('/quota').expect(200);
    const behind = quotaPage.text.slice(quotaPage.text.indexOf('class="list quota-behind"'));
    expect(behind.slice(0, behind.indexOf('</table>'))).toContain(
      `<a href="/requirements/${id as string}">${id as string}</a> ${estimate} 人天`,
    );
    await act(await loginDemo('hospital_manager'), id as string, 'cancel', { reason: '测试结束' });
  }, 60_000);

  it('answers a proof without a file at the form, with the typed note kept, not on an error page', async () => {
    const contractId = await demoContractId();
    const [taskId] = await issuedTasks(
      await loginDemo('hospital_manager'),
      await loginDemo('vendor_pm'),
      contractId,
    );
    const pm = await consoleLogin('vendor_pm');
    const page = await pm.get(`/security/tasks/${taskId}`).expect(200);
    const note = '已关闭 <telnet> 服务';
    const answer = await pm
      .post(`/security/tasks/${taskId}/actions/fix`)
      .field('_csrf', hidden(page.text, 'action-fix')._csrf)
      .field('_once', hidden(page.text, 'action-fix')._once)
      .field('note', note)
      .expect(400);
    expect(errorBeside(answer.text, 'fix-files')).toBe('请选择要上传的文件');
    const form = answer.text.slice(answer.text.indexOf('id="action-fix"'));
    expect(form).toContain('已关闭 &lt;telnet&gt; 服务');
    expect(answer.text).not.toContain('请求有误');

    // Nothing typed and no file: both problems in the one answer, summed up at the form's top.
    const empty = await pm
      .post(`/security/tasks/${taskId}/actions/fix`)
      .field('_csrf', hidden(page.text, 'action-fix')._csrf)
      .field('_once', hidden(page.text, 'action-fix')._once)
      .expect(400);
    expect(errorBeside(empty.text, 'fix-note')).toBe('此项必填');
    expect(errorBeside(empty.text, 'fix-files')).toBe('请选择要上传的文件');
    const summary = empty.text.slice(empty.text.indexOf('class="error-summary"'));
    expect(
      [...summary.slice(0, summary.indexOf('</ul>')).matchAll(/href="#([^"]+)"/g)].map((m) => m[1]),
    ).toEqual(['fix-note', 'fix-files']);
  });

  it('marks each control with the rules its DTO checks', async () => {
    const contractId = await demoContractId();
    const { id } = await submitRequirement(await loginDemo('hospital_staff'), contractId);
    const page = await (
      await consoleLogin('vendor_pm')
    )
      .get(`/requirements/${id as string}`)
      .expect(200);
    const control = (name: string) =>
      new RegExp(`<(?:input|textarea|select) id="assess-${name}"[^>]*>`).exec(page.text)?.[0] ?? '';
    expect(control('solution')).toMatch(/ required maxlength="10000"/);
    expect(control('alternativeSolution')).not.toContain('required');
    expect(control('estimatePersonDays')).toMatch(/type="number"[^>]* required/);
    expect(control('kind')).toContain(' required');
  });
});

describe('a remediation step refused by its form and its workflow rule at once', () => {
  it('says the missing reason and the past expiry in the same answer', async () => {
    const contractId = await demoContractId();
    const manager = await loginDemo('hospital_manager');
    const pm = await loginDemo('vendor_pm');
    const noticeId = await issueNotice(manager, contractId);
    expect((await importReport(manager, noticeId, AIRPLAY)).status).toBe('done');
    const [low] = (await startableTasks(pm, contractId, noticeId)).slice(-1);
    const desk = await consoleLogin('hospital_manager');
    const page = await desk.get(`/security/tasks/${low}`).expect(200);
    const answer = await desk
      .post(`/security/tasks/${low}/actions/accept-risk`)
      .field('_csrf', hidden(page.text, 'action-accept-risk')._csrf)
      .field('_once', hidden(page.text, 'action-accept-risk')._once)
      .field('expiresOn', daysFromToday(-1))
      .expect(400);
    expect(errorBeside(answer.text, 'accept-risk-reason')).toBe('此项必填');
    expect(errorBeside(answer.text, 'accept-risk-expiresOn')).toBe('须晚于今天');
  });
});

describe('the report upload form', () => {
  it('answers a sending without a file beside the file control, the chosen format kept', async () => {
    const contractId = await demoContractId();
    const noticeId = await issueNotice(await loginDemo('hospital_manager'), contractId);
    const desk = await consoleLogin('hospital_manager');
    const page = await desk.get(`/security/notices/${noticeId}`).expect(200);
    const answer = await desk
      .post(`/security/notices/${noticeId}/reports`)
      .field('_csrf', hidden(page.text, 'report-upload')._csrf)
      .field('format', 'nessus')
      .expect(400);
    expect(errorBeside(answer.text, 'report-file')).toBe('请选择要上传的文件');
    expect(answer.text).toContain('<option value="nessus" selected>');
  });
});
