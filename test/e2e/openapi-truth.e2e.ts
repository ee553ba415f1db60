// The OpenAPI document states the limits the validators enforce and the errors the routes give,
// in the envelope; and what the fuzz tier found stays fixed.
import { randomUUID } from 'node:crypto';
import { api, demoContractId, loginDemo } from '../helpers/e2e-auth';

type Operation = Record<string, unknown> & {
  parameters?: Array<{ name: string; in: string; schema?: Record<string, unknown> }>;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> };
};

let doc: Doc;
beforeAll(async () => {
  doc = (await api().get('/api/docs-json').expect(200)).body as Doc;
});

const param = (path: string, method: string, name: string) =>
  doc.paths[path][method].parameters?.find((p) => p.name === name)?.schema;

describe('the OpenAPI document', () => {
  it('states the limits of the query validators', () => {
    const list = '/api/contracts/{contractId}/requirements';
    expect(param(list, 'get', 'page')).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 100_000,
    });
    expect(param(list, 'get', 'pageSize')).toMatchObject({ type: 'integer', maximum: 200 });
    expect(param('/api/contracts/{contractId}/quota', 'get', 'year')).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 10,
    });
  });

  it('states the Idempotency-Key pattern and the body limits', () => {
    const key = param('/api/requirements/{id}/actions/assess', 'post', 'Idempotency-Key');
    expect(key).toMatchObject({ pattern: '^[\\w.:-]{1,100}$' });
    const submit = doc.components.schemas.SubmitRequirementDto.properties!;
    expect(submit.title).toMatchObject({ minLength: 1, maxLength: 200 });
    // Not blank, and no NUL: both rules the server enforces, in one pattern.
    const title = new RegExp(submit.title.pattern as string);
    expect(['题目', ' a '].every((t) => title.test(t))).toBe(true);
    expect(['   ', 'a\u0000b'].some((t) => title.test(t))).toBe(false);
    const login = doc.components.schemas.LoginDto.properties!;
    expect(login.email).toMatchObject({ minLength: 3, maxLength: 320 });
  });

  it('states the rules a conforming client must follow: text, contract years, systems, reply comment', () => {
    const schemas = doc.components.schemas as Record<string, Record<string, unknown>>;
    const propose = schemas.ProposeChangeDto.properties as Record<string, { pattern: string }>;
    expect(new RegExp(propose.description.pattern).test('a\u0000b')).toBe(false);
    const q = param('/api/contracts/{contractId}/requirements', 'get', 'q') as { pattern: string };
    expect(new RegExp(q.pattern).test('a\u0000')).toBe(false);
    const year = doc.paths['/api/contracts/{contractId}/quota'].get.parameters!.find(
      (p) => p.name === 'year',
    ) as unknown as { description: string };
    expect(year.description).toMatch(/one of the contract's years/);
    expect(JSON.stringify(schemas.SubmitRequirementDto)).toMatch(/settings\.systems/);
    const reply = schemas.ChangeReplyDto as {
      oneOf: Array<{ properties: { decision: { enum: string[] } }; required: string[] }>;
    };
    const disagree = reply.oneOf.find((s) => s.properties.decision.enum[0] === 'disagree')!;
    expect(disagree.required).toContain('comment');
  });

  it('documents 401 on every operation not marked public, and errors in the envelope', () => {
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const statuses = Object.keys(op.responses).filter((s) => /^4|^5/.test(s));
        if (op['x-luyue-public'] !== true && !statuses.includes('401')) {
          missing.push(`${method} ${path} 401`);
        }
        for (const s of statuses) {
          if (path === '/health' && s === '503') continue; // the health report itself
          const schema = JSON.stringify(op.responses[s].content?.['application/json']?.schema);
          if (!schema?.includes('ErrorEnvelopeDto')) missing.push(`${method} ${path} ${s}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('found by the fuzz tier', () => {
  it('answers 400 to a multipart body without a boundary on every upload route', async () => {
    const pm = await loginDemo('vendor_pm');
    for (const path of [
      `/api/security-tasks/${randomUUID()}/actions/fix`,
      `/api/contracts/${randomUUID()}/files`,
      `/api/change-requests/${randomUUID()}/actions/archive`,
    ]) {
      const res = await api()
        .post(path)
        .set('Authorization', pm)
        .set('Content-Type', 'multipart/form-data')
        .send('not a form');
      expect(`${path} ${res.status}`).toBe(`${path} 400`);
      expect(res.body.error.code).toMatch(/^(malformed_body|validation_failed)$/);
    }
  });

  it('answers 400 naming the parameter to a NUL in query text (PostgreSQL refuses it)', async () => {
    const manager = await loginDemo('hospital_manager');
    const contractId = await demoContractId();
    for (const [path, name] of [
      [`/api/contracts/${contractId}/requirements`, 'q'],
      [`/api/contracts/${contractId}/security-tasks`, 'system'],
    ]) {
      const res = await api()
        .get(path)
        .query({ [name]: 'a\u0000b' })
        .set('Authorization', manager);
      expect(`${path} ${res.status}`).toBe(`${path} 400`);
      expect(res.body.error.fields).toEqual([expect.objectContaining({ field: name })]);
    }
  });
});
