import ExcelJS from 'exceljs';
import { shanghaiDate } from '@luyue/domain';
import { api, demoContractId, loginDemo } from '../helpers/e2e-auth';
import { consoleLogin } from '../helpers/e2e-console';
import { issuedTasks } from '../helpers/e2e-security';

/** The page's text without its links' targets, where an id may stand. */
const visible = (html: string): string => html.replace(/href="[^"]*"/g, '');
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};
/** As the templates print a value. */
const html = (text: string): string => text.replace(/[&<>"'`=]/g, (c) => ESCAPES[c]);

describe('readable audit and activity', () => {
  it('shows labels, numbers and titles on the audit page and 我的最近操作, never codes or ids', async () => {
    const contractId = await demoContractId();
    const manager = await loginDemo('hospital_manager');
    const pm = await loginDemo('vendor_pm');
    const [taskId] = await issuedTasks(manager, pm, contractId);
    await api()
      .post(`/api/security-tasks/${taskId}/actions/start`)
      .set('Authorization', pm)
      .send({ note: '开始整改' })
      .expect(200);
    const task = (
      await api().get(`/api/security-tasks/${taskId}`).set('Authorization', pm).expect(200)
    ).body as { title: string; noticeNumber: string; vulnerabilityId: string };
    const number = html(`${task.noticeNumber} · ${task.vulnerabilityId}`);
    const title = html(task.title);

    const console = await consoleLogin('vendor_pm');
    const home = (await console.get('/').expect(200)).text;
    const activity = home.slice(home.indexOf('我的最近操作'));
    expect(activity).toContain('开始整改');
    expect(activity).toContain(`<a href="/security/tasks/${taskId}">${number} ${title}</a>`);
    expect(visible(activity)).not.toContain(taskId);
    expect(activity).not.toContain('security_task.start');
    expect(activity).not.toMatch(/security_task:/);

    const audit = (
      await console
        .get(`/audit?subject=${encodeURIComponent(`security_task:${taskId}`)}`)
        .expect(200)
    ).text;
    expect(audit).toContain('开始整改');
    expect(audit).toContain(`${number} ${title}`);
    expect(audit).not.toContain('security_task.start');
    expect(visible(audit)).not.toContain(`security_task:${taskId}</`);
    expect(visible(audit).split(taskId).length).toBeLessThanOrEqual(2);

    const all = visible((await console.get('/audit').expect(200)).text);
    expect(all).toContain('下发整改通知单');
    expect(all).not.toMatch(/\b(security_notice|security_task|auth)\.[a-z_]+/);
  });

  it('filters the audit page by date range and exports the same rows as an .xlsx', async () => {
    const console = await consoleLogin('hospital_manager');
    const today = shanghaiDate(Date.now());
    const todays = (await console.get(`/audit?from=${today}&to=${today}`).expect(200)).text;
    expect(todays).not.toContain('没有符合条件的记录');
    const past = (await console.get('/audit?from=2001-01-01&to=2001-12-31').expect(200)).text;
    expect(past).toContain('没有符合条件的记录');
    // A range that ends before it starts is refused, not silently empty.
    await console.get(`/audit?from=${today}&to=2001-01-01`).expect(400);

    const res = await console
      .get(`/audit/export.xlsx?from=${today}&to=${today}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([
      '时间',
      '操作人',
      '参与方',
      '事项',
      '对象',
    ]);
    expect(sheet.rowCount).toBeGreaterThan(1);
    expect(sheet.getRow(2).getCell(1).text).toMatch(new RegExp(`^${today} \\d{2}:\\d{2}$`));
  });
});
