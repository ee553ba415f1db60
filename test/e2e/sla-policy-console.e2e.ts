// The SLA policy form on the real stack: an edit becomes a new version that tickets reported
// afterwards run under, a refused edit comes back as typed, and other roles get 403.
import { api, operator } from '../helpers/e2e-auth';
import {
  consoleContract,
  consoleLogin,
  errorBeside,
  type ConsoleAgent,
} from '../helpers/e2e-console';

interface Clock {
  kind: string;
  budgetMinutes: number;
}
const responseBudget = (t: { state: { clocks: Clock[] } }) =>
  t.state.clocks.find((c) => c.kind === 'response')!.budgetMinutes;

/** What a browser would send for a form: its hidden fields, inputs and chosen options. */
function formValues(html: string, formId: string): Record<string, string> {
  const start = html.indexOf(`id="${formId}"`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const out: Record<string, string> = {};
  for (const m of form.matchAll(/<input [^>]*name="([^"]+)"[^>]* value="([^"]*)"/g))
    out[m[1]] = m[2];
  for (const m of form.matchAll(/<select [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g))
    out[m[1]] = /<option value="([^"]*)" selected>/.exec(m[2])?.[1] ?? '';
  return out;
}

describe('the SLA policy form', () => {
  let contractId: string;
  let manager: ConsoleAgent;
  let staff: ConsoleAgent;
  let pm: ConsoleAgent;
  let staffToken: string;
  let page: string;

  beforeAll(async () => {
    const made = await consoleContract([
      'hospital_manager',
      'hospital_staff',
      'vendor_pm',
    ] as const);
    contractId = made.contractId;
    ({ hospital_manager: manager, hospital_staff: staff, vendor_pm: pm } = made.console);
    staffToken = made.token.hospital_staff;
    page = `/fault-tickets/sla-policy?contract=${contractId}`;
    await api()
      .patch(`/api/contracts/${contractId}/settings`)
      .set('Authorization', operator())
      .send({ systems: ['HIS'] })
      .expect(200);
  });

  const report = async () =>
    (
      await api()
        .post(`/api/contracts/${contractId}/fault-tickets`)
        .set('Authorization', staffToken)
        .send({ system: 'HIS', level: 'level_1', title: '全院网络中断' })
        .expect(201)
    ).body as { id: string; state: { clocks: Clock[] } };
  const policy = () =>
    api().get(`/api/contracts/${contractId}/sla-policy`).set('Authorization', staffToken);

  it('stores an edit as a new version that only tickets reported afterwards run under', async () => {
    const list = await manager.get('/fault-tickets').expect(200);
    expect(list.text).toContain(`href="/fault-tickets/sla-policy?contract=${contractId}"`);
    const form = await manager.get(page).expect(200);
    expect(form.text).toContain('默认条款（尚未编辑）');
    const before = await report();
    expect(responseBudget(before)).toBe(10);

    const sent = await manager
      .post(page)
      .type('form')
      .send({
        ...formValues(form.text, 'sla-policy'),
        'level_1.response.minutes': '15',
        'level_1.response.warnPercent': '60',
        'level_1.response.warnMinutes': '3',
      })
      .expect(303);
    expect(sent.headers.location).toBe(page);
    const shown = await manager.get(page).expect(200);
    expect(shown.text).toContain('第 1 版');
    expect(formValues(shown.text, 'sla-policy')['level_1.response.minutes']).toBe('15');
    const stored = (await policy().expect(200)).body;
    expect([stored.version, stored.policy.levels.level_1.response]).toEqual([
      1,
      {
        budget: { minutes: 15 },
        coverage: 'round_the_clock',
        warnings: [{ percent: 60 }, { minutesBefore: 3 }],
      },
    ]);

    expect(responseBudget(await report())).toBe(15);
    const earlier = await api()
      .get(`/api/fault-tickets/${before.id}`)
      .set('Authorization', staffToken)
      .expect(200);
    expect(responseBudget(earlier.body)).toBe(10);
  });

  it('shows a refused edit again as typed, with the error beside the field', async () => {
    const form = await manager.get(page).expect(200);
    const version = (await policy().expect(200)).body.version;
    const refused = await manager
      .post(page)
      .type('form')
      .send({
        ...formValues(form.text, 'sla-policy'),
        'level_2.recovery.minutes': '两小时',
        'level_3.response.warnPercent': '50,120',
      })
      .expect(400);
    expect(errorBeside(refused.text, 'policy-level_2-recovery-minutes')).toContain('整数分钟');
    expect(errorBeside(refused.text, 'policy-level_3-response-warnPercent')).toBeTruthy();
    expect(refused.text).toContain('value="两小时"');
    expect(refused.text).toContain('value="50,120"');
    expect((await policy().expect(200)).body.version).toBe(version);
  });

  it('lets an admin, who is no party, edit the policy too', async () => {
    const admin = await consoleLogin('admin');
    const form = await admin.get(page).expect(200);
    expect(form.text).toContain('第 1 版');
    await admin
      .post(page)
      .type('form')
      .send({ ...formValues(form.text, 'sla-policy'), 'level_4.response.minutes': '90' })
      .expect(303);
    const stored = (await policy().expect(200)).body;
    expect([stored.version, stored.policy.levels.level_4.response.budget]).toEqual([
      2,
      { minutes: 90 },
    ]);
  });

  it('refuses the page and the form to other roles, and a form without its token', async () => {
    await staff.get(page).set('Accept', 'text/html').expect(403);
    const list = await staff.get('/fault-tickets').expect(200);
    expect(list.text).not.toContain('/fault-tickets/sla-policy');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(list.text)?.[1] ?? '';
    await pm.post(page).type('form').send({ _csrf: csrf }).expect(403);
    await manager.post(page).type('form').send({ 'level_1.response.minutes': '5' }).expect(403);
    expect((await policy().expect(200)).body.version).toBe(2);
  });
});
