import { api, demoContractId, demoCredential, loginDemo } from '../helpers/e2e-auth';
import { submitRequirement } from '../helpers/e2e-requirements';

describe('filters the console shares with the REST api', () => {
  it('lists requests by system and by part of the number or title', async () => {
    const clerk = await loginDemo('hospital_staff');
    const contractId = await demoContractId();
    const tag = `筛选${Date.now()}`;
    const lis = await submitRequirement(clerk, contractId, { system: 'LIS', title: `${tag} 检验` });
    const pacs = await submitRequirement(clerk, contractId, {
      system: 'PACS',
      title: `${tag} 影像`,
    });
    const list = (query: Record<string, string>) =>
      api()
        .get(`/api/contracts/${contractId}/requirements`)
        .query(query)
        .set('Authorization', clerk)
        .expect(200)
        .then((res) => (res.body.items as Array<{ id: string }>).map((i) => i.id));

    await expect(list({ q: tag })).resolves.toEqual([pacs.id, lis.id]);
    await expect(list({ q: tag, system: 'LIS' })).resolves.toEqual([lis.id]);
    await expect(list({ q: lis.id.toLowerCase() })).resolves.toEqual([lis.id]);
    await expect(list({ q: `${tag}%` })).resolves.toEqual([]);
  });

  it('lists requests by the contract year they were received in', async () => {
    const clerk = await loginDemo('hospital_staff');
    const contractId = await demoContractId();
    const tag = `年度${Date.now()}`;
    const made = await submitRequirement(clerk, contractId, { title: `${tag} 报表` });
    const year = made.contractYear as number;
    expect(year).toBeGreaterThanOrEqual(1);
    const list = (query: Record<string, string>, status = 200) =>
      api()
        .get(`/api/contracts/${contractId}/requirements`)
        .query({ q: tag, ...query })
        .set('Authorization', clerk)
        .expect(status);

    const ids = (res: { body: { items: Array<{ id: string }> } }) =>
      res.body.items.map((i) => i.id);
    expect(ids(await list({ year: String(year) }))).toEqual([made.id]);
    expect(ids(await list({ year: String(year + 1) }))).toEqual([]);
    const bad = await list({ year: '0' }, 400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(JSON.stringify(bad.body.error)).toContain('year');
  });

  it('filters the audit trail by actor email', async () => {
    const clerk = await loginDemo('hospital_staff');
    const contractId = await demoContractId();
    const created = await submitRequirement(clerk, contractId);
    const trail = (actor: string) =>
      api()
        .get(`/api/contracts/${contractId}/audit`)
        .query({ subject: `requirement:${created.id}`, actor })
        .set('Authorization', clerk)
        .expect(200)
        .then((res) => (res.body.items as Array<{ action: string }>).map((e) => e.action));
    await expect(trail(demoCredential('hospital_staff').email.toUpperCase())).resolves.toEqual([
      'requirement.submitted',
    ]);
    await expect(trail(demoCredential('vendor_pm').email)).resolves.toEqual([]);
    const bad = await api()
      .get(`/api/contracts/${contractId}/audit`)
      .query({ actor: 'not-an-email' })
      .set('Authorization', clerk)
      .expect(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });
});
