// The fault-ticket pages on the real stack: the report form, the ticket page with its clocks and
// step forms, a step taken through its form, the 故障 tab of 工作台 and a refused form.
import { api, operator } from '../helpers/e2e-auth';
import { consoleContract, type ConsoleAgent, hidden, errorBeside } from '../helpers/e2e-console';

/** Posts a step form as the browser does (multipart: the report form carries files). */
async function step(
  agent: ConsoleAgent,
  id: string,
  action: string,
  fields: Record<string, string> = {},
  expected = 303,
) {
  const page = await agent.get(`/fault-tickets/${id}`).expect(200);
  let req = agent.post(`/fault-tickets/${id}/actions/${action}`);
  for (const [k, v] of Object.entries({ ...hidden(page.text, `action-${action}`), ...fields }))
    req = req.field(k, v);
  return req.expect(expected);
}

describe('fault tickets in the console', () => {
  let staff: ConsoleAgent;
  let pm: ConsoleAgent;
  let ticketId: string;

  beforeAll(async () => {
    const made = await consoleContract(['hospital_staff', 'vendor_pm'] as const);
    ({ hospital_staff: staff, vendor_pm: pm } = made.console);
    await api()
      .patch(`/api/contracts/${made.contractId}/settings`)
      .set('Authorization', operator())
      .send({ systems: ['HIS', 'PACS'] })
      .expect(200);
  });

  it('reports a fault through the form and lands on its page with its clocks', async () => {
    const form = await staff.get('/fault-tickets/new').expect(200);
    expect(form.text).toContain('<option value="PACS"');
    // Only the vendor logs a phone call with its time.
    expect(form.text).not.toContain('name="reportedAt"');
    const sent = await staff
      .post('/fault-tickets/new')
      .type('form')
      .send({
        ...hidden(form.text, 'report-fault'),
        system: 'PACS',
        level: 'level_2',
        title: '影像无法调阅',
        description: '放射科全部工作站',
      })
      .expect(303);
    const location = sent.headers.location;
    expect(location).toMatch(/\/fault-tickets\/[0-9a-f-]{36}$/);
    ticketId = location.split('/').pop()!;
    const page = await pm.get(`/fault-tickets/${ticketId}`).expect(200);
    expect(page.text).toContain('class="clock-response');
    expect(page.text).toContain('class="clock-recovery');
    expect(page.text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(page.text).toContain('id="action-acknowledge"');
    expect(page.text).toContain('二级');
    // The hospital sees no vendor step, and a form without its session's token is refused.
    const own = await staff.get(`/fault-tickets/${ticketId}`).expect(200);
    expect(own.text).not.toContain('id="action-acknowledge"');
    await pm
      .post(`/fault-tickets/${ticketId}/actions/acknowledge`)
      .field('note', '无令牌')
      .expect(403);
    const list = await staff.get('/fault-tickets?level=level_2').expect(200);
    expect(list.text).toContain(`href="/fault-tickets/${ticketId}"`);
    expect(list.text).toContain('/fault-ledger.xlsx');
  });

  it('offers the vendor the call time and refuses one in the future beside its field', async () => {
    const form = await pm.get('/fault-tickets/new').expect(200);
    expect(form.text).toContain('type="datetime-local"');
    const answer = await pm
      .post('/fault-tickets/new')
      .type('form')
      .send({
        ...hidden(form.text, 'report-fault'),
        system: 'HIS',
        level: 'level_3',
        title: '电话报障',
        reportedAt: '2099-01-01T09:00',
      })
      .expect(400);
    expect(errorBeside(answer.text, 'new-reportedAt')).toBeTruthy();
    expect(answer.text).toContain('value="2099-01-01T09:00"');
  });

  it("acknowledges through the vendor's form; the ticket waits on the vendor's 故障 tab", async () => {
    const before = await pm.get('/?queue=fault').expect(200);
    expect(before.text).toContain(`href="/fault-tickets/${ticketId}"`);
    await step(pm, ticketId, 'acknowledge', { note: '已电话联系' });
    const page = await pm.get(`/fault-tickets/${ticketId}`).expect(200);
    expect(page.text).toContain('处理中');
    expect(page.text).toMatch(/<td>响应<\/td><td>[^<]*<\/td><td class="pre">已电话联系<\/td>/);
    expect(page.text).toContain('id="action-restore"');
    const tab = await pm.get('/?queue=fault').expect(200);
    expect(tab.text).toContain(`href="/fault-tickets/${ticketId}"`);
    expect(tab.text).toMatch(/(到场|恢复)时限/);
  });

  it('shows a refused form again with the error beside its field', async () => {
    await step(pm, ticketId, 'restore', { note: '已切换备用服务器' });
    const answer = await step(staff, ticketId, 'reopen', { reason: '' }, 400);
    expect(errorBeside(answer.text, 'reopen-reason')).toBeTruthy();
    expect(answer.text).toContain('action-form failed');
    // A rule the workflow checks (a supplier pause names the supplier), beside its field in zh-CN.
    const pause = await step(
      pm,
      ticketId,
      'pause',
      { reason: 'waiting_supplier', note: '等待 PACS 厂商' },
      400,
    );
    expect(errorBeside(pause.text, 'pause-supplier')).toBe('此项必填');
    expect(pause.text).toContain('等待 PACS 厂商');
  });
});
