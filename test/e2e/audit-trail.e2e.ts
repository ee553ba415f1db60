import { api, demoContractId, loginDemo, operator } from '../helpers/e2e-auth';
import { withDb } from '../helpers/e2e-stack';

describe('audit trail', () => {
  it('records a settings change with before and after, visible to the parties, newest first', async () => {
    const demo = await demoContractId();
    const admin = await loginDemo('admin');
    const before = await api()
      .get(`/api/contracts/${demo}`)
      .set('Authorization', admin)
      .expect(200);
    const oldQuota = before.body.settings.interfaceQuotaPersonDays as number;
    const res = await api()
      .patch(`/api/contracts/${demo}/settings`)
      .set('Authorization', admin)
      .set('X-Request-Id', 'audit-e2e-settings-1')
      .send({ interfaceQuotaPersonDays: oldQuota + 10, remediationWorkingDays: { high: 4 } })
      .expect(200);
    expect(res.body.settings).toMatchObject({
      interfaceQuotaPersonDays: oldQuota + 10,
      remediationWorkingDays: { high: 4, medium: 7, low: 7 },
    });

    const page = await api()
      .get(`/api/contracts/${demo}/audit`)
      .query({ subject: `contract:${demo}`, pageSize: 1 })
      .set('Authorization', await loginDemo('supervisor'))
      .expect(200);
    expect(page.body).toMatchObject({ page: 1, pageSize: 1 });
    expect(page.body.total).toBeGreaterThanOrEqual(2); // created by the seed, then changed
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]).toMatchObject({
      action: 'contract.settings_updated',
      actorType: 'user',
      actorEmail: 'admin@demo.luyue.local',
      party: 'hospital',
      subjectType: 'contract',
      subjectId: demo,
      contractId: demo,
      requestId: 'audit-e2e-settings-1',
      summary: {
        before: { interfaceQuotaPersonDays: oldQuota },
        after: { interfaceQuotaPersonDays: oldQuota + 10 },
      },
    });
    const last = await api()
      .get(`/api/contracts/${demo}/audit`)
      .query({ subject: 'contract', page: page.body.total, pageSize: 1 })
      .set('Authorization', operator())
      .expect(200);
    expect(last.body.items[0]).toMatchObject({ action: 'contract.created', actorType: 'system' });
  });

  it('refuses an invalid settings change without writing anything', async () => {
    const demo = await demoContractId();
    const count = () =>
      withDb(async (db) =>
        Number((await db.query('SELECT count(*) FROM audit_event')).rows[0].count),
      );
    const before = await count();
    const res = await api()
      .patch(`/api/contracts/${demo}/settings`)
      .set('Authorization', operator())
      .send({ reminderLeadWorkingDays: { assessment: 9 } })
      .expect(400);
    expect(res.body.error.message).toMatch(/reminderLeadWorkingDays.assessment/);
    await api()
      .patch(`/api/contracts/${demo}/settings`)
      .set('Authorization', operator())
      .send({ unknownSetting: 1 })
      .expect(400);
    expect(await count()).toBe(before);
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    await withDb(async (db) => {
      const { rows } = await db.query<{ id: string; action: string }>(
        'SELECT id, action FROM audit_event ORDER BY id LIMIT 1',
      );
      expect(rows).toHaveLength(1);
      const attempts = [
        `UPDATE audit_event SET action = 'forged' WHERE id = ${rows[0].id}`,
        'UPDATE audit_event SET action = action WHERE false',
        `DELETE FROM audit_event WHERE id = ${rows[0].id}`,
        'DELETE FROM audit_event',
        'TRUNCATE audit_event',
      ];
      for (const sql of attempts) {
        await expect(db.query(sql)).rejects.toThrow(/audit_event is append-only/);
      }
      const after = await db.query<{ action: string }>(
        'SELECT action FROM audit_event WHERE id = $1',
        [rows[0].id],
      );
      expect(after.rows[0].action).toBe(rows[0].action);
    });
  });
});
