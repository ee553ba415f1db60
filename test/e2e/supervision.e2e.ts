import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoContractId, loginDemo } from '../helpers/e2e-auth';
import { submitRequirement } from '../helpers/e2e-requirements';
import { e2eStack, eventually } from '../helpers/e2e-stack';

const pidOf = (app: 'api' | 'worker'): number | null => {
  try {
    return Number(readFileSync(join(e2eStack().dataDir, 'run', `${app}.pid`), 'utf8').trim());
  } catch {
    return null;
  }
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the stack heals itself', () => {
  it('restarts a killed worker, which then does the work', async () => {
    const before = pidOf('worker');
    expect(before).toEqual(expect.any(Number));
    process.kill(before!, 'SIGKILL');
    // The first restart comes after 1 s.
    const after = await eventually(
      async () => pidOf('worker'),
      (pid) => pid !== null && pid !== before && alive(pid),
      20_000,
    );
    expect(alive(before!)).toBe(false);
    expect(after).not.toBe(before);

    const staff = await loginDemo('hospital_staff');
    const r = await submitRequirement(staff, await demoContractId());
    expect(r.assessmentDueAt).toEqual(expect.any(String));
  });
});
