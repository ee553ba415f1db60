// A contract year built through the api (a request accepted, a late-logged 一级 fault, a scan's
// security tasks, an inspection signed and one still to come) whose scorecard figures must equal
// the counts this test makes from the api's own lists; the template's targets and switches change
// the verdict.
import { shanghaiDate } from '@luyue/domain';
import { defaultAssessmentTemplate } from '@luyue/assessment/definitions';
import { api, operator } from '../helpers/e2e-auth';
import { consoleContract, errorBeside, hidden, type ConsoleAgent } from '../helpers/e2e-console';
import { act, assessment, submitRequirement } from '../helpers/e2e-requirements';
import { issuedTasks } from '../helpers/e2e-security';
import { eventually, withDb } from '../helpers/e2e-stack';

interface Indicator {
  key: string;
  outcome: string;
  value: number | null;
  target: number;
  counts: Record<string, number>;
  evidence: Array<{ kind: string; id: string; mark: string }>;
}
interface Card {
  contractYear: number;
  overall: string;
  indicators: Indicator[];
}

const MIN = 60_000;
const ago = (minutes: number) =>
  new Date(Math.floor(Date.now() / MIN) * MIN - minutes * MIN).toISOString();
const today = shanghaiDate(new Date());

describe('the scorecard of a contract year', () => {
  let contractId: string;
  let t: Record<'hospital_staff' | 'hospital_manager' | 'vendor_pm' | 'vendor_dev', string>;
  let page: ConsoleAgent;
  let vendorPage: ConsoleAgent;

  const get = <T>(path: string, auth = t.hospital_manager) =>
    api()
      .get(`/api/contracts/${contractId}/${path}`)
      .set('Authorization', auth)
      .expect(200)
      .then((r) => r.body as T);
  const card = async () => {
    const c = await get<Card>('scorecard?year=1');
    return Object.fromEntries(c.indicators.map((i) => [i.key, i]));
  };

  beforeAll(async () => {
    const made = await consoleContract([
      'hospital_staff',
      'hospital_manager',
      'vendor_pm',
      'vendor_dev',
    ] as const);
    ({ contractId, token: t } = made);
    page = made.console.hospital_manager;
    vendorPage = made.console.vendor_pm;
    await api()
      .patch(`/api/contracts/${contractId}/settings`)
      .set('Authorization', operator())
      .send({ systems: ['HIS'] })
      .expect(200);

    // One request through to acceptance, one only approved.
    for (const accept of [true, false]) {
      const r = await submitRequirement(t.hospital_staff, contractId, { system: 'HIS' });
      await act(t.vendor_pm, r.id, 'assess', assessment()).expect(200);
      await act(t.hospital_manager, r.id, 'approve', {}).expect(200);
      if (!accept) continue;
      await act(t.vendor_dev, r.id, 'start-development', {}).expect(200);
      await act(t.vendor_dev, r.id, 'submit-for-testing', { version: 'v1', notes: '' }).expect(200);
      await act(t.hospital_staff, r.id, 'pass-testing', { notes: 'UAT 通过' }).expect(200);
      const release = { version: 'v1', releaseNotes: '上线', rollbackPlan: '回退' };
      await act(t.vendor_pm, r.id, 'release', release).expect(200);
      await act(t.hospital_manager, r.id, 'accept', { note: '同意验收' }).expect(200);
    }

    // A 一级 fault logged two hours late: its response and recovery clocks are overrun.
    const fault = await api()
      .post(`/api/contracts/${contractId}/fault-tickets`)
      .set('Authorization', t.vendor_pm)
      .send({ system: 'HIS', level: 'level_1', title: '门诊挂号中断', reportedAt: ago(120) })
      .expect(201);
    for (const step of ['acknowledge', 'restore']) {
      await api()
        .post(`/api/fault-tickets/${fault.body.id}/actions/${step}`)
        .set('Authorization', t.vendor_dev)
        .send({})
        .expect(200);
    }
    await eventually(
      () =>
        withDb((db) =>
          db.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM fault_ticket_breach WHERE contract_id = $1',
            [contractId],
          ),
        ),
      (r) => r.rows[0].n >= 2,
    );

    // A notice with a scan's tasks issued, none fixed yet.
    await issuedTasks(t.hospital_manager, t.vendor_pm, contractId);

    // An inspection due today, recorded and signed; a drill later in the year, not due yet.
    const plan = await api()
      .post(`/api/contracts/${contractId}/duty-plans`)
      .set('Authorization', t.hospital_manager)
      .send({
        kind: 'inspection',
        title: '月度巡检',
        systems: ['HIS'],
        cadence: { type: 'dates', dates: [today] },
        windowDays: 7,
        deadline: { workingDays: 3, time: null },
        checklist: [{ key: 'cpu', text: 'CPU', expected: '正常' }],
        signers: ['hospital_manager'],
      })
      .expect(201);
    const duties = await get<{ items: Array<{ id: string }> }>(`duties?planId=${plan.body.id}`);
    const recorded = await api()
      .post(`/api/duties/${duties.items[0].id}/actions/record`)
      .set('Authorization', t.vendor_dev)
      .field('summary', '正常')
      .field('answers', JSON.stringify([{ key: 'cpu', result: 'normal' }]))
      .expect(200);
    await api()
      .post(`/api/duties/${duties.items[0].id}/actions/sign`)
      .set('Authorization', t.hospital_manager)
      .send({ hash: recorded.body.state.record.hash })
      .expect(200);
    await api()
      .post(`/api/contracts/${contractId}/duty-plans`)
      .set('Authorization', t.hospital_manager)
      .send({
        kind: 'drill',
        title: '应急演练',
        systems: ['HIS'],
        cadence: { type: 'dates', dates: ['2027-06-01'] },
        windowDays: 7,
        deadline: { workingDays: 3, time: null },
        checklist: [],
        signers: ['hospital_manager'],
      })
      .expect(201);
  });

  it('matches the counts made from the requirement, fault-ticket, duty and security lists', async () => {
    const c = await card();
    const stats = await get<{ confirmed: number; accepted: number }>('requirements/stats?year=1');
    expect(c.requirement_completion.counts).toEqual({
      confirmed: stats.confirmed,
      accepted: stats.accepted,
    });
    expect([stats.confirmed, stats.accepted, c.requirement_completion.value]).toEqual([2, 1, 50]);

    const tickets = await get<{ items: Array<{ id: string }> }>('fault-tickets?year=1');
    let overruns = 0;
    for (const { id } of tickets.items) {
      const one = await api().get(`/api/fault-tickets/${id}`).set('Authorization', t.vendor_pm);
      const clocks = one.body.state.clocks as Array<{ breachedAt: string | null }>;
      overruns += clocks.filter((k) => k.breachedAt !== null).length;
    }
    expect(c.fault_response.counts).toMatchObject({ tickets: tickets.items.length, overruns });
    expect(c.fault_response.outcome).toBe('fail');
    expect(c.availability.counts.outages).toBe(1);
    expect(c.availability.counts.outageMinutes).toBeGreaterThanOrEqual(120);

    const signed = await get<{ items: Array<{ id: string }> }>('duties?year=1&state=signed');
    const done = c.task_completion.evidence.filter((e) => e.mark === 'done').map((e) => e.id);
    expect(done).toEqual(signed.items.map((d) => d.id));
    expect(c.task_completion.counts).toEqual({ due: 1, done: 1, missed: 0 });
    expect(c.task_completion.outcome).toBe('pass');
    expect([c.satisfaction.outcome, c.satisfaction.value]).toEqual(['no_data', null]);
    type Counts = { issued: number; completed: number };
    const security = await get<{ bySeverity: Record<string, Counts> }>('security/stats?year=1');
    const owed = ['critical', 'high', 'medium'].map((s) => security.bySeverity[s]);
    const sum = (k: keyof Counts) => owed.reduce((n, x) => n + x[k], 0);
    expect(c.security_remediation.counts).toMatchObject({
      issued: sum('issued'),
      completed: sum('completed'),
    });
    expect(c.security_remediation.evidence).toHaveLength(sum('issued'));
    expect(sum('issued')).toBeGreaterThan(0);
    expect(c.security_remediation.outcome).toBe('fail');
  });

  it('judges by the template: a lower target passes, a switched-off indicator is left out', async () => {
    const template = defaultAssessmentTemplate();
    template.indicators = template.indicators.map((s) =>
      s.key === 'requirement_completion'
        ? { ...s, target: 50 }
        : s.key === 'fault_response'
          ? { ...s, enabled: false }
          : s,
    );
    await api()
      .put(`/api/contracts/${contractId}/assessment-template`)
      .set('Authorization', t.vendor_pm)
      .send(template)
      .expect(403);
    await api()
      .put(`/api/contracts/${contractId}/assessment-template`)
      .set('Authorization', t.hospital_manager)
      .send(template)
      .expect(200);
    expect(await get('assessment-template', t.vendor_pm)).toEqual(template);
    const c = await card();
    expect(c.requirement_completion.outcome).toBe('pass');
    expect(c.fault_response.outcome).toBe('disabled');
  });

  it('refuses a template field by field', async () => {
    const template = defaultAssessmentTemplate();
    template.indicators[0].target = 120;
    template.availability.manualPercent = 99.9;
    const res = await api()
      .put(`/api/contracts/${contractId}/assessment-template`)
      .set('Authorization', t.hospital_manager)
      .send(template)
      .expect(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual([
      'indicators.0.target',
      'availability.manualNote',
    ]);
    const shapes = [
      {},
      { indicators: [null], availability: null },
      { ...defaultAssessmentTemplate(), availability: [] },
      { ...defaultAssessmentTemplate(), indicators: [1, 'x'] },
    ];
    for (const body of shapes) {
      await api()
        .put(`/api/contracts/${contractId}/assessment-template`)
        .set('Authorization', t.hospital_manager)
        .send(body)
        .expect(400);
    }
  });

  it('shows the scorecard page with each indicator and links to the items counted', async () => {
    const html = (await page.get('/assessment?year=1').expect(200)).text;
    expect(html).toContain('id="indicator-requirement_completion" data-outcome="pass"');
    const { fault_response } = await card();
    expect(html).toContain(`href="/fault-tickets/${fault_response.evidence[0].id}"`);
  });

  it('edits the template in the console: refused beside the target, saved, and not for the vendor', async () => {
    const form = (await page.get('/assessment/template').expect(200)).text;
    const send = (fields: Record<string, string>) =>
      page
        .post(`/assessment/template?contract=${contractId}`)
        .type('form')
        .send({ ...hidden(form, 'assessment-template'), ...fields });
    // Every target as the form shows it; only requirement completion left switched on.
    const base = {
      ...Object.fromEntries(
        defaultAssessmentTemplate().indicators.map((i) => [`${i.key}.target`, String(i.target)]),
      ),
      'requirement_completion.enabled': 'yes',
      manualPercent: '',
      manualNote: '',
      maintenanceWindows: '2026-08-01 22:00 2026-08-02 02:00 升级',
    };
    const refused = await send({ ...base, 'requirement_completion.target': '120' }).expect(400);
    expect(errorBeside(refused.text, 'requirement_completion-target')).toBeTruthy();
    await send(base).expect(303);
    const saved = await get<{ indicators: Array<{ key: string; enabled: boolean }> }>(
      'assessment-template',
    );
    expect(saved.indicators.filter((i) => i.enabled).map((i) => i.key)).toEqual([
      'requirement_completion',
    ]);
    expect((await card()).availability.counts.maintenanceMinutes).toBe(240);
    await vendorPage.get('/assessment/template').expect(403);
  });
});
