import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { api, demoContractId, loginDemo } from '../helpers/e2e-auth';
import { importReport, issueNotice, SAMPLES } from '../helpers/e2e-security';
import { eventually, withDb } from '../helpers/e2e-stack';

const AIRPLAY = resolve(SAMPLES, 'openvasreporting/airplay.xml');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

interface Task {
  id: string;
  severity: string;
  vulnerabilityId: string;
}
interface View {
  state: string;
  remediation: {
    status: string;
    lines: Array<{ status: string }>;
    fixes: Array<{ proof: Array<{ sha256: string }> }>;
  } | null;
  allowedActions: string[];
}
interface Stats {
  issued: number;
  completed: number;
  rate: number;
  bySeverity: Record<string, { issued: number; completed: number; rate: number }>;
  notices: Array<{ noticeId: string; issued: number; completed: number }>;
}

describe('security remediation: fix with proof, retest, verify, and the completion rate', () => {
  let contractId: string;
  let manager: string;
  let staff: string;
  let pm: string;
  let dev: string;

  beforeAll(async () => {
    contractId = await demoContractId();
    [manager, staff, pm, dev] = await Promise.all([
      loginDemo('hospital_manager'),
      loginDemo('hospital_staff'),
      loginDemo('vendor_pm'),
      loginDemo('vendor_dev'),
    ]);
  });

  const view = async (id: string): Promise<View> =>
    (await api().get(`/api/security-tasks/${id}/remediation`).set('Authorization', pm).expect(200))
      .body as View;
  const act = (auth: string, id: string, action: string, body: object = {}) =>
    api().post(`/api/security-tasks/${id}/actions/${action}`).set('Authorization', auth).send(body);
  const noticeStats = async (noticeId: string) => {
    const s = (
      await api()
        .get(`/api/contracts/${contractId}/security/stats`)
        .set('Authorization', manager)
        .expect(200)
    ).body as Stats;
    return s.notices.find((n) => n.noticeId === noticeId)!;
  };

  it('carries a notice from import to all but one verified, the rate following the item counts', async () => {
    const noticeId = await issueNotice(manager, contractId);
    const imported = await importReport(manager, noticeId, AIRPLAY);
    expect(imported.status).toBe('done');
    const list = (
      await api()
        .get(`/api/contracts/${contractId}/security-tasks?notice=${noticeId}&pageSize=100`)
        .set('Authorization', pm)
        .expect(200)
    ).body as { items: Task[]; total: number };
    expect(list.total).toBe(24);
    // Every task runs its own workflow; the issued mail goes once for the notice.
    await eventually(
      () => noticeStats(noticeId).catch(() => undefined),
      (n) => n?.issued === 24,
      30_000,
    );
    expect(await noticeStats(noticeId)).toMatchObject({ issued: 24, completed: 0 });
    const noticeMails = await withDb(
      async (db) =>
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM outbox_mail WHERE message_key LIKE $1`,
            [`${noticeId}:%`],
          )
        ).rows[0].n,
    );
    expect(noticeMails).toBe(1);

    const [a, b] = list.items.filter((t) => t.severity === 'high');
    // Only low and informational risks may be accepted; a vendor never verifies its own fix.
    const risk = await act(manager, a.id, 'accept-risk', {
      reason: '业务需要',
      expiresOn: '2099-01-01',
    });
    expect([risk.status, risk.body.error?.message]).toEqual([409, expect.stringContaining('high')]);

    for (const task of [a, b]) {
      await act(dev, task.id, 'start', { note: '开始整改' }).expect(200);
      const fixed = await api()
        .post(`/api/security-tasks/${task.id}/actions/fix`)
        .set('Authorization', dev)
        .field('note', '已安装补丁并关闭不必要的服务')
        .attach('files', Buffer.from('diff --git a/smb.conf b/smb.conf\n'), {
          filename: '配置变更.diff',
          contentType: 'text/plain',
        })
        .attach('files', PNG, { filename: '截图.png', contentType: 'image/png' })
        .expect(200);
      expect((fixed.body as View).remediation?.fixes[0].proof).toHaveLength(2);
      await act(pm, task.id, 'request-retest', { note: '请复验' }).expect(200);
    }
    await act(pm, a.id, 'verify', {}).expect(403);
    await act(staff, a.id, 'verify', { note: '复验通过' }).expect(200);
    await act(manager, b.id, 'fail-retest', { reason: '端口仍然开放' }).expect(200);
    expect((await view(a.id)).remediation?.status).toBe('verified');
    expect((await view(b.id)).remediation?.status).toBe('reopened');
    expect(await noticeStats(noticeId)).toMatchObject({ issued: 24, completed: 1 });

    // A retest import in which only b's finding remains: the rest are fixed by retest and wait
    // for the hospital's confirmation; b stays reopened.
    const xml = readFileSync(AIRPLAY, 'utf8');
    const retest = xml.replace(/<result id="[^"]*">[\s\S]*?<\/result>/g, (result) =>
      result.includes(`oid="${b.vulnerabilityId}"`) ? result : '',
    );
    const retested = await importReport(manager, noticeId, Buffer.from(retest), {
      retestOf: noticeId,
    });
    expect(retested.status).toBe('done');
    const rest = list.items.filter((t) => t.id !== a.id && t.id !== b.id);
    await eventually(
      async () => Promise.all(rest.map(async (t) => (await view(t.id)).remediation?.status)),
      (statuses) => statuses.every((s) => s === 'retest_requested'),
      30_000,
    );
    for (const t of rest) await act(manager, t.id, 'verify', {}).expect(200);
    expect((await view(b.id)).remediation?.status).toBe('reopened');
    const after = await noticeStats(noticeId);
    expect(after).toMatchObject({ issued: 24, completed: 23 });
    const contract = (
      await api()
        .get(`/api/contracts/${contractId}/security/stats`)
        .set('Authorization', manager)
        .expect(200)
    ).body as Stats;
    expect(contract.bySeverity.high.issued).toBeGreaterThanOrEqual(2);

    // The proof is in the audit trail with its sha256, and a verified task takes no more steps.
    const proofAudit = await withDb(
      async (db) =>
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM audit_event
             WHERE action = 'file.uploaded' AND summary->>'purpose' = 'remediation_proof'
               AND summary->>'filename' = '截图.png'`,
          )
        ).rows[0].n,
    );
    expect(proofAudit).toBeGreaterThanOrEqual(2);
    const again = await act(dev, a.id, 'start', {});
    expect([again.status, again.body.error?.code]).toEqual([409, 'invalid_state']);
  });
});
