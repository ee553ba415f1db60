import { randomUUID } from 'node:crypto';
import { api, demoContractId, loginDemo, operator } from '../helpers/e2e-auth';
import { act, assessment, submitRequirement } from '../helpers/e2e-requirements';

/** The one error envelope: `{ error: { code, message, fields? }, requestId }`. */
function expectEnvelope(body: unknown, code: string): void {
  expect(body).toEqual({
    error: expect.objectContaining({ code, message: expect.any(String) }),
    requestId: expect.any(String),
  });
}

describe('one error envelope', () => {
  let staff: string;
  let pm: string;
  let contractId: string;

  beforeAll(async () => {
    contractId = await demoContractId();
    [staff, pm] = await Promise.all([loginDemo('hospital_staff'), loginDemo('vendor_pm')]);
  });

  it('for DTO failures and workflow refusals alike, naming the fields', async () => {
    const r = await submitRequirement(staff, contractId);
    const dto = await act(pm, r.id, 'assess', assessment({ estimatePersonDays: -1 })).expect(400);
    expectEnvelope(dto.body, 'validation_failed');
    expect(dto.body.error.fields).toEqual([
      expect.objectContaining({ field: 'estimatePersonDays', message: expect.any(String) }),
    ]);
    const workflow = await act(
      pm,
      r.id,
      'assess',
      assessment({ plannedDeliveryDate: '2020-01-01' }),
    ).expect(400);
    expectEnvelope(workflow.body, 'validation_failed');
    expect(workflow.body.error.fields).toEqual([
      { field: 'plannedDeliveryDate', message: 'plannedDeliveryDate must not be in the past' },
    ]);
    expect(Object.keys(workflow.body.error).sort()).toEqual(['code', 'fields', 'message']);
    const state = await act(staff, r.id, 'approve', {}).expect(403);
    expectEnvelope(state.body, 'forbidden');
  });

  it('for malformed JSON', async () => {
    const res = await api()
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"email": "a@b.c", ')
      .expect(400);
    expectEnvelope(res.body, 'malformed_body');
  });

  it('for a body over the limit', async () => {
    const res = await api()
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2_000_000) }))
      .expect(413);
    expectEnvelope(res.body, 'payload_too_large');
  });

  it('for a refused upload: the refusal arrives, the connection is not cut mid-body', async () => {
    // The guard refuses before anything reads the 2 MB body; answering and closing at once made
    // clients fail with EPIPE instead of seeing the 403.
    const body = Buffer.alloc(2 * 1024 * 1024, 'a');
    const outcomes: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const res = await api()
        .post(`/api/security-notices/${randomUUID()}/reports`)
        .set('Authorization', pm)
        .attach('file', body, 'scan.nessus')
        .then(
          (r) => String(r.status),
          (e: Error) => e.message,
        );
      outcomes.push(res);
    }
    expect(new Set(outcomes)).toEqual(new Set(['403']));
  });

  it('for unknown routes', async () => {
    const res = await api().get('/api/no-such-thing').set('Authorization', staff).expect(404);
    expectEnvelope(res.body, 'not_found');
    const anonymous = await api().post('/api/nothing/here').send({}).expect(404);
    expectEnvelope(anonymous.body, 'not_found');
  });

  it('for a wrong content type', async () => {
    const res = await api()
      .post(`/api/contracts/${contractId}/requirements`)
      .set('Authorization', staff)
      .set('content-type', 'text/plain')
      .send('title=x')
      .expect(415);
    expectEnvelope(res.body, 'unsupported_media_type');
  });

  it('for TRACE: 405 with Allow, not 404', async () => {
    const res = await api().trace('/api/me').expect(405);
    expect(res.headers.allow).toContain('GET');
    expectEnvelope(res.body, 'method_not_allowed');
  });

  it('for logging out with the operator token: 409, saying it cannot be, and the token still works', async () => {
    const res = await api().post('/api/auth/logout').set('Authorization', operator()).expect(409);
    expectEnvelope(res.body, 'invalid_state');
    expect(res.body.error.message).toContain('cannot be logged out');
    await api().get('/api/me').set('Authorization', operator()).expect(200);
  });
});
