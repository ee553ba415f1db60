import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { api, login } from '../helpers/e2e-auth';
import { e2eStack } from '../helpers/e2e-stack';

const CLI = join(__dirname, '..', '..', 'dist', 'scripts', 'cli.js');

function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { PATH: process.env.PATH, DATABASE_URL: e2eStack().databaseUrl }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout, err: stderr }),
    );
  });
}

const printedPassword = (out: string): string => /password \(shown once\): (\S+)/.exec(out)![1];

describe('npm run cli', () => {
  const tag = randomUUID().slice(0, 8);
  const email = `cli.${tag}@vendor.example`;

  it('sets up organizations, a user and a contract the user can then see', async () => {
    for (const [name, party] of [
      [`CLI医院 ${tag}`, 'hospital'],
      [`CLI软件 ${tag}`, 'vendor'],
      [`CLI监理 ${tag}`, 'supervisor'],
    ]) {
      const org = await cli('create-org', '--name', name, '--party', party);
      expect(org).toMatchObject({
        code: 0,
        out: expect.stringContaining(`created ${party} organization`),
      });
    }
    const user = await cli(
      'create-user',
      '--email',
      email,
      '--name',
      'CLI 用户',
      '--org',
      `CLI软件 ${tag}`,
      '--roles',
      'vendor_pm,vendor_dev',
      '--phone',
      '13800000000',
    );
    expect(user.code).toBe(0);
    const password = printedPassword(user.out);
    const contract = await cli(
      'create-contract',
      '--number',
      `CLI-${tag}`,
      '--name',
      'CLI 合同',
      '--hospital',
      `CLI医院 ${tag}`,
      '--vendor',
      `CLI软件 ${tag}`,
      '--supervisor',
      `CLI监理 ${tag}`,
      '--start',
      '2026-04-01',
      '--end',
      '2029-03-31',
      '--systems',
      'HIS,EMR',
    );
    expect(contract).toMatchObject({
      code: 0,
      out: expect.stringContaining('with 3 contract year(s)'),
    });

    const auth = await login(email, password);
    const res = await api().get('/api/contracts').set('Authorization', auth).expect(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        number: `CLI-${tag}`,
        myParty: 'vendor',
        settings: expect.objectContaining({ systems: ['HIS', 'EMR'] }),
      }),
    ]);
  }, 120_000);

  it('resets a password: the old one and its sessions stop working', async () => {
    const before = await cli('reset-password', '--email', email);
    const oldPassword = printedPassword(before.out);
    const oldSession = await login(email, oldPassword);
    const reset = await cli('reset-password', '--email', email.toUpperCase());
    expect(reset.code).toBe(0);
    const newPassword = printedPassword(reset.out);
    expect(newPassword).not.toBe(oldPassword);
    await api().get('/api/me').set('Authorization', oldSession).expect(401);
    await api().post('/api/auth/login').send({ email, password: oldPassword }).expect(401);
    await login(email, newPassword);
  }, 120_000);

  it('refuses a role of another party and bad usage, with a non-zero exit', async () => {
    const wrongRole = await cli(
      'create-user',
      '--email',
      `x.${tag}@vendor.example`,
      '--name',
      'X',
      '--org',
      `CLI软件 ${tag}`,
      '--roles',
      'hospital_manager',
    );
    expect(wrongRole).toMatchObject({
      code: 1,
      err: expect.stringContaining('belongs to a hospital organization'),
    });
    const usage = await cli('create-org', '--name', 'Y');
    expect(usage).toMatchObject({ code: 2, err: expect.stringContaining('--party is required') });
  }, 60_000);
});
