// The fuzz tier: schemathesis generates requests from the api's own OpenAPI document (valid and
// invalid ones, every operation) as two roles of the demo contract and the operator, and checks
// every answer: no server error, a documented status, content type and body schema.
import { existsSync } from 'node:fs';
import { demoContractId, demoCredential, login, operator } from '../helpers/e2e-auth';
import { proposeChange } from '../helpers/e2e-changes';
import { submitRequirement } from '../helpers/e2e-requirements';
import { e2eStack } from '../helpers/e2e-stack';
import { FUZZ_CHECKS, runSchemathesis, SCHEMATHESIS, type FuzzFigures } from '../helpers/e2e-fuzz';

// Bounded: under a minute per role on 2 cores; FUZZ_MAX_EXAMPLES / FUZZ_SEED widen or vary it.
const MAX_EXAMPLES = Number(process.env.FUZZ_MAX_EXAMPLES ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUN_TIMEOUT_MS = 4 * 60_000;

const EXCLUDED = [
  {
    path: '/api/auth/logout',
    reason: 'revokes the token the fuzzer sends, so every later answer would be 401',
  },
];

jest.setTimeout(2 * RUN_TIMEOUT_MS + 60_000);

function report(f: FuzzFigures): string {
  const byCheck = FUZZ_CHECKS.map(
    (c) => `${c} ${f.failures.filter((x) => x.check === c).length}`,
  ).join(', ');
  const statuses = Object.entries(f.byStatusClass)
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const lines = [
    `[fuzz] ${f.label}: ${f.operations} operations, ${f.requests} requests (${statuses}) in ${f.seconds} s`,
    `[fuzz] ${f.label}: failures by check: ${byCheck}`,
    ...f.failures
      .slice(0, 30)
      .map((x) => `  ${x.check} ${x.operation} → ${x.status}: ${x.message}\n    ${x.request}`),
    ...f.errors.slice(0, 10).map((e) => `  error: ${e}`),
  ];
  return lines.join('\n');
}

describe('fuzz: the OpenAPI document against the running api', () => {
  const schemaUrl = new URL('/api/docs-json', e2eStack().api).href;
  let ids: Array<{ pathRegex: string; parameter: string; value: string }>;
  let manager: string;
  let vendorPm: string;

  beforeAll(async () => {
    if (!existsSync(SCHEMATHESIS)) {
      throw new Error(`${SCHEMATHESIS} missing: run node scripts/ensure-fuzz-venv.js`);
    }
    const m = demoCredential('hospital_manager');
    const v = demoCredential('vendor_pm');
    manager = await login(m.email, m.password);
    vendorPm = await login(v.email, v.password);
    const contractId = await demoContractId();
    const requirement = await submitRequirement(manager, contractId);
    const change = await proposeChange(manager, contractId);
    // Real ids, so the fuzzer reaches the routes' own validation and state checks, not only 404.
    ids = [
      { pathRegex: '^/api/contracts/\\{contractId\\}', parameter: 'contractId', value: contractId },
      { pathRegex: '^/api/contracts/\\{id\\}', parameter: 'id', value: contractId },
      { pathRegex: '^/api/requirements/', parameter: 'id', value: String(requirement.id) },
      { pathRegex: '^/api/change-requests/', parameter: 'id', value: change.id },
    ];
  });

  // The operator last: only it gets past the guard of the admin routes (users, organizations,
  // contracts, calendar), and what it changes in the demo contract must not steer the others.
  it.each([
    ['hospital_manager', () => manager],
    ['vendor_pm', () => vendorPm],
    ['operator', operator],
  ])('as %s: no server error and every answer as documented', async (label, auth) => {
    const figures = await runSchemathesis(schemaUrl, {
      label,
      authorization: auth(),
      ids,
      excluded: EXCLUDED,
      maxExamples: MAX_EXAMPLES,
      seed: SEED,
      timeoutMs: RUN_TIMEOUT_MS,
    });
    process.stdout.write(`${report(figures)}\n`);
    expect(figures.errors).toEqual([]);
    expect(figures.requests).toBeGreaterThan(figures.operations);
    expect(figures.failures).toEqual([]);
  });
});
