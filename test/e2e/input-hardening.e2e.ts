import { api, demoContractId, loginDemo, operator } from '../helpers/e2e-auth';
import { act, assessment, submitRequirement } from '../helpers/e2e-requirements';

/** A 400 in the one envelope naming `field`. */
function expectFieldRefused(
  body: { error: { code: string; fields: Array<{ field: string }> } },
  field: string,
): void {
  expect(body.error.code).toBe('validation_failed');
  expect(body.error.fields.map((f) => f.field)).toContain(field);
}

describe('input that used to answer 500', () => {
  let staff: string;
  let pm: string;
  let manager: string;
  let contractId: string;

  beforeAll(async () => {
    contractId = await demoContractId();
    [staff, pm, manager] = await Promise.all(
      (['hospital_staff', 'vendor_pm', 'hospital_manager'] as const).map(loginDemo),
    );
  });

  it('numbers written with an exponent are person-days checked, not a crash', async () => {
    const r = await submitRequirement(staff, contractId);
    for (const estimatePersonDays of [1e-7, 5e-324]) {
      const res = await act(pm, r.id, 'assess', assessment({ estimatePersonDays })).expect(400);
      expectFieldRefused(res.body, 'estimatePersonDays');
    }
    // 1E-7 as written in the JSON text.
    const raw = JSON.stringify(assessment()).replace(
      /"estimatePersonDays":3/,
      '"estimatePersonDays":1E-7',
    );
    const res = await api()
      .post(`/api/requirements/${r.id}/actions/assess`)
      .set('Authorization', pm)
      .set('content-type', 'application/json')
      .send(raw)
      .expect(400);
    expectFieldRefused(res.body, 'estimatePersonDays');
    await act(pm, r.id, 'assess', assessment({ estimatePersonDays: 2.5 })).expect(200);
  });

  it('JSON nested 10,000 deep is refused before anyone walks it', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const res = await api()
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(deep)
      .expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(/deeper than/);
  });

  it('a NUL or a lone surrogate in text is refused naming the field', async () => {
    const title = `含空字符 a\u0000b ${Date.now()}`;
    const nul = await api()
      .post(`/api/contracts/${contractId}/requirements`)
      .set('Authorization', staff)
      .send({ title, description: '说明', system: 'HIS' })
      .expect(400);
    expectFieldRefused(nul.body, 'title');
    const surrogate = await api()
      .post('/api/organizations')
      .set('Authorization', operator())
      .set('content-type', 'application/json')
      .send('{"name":"医院\\ud800名","party":"hospital"}')
      .expect(400);
    expectFieldRefused(surrogate.body, 'name');
  });

  it('a whitespace-only title is refused, not stored as ""', async () => {
    const res = await api()
      .post(`/api/contracts/${contractId}/requirements`)
      .set('Authorization', staff)
      .send({ title: '   ', description: '说明', system: 'HIS' })
      .expect(400);
    expectFieldRefused(res.body, 'title');
  });

  it('null where the document says a string or a value is a 400 naming the field, not "absent"', async () => {
    const submitted = await api()
      .post(`/api/contracts/${contractId}/requirements`)
      .set('Authorization', staff)
      .send({ title: '优先级为 null', description: '说明', system: 'HIS', priority: null })
      .expect(400);
    expectFieldRefused(submitted.body, 'priority');
    const r = await submitRequirement(staff, contractId);
    await act(pm, r.id, 'assess', assessment()).expect(200);
    const approved = await act(manager, r.id, 'approve', { kind: null }).expect(400);
    expectFieldRefused(approved.body, 'kind');
    // Left out, the same fields are fine.
    await act(manager, r.id, 'approve', {}).expect(200);
  });

  it('working days outside 1901–2099 are a 400 naming from', async () => {
    for (const from of [
      '2100-01-01T10:00:00+08:00',
      '1900-06-01T10:00:00+08:00',
      '9999-01-01T00:00:00Z',
    ]) {
      const res = await api()
        .get('/api/calendar/working-days')
        .query({ from, days: 3 })
        .expect(400);
      expectFieldRefused(res.body, 'from');
    }
  });
});
