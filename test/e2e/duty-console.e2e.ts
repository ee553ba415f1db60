// The duty pages on the real stack: a plan made through its form, the record form with an
// abnormal item that opens a fault ticket, signatures from the console and from a mailed link
// (a scanner opening the link signs nothing), the printed report, the figures and the ledger.
import ExcelJS from 'exceljs';
import { shanghaiDate } from '@luyue/domain';
import { api, operator } from '../helpers/e2e-auth';
import { consoleContract, type ConsoleAgent, errorBeside, hidden } from '../helpers/e2e-console';
import { eventually, receivedMail } from '../helpers/e2e-stack';

const today = shanghaiDate(new Date());

describe('scheduled duties in the console', () => {
  let contractId: string;
  let manager: ConsoleAgent;
  let staff: ConsoleAgent;
  let dev: ConsoleAgent;
  let managerToken: string;
  let dutyId: string;

  beforeAll(async () => {
    const made = await consoleContract([
      'hospital_manager',
      'hospital_staff',
      'vendor_dev',
    ] as const);
    contractId = made.contractId;
    ({ hospital_manager: manager, hospital_staff: staff, vendor_dev: dev } = made.console);
    managerToken = made.token.hospital_manager;
    await api()
      .patch(`/api/contracts/${contractId}/settings`)
      .set('Authorization', operator())
      .send({ systems: ['HIS', 'PACS'] })
      .expect(200);
  });

  const planForm = (form: string, over: Record<string, string | string[]> = {}) => ({
    ...hidden(form, 'new-plan'),
    kind: 'inspection',
    title: '服务器月度巡检',
    systems: 'HIS',
    'cadence.type': 'dates',
    'cadence.dates': today,
    windowDays: '7',
    'deadline.workingDays': '3',
    reminderWorkingDays: '1',
    checklist: 'CPU/内存/磁盘使用率 | 低于 80%\n备份策略执行情况 | 全部成功',
    signers: ['hospital_manager', 'hospital_staff'],
    ...over,
  });

  it('refuses a wrong plan beside its fields, keeping what was typed, then makes it', async () => {
    const form = (await manager.get('/duties/plans').expect(200)).text;
    const refused = await manager
      .post('/duties/plans')
      .type('form')
      .send(planForm(form, { 'cadence.type': 'monthly', 'cadence.day': '40', signers: [] }))
      .expect(400);
    expect(errorBeside(refused.text, 'plan-cadence-day')).toBe('请填写 1 到 31 之间的整数');
    expect(refused.text).toContain('id="plan-signers"');
    expect(refused.text).toContain('value="服务器月度巡检"');
    await dev.get('/duties/plans').expect(200);
    const made = await manager.post('/duties/plans').type('form').send(planForm(form)).expect(303);
    expect(made.headers.location).toBe('/duties/plans');
    const list = await dev.get('/duties').expect(200);
    dutyId = /href="\/duties\/([0-9a-f-]{36})"/.exec(list.text)![1];
    const queue = await dev.get('/?queue=duty').expect(200);
    expect(queue.text).toContain(`/duties/${dutyId}`);
  });

  it('keeps the record form as typed when an abnormal item lacks its note, then records it', async () => {
    const page = (await dev.get(`/duties/${dutyId}`).expect(200)).text;
    const post = (fields: Record<string, string>) => {
      let req = dev.post(`/duties/${dutyId}/actions/record`);
      for (const [k, v] of Object.entries({ ...hidden(page, 'action-record'), ...fields }))
        req = req.field(k, v);
      return req;
    };
    const refused = await post({
      summary: '本月巡检',
      'answers.item1.result': 'abnormal',
      'answers.item1.note': '',
      'answers.item2.result': 'normal',
    }).expect(400);
    expect(errorBeside(refused.text, 'record-answers-item1-note')).toBeTruthy();
    expect(refused.text).toContain('本月巡检');
    await post({
      summary: '本月巡检',
      'answers.item1.result': 'abnormal',
      'answers.item1.note': '数据库服务器磁盘 93%',
      'answers.item2.result': 'normal',
    })
      .attach('files', Buffer.from('%PDF-1.4\n'), {
        filename: '巡检报告.pdf',
        contentType: 'application/pdf',
      })
      .expect(303);
    const recorded = (await dev.get(`/duties/${dutyId}`).expect(200)).text;
    expect(recorded).toContain('id="fault-item1"');
    const fault = await dev
      .post(`/duties/${dutyId}/items/item1/fault-ticket`)
      .type('form')
      .send({ ...hidden(recorded, 'fault-item1'), level: 'level_3' })
      .expect(303);
    expect(fault.headers.location).toBe(`/duties/${dutyId}`);
    const linked = (await staff.get(`/duties/${dutyId}`).expect(200)).text;
    const ticket = /href="(\/fault-tickets\/[0-9a-f-]{36})"/.exec(linked)![1];
    // The ticket's page says where it came from.
    const back = (await staff.get(ticket).expect(200)).text;
    expect(back).toContain(`href="/duties/${dutyId}"`);
  });

  it('signs from the console, and from a mailed link only by its POST, once', async () => {
    const page = (await manager.get(`/duties/${dutyId}`).expect(200)).text;
    await manager
      .post(`/duties/${dutyId}/actions/sign`)
      .type('form')
      .send({ ...hidden(page, 'action-sign'), note: '同意' })
      .expect(303);
    const mail = await eventually(
      () => receivedMail(),
      (all) =>
        all.some(
          (m) =>
            /duty-signatures\//.test(m.text ?? '') &&
            m.to.some((t) => t.includes('hospital_staff')),
        ),
    );
    const text = mail.find(
      (m) =>
        m.to.some((t) => t.includes('hospital_staff')) && /duty-signatures\//.test(m.text ?? ''),
    )!.text!;
    const path = /\/duty-signatures\/[^\s]+/.exec(text)![0];
    // A mail scanner opens the link twice: nothing is signed.
    await api().get(path).expect(200);
    const shown = (await api().get(path).expect(200)).text;
    expect(shown).toContain('待签字');
    const hash = /name="hash" value="([0-9a-f]{64})"/.exec(shown)![1];
    const signed = await api()
      .post(path)
      .type('form')
      .send({ decision: 'sign', hash, note: '' })
      .expect(200);
    expect(signed.text).toContain('已签字完成');
    const again = await api().post(path).type('form').send({ decision: 'sign', hash }).expect(410);
    // Spent: the page says so and shows who signed, with nothing left to click.
    expect(again.text).toContain('此链接已使用过');
    expect(again.text).toContain('邮件链接');
    expect(again.text).not.toContain('id="link-sign"');
    const report = (await staff.get(`/duties/${dutyId}/report`).expect(200)).text;
    expect(report).toContain('邮件链接');
    expect(report).toContain('控制台');
  });

  it('shows the figures, the monthly summary and exports every occurrence of the year', async () => {
    const figures = (await manager.get('/duties/figures?year=1').expect(200)).text;
    expect(figures).toContain('100.0%');
    const duty = await api().get(`/api/duties/${dutyId}`).set('Authorization', managerToken);
    const month = (duty.body as { dueDay: string }).dueDay.slice(0, 7);
    const summary = (await staff.get(`/duties/month?month=${month}`).expect(200)).text;
    expect(summary).toContain(`href="/duties/${dutyId}"`);
    expect(summary).toContain('驻场工程师');
    const file = await api()
      .get(`/api/contracts/${contractId}/duty-ledger.xlsx?year=1`)
      .set('Authorization', managerToken)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(7).text).toBe('已签字完成');
  });
});
