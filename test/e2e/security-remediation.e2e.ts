import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  FINDING_SEVERITIES,
  type FindingSeverity,
  isRiskAcceptable,
} from '@luyue/security/definitions';
import { api, demoContractId, loginDemo } from '../helpers/e2e-auth';
import { importReport, issueNotice, SAMPLES } from '../helpers/e2e-security';
import { eventually, withDb } from '../helpers/e2e-stack';

const AIRPLAY = resolve(SAMPLES, 'openvasreporting/airplay.xml');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

interface Task {
  id: string;
  severity: FindingSeverity;
  vulnerabilityId: string;
}
interface View {
  state: string;
  remediation: {
    status: string;
    lines: Array<{ status: string }>;
    fixes: Array<{ proof: Array<{ sha256: string }> }>;
    retests: Array<{ note: string }>;
    verifications?: Array<{ note: string }>;
  } | null;
  allowedActions: string[];
}
interface Counts {
  issued: number;
  completed: number;
  rate: number | null;
  flagged: boolean;
}
interface Figures extends Counts {
  bySeverity: Record<string, Counts>;
}
interface Stats extends Figures {
  notices: Array<Figures & { noticeId: string }>;
}

/** The figures the item counts give: completed ÷ issued, overall and per severity. */
function expectedFigures(tasks: readonly Task[], completed: ReadonlySet<string>) {
  const counts = (items: readonly Task[]): Counts => {
    const done = items.filter((t) => completed.has(t.id)).length;
    return {
      issued: items.length,
      completed: done,
      rate: items.length === 0 ? null : done / items.length,
      flagged: items.some((t) => !isRiskAcceptable(t.severity) && !completed.has(t.id)),
    };
  };
  return {
    ...counts(tasks),
    bySeverity: Object.fromEntries(
      FINDING_SEVERITIES.map((s) => [s, counts(tasks.filter((t) => t.severity === s))]),
    ),
  };
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

  it('carries a notice from import to 100 % verified, the rate following the item counts at every step', async () => {
    const noticeId = await issueNotice(manager, contractId);
    const imported = await importReport(manager, noticeId, AIRPLAY);
    expect(imported.status).toBe('done');
    const list = (
      await api()
        .get(`/api/contracts/${contractId}/security-tasks?notice=${noticeId}&pageSize=100`)
        .set('Authorization', pm)
        .expect(200)
    ).body as { items: Task[]; total: number };
    expect(list.total).toBe(7);
    const completed = new Set<string>();
    // The notice's figures, exactly as the item counts say (rate, per severity, flags).
    const expectFigures = async () => {
      const n = await noticeStats(noticeId);
      const want = expectedFigures(list.items, completed);
      expect({
        issued: n.issued,
        completed: n.completed,
        rate: n.rate,
        flagged: n.flagged,
      }).toEqual({
        issued: want.issued,
        completed: want.completed,
        rate: want.rate,
        flagged: want.flagged,
      });
      for (const s of FINDING_SEVERITIES) expect(n.bySeverity[s]).toMatchObject(want.bySeverity[s]);
      return n;
    };
    // Every task runs its own workflow; the issued mail goes once for the notice.
    await eventually(
      () => noticeStats(noticeId).catch(() => undefined),
      (n) => n?.issued === 7,
      30_000,
    );
    expect(await expectFigures()).toMatchObject({ issued: 7, completed: 0, rate: 0 });
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

    const fixWithProof = async (id: string) => {
      const fixed = await api()
        .post(`/api/security-tasks/${id}/actions/fix`)
        .set('Authorization', dev)
        .field('note', '已安装补丁并关闭不必要的服务')
        .attach('files', Buffer.from('diff --git a/smb.conf b/smb.conf\n'), {
          filename: '配置变更.diff',
          contentType: 'text/plain',
        })
        .attach('files', PNG, { filename: '截图.png', contentType: 'image/png' })
        .expect(200);
      expect((fixed.body as View).remediation?.fixes.at(-1)?.proof).toHaveLength(2);
    };
    for (const task of [a, b]) {
      await act(dev, task.id, 'start', { note: '开始整改' }).expect(200);
      await fixWithProof(task.id);
    }
    await expectFigures();
    for (const task of [a, b]) {
      await act(pm, task.id, 'request-retest', { note: '已升级补丁，请复验' }).expect(200);
    }
    await expectFigures();
    await act(pm, a.id, 'verify', {}).expect(403);
    await act(staff, a.id, 'verify', { note: '端口已关闭，同意结项' }).expect(200);
    completed.add(a.id);
    // Both notes are kept and shown: the retest round's, the verification's (page and timeline).
    const verified = (await view(a.id)).remediation;
    expect(verified?.retests.at(-1)?.note).toBe('已升级补丁，请复验');
    expect(verified?.verifications?.map((v) => v.note)).toEqual(['端口已关闭，同意结项']);
    const taskPage = (
      await api().get(`/security/tasks/${a.id}`).set('Authorization', staff).expect(200)
    ).text;
    expect(taskPage).toContain('<td class="pre">已升级补丁，请复验</td>');
    const timeline = taskPage.slice(taskPage.indexOf('id="remediation-timeline"'));
    expect(timeline).toMatch(
      /<td>申请复验<\/td><td>[^<]+<\/td><td class="pre">已升级补丁，请复验<\/td>/,
    );
    expect(timeline).toMatch(
      /<td>复验通过<\/td><td>[^<]+<\/td><td class="pre">端口已关闭，同意结项<\/td>/,
    );
    await act(manager, b.id, 'fail-retest', { reason: '端口仍然开放' }).expect(200);
    expect((await view(a.id)).remediation?.status).toBe('verified');
    expect((await view(b.id)).remediation?.status).toBe('reopened');
    expect(await expectFigures()).toMatchObject({ issued: 7, completed: 1 });

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
    // Fixed by the retest is not yet verified: nothing more is completed before confirmation.
    await expectFigures();
    for (const t of rest) {
      await act(manager, t.id, 'verify', {}).expect(200);
      completed.add(t.id);
    }
    expect((await view(b.id)).remediation?.status).toBe('reopened');
    expect(await expectFigures()).toMatchObject({ issued: 7, completed: 6 });
    const contract = (
      await api()
        .get(`/api/contracts/${contractId}/security/stats`)
        .set('Authorization', manager)
        .expect(200)
    ).body as Stats;
    expect(contract.bySeverity.high.issued).toBeGreaterThanOrEqual(2);

    // The reopened task fixed again and verified: the notice reaches 100 %, nothing flagged.
    await act(dev, b.id, 'start', { note: '重新整改' }).expect(200);
    await fixWithProof(b.id);
    await act(pm, b.id, 'request-retest', { note: '请再次复验' }).expect(200);
    await expectFigures();
    await act(manager, b.id, 'verify', { note: '复验通过' }).expect(200);
    completed.add(b.id);
    const full = await expectFigures();
    expect(full).toMatchObject({ issued: 7, completed: 7, rate: 1, flagged: false });
    expect([full.bySeverity.high.flagged, full.bySeverity.medium.flagged]).toEqual([false, false]);

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
    expect(proofAudit).toBeGreaterThanOrEqual(3);
    const again = await act(dev, a.id, 'start', {});
    expect([again.status, again.body.error?.code]).toEqual([409, 'invalid_state']);

    // A fix the task refuses (verified already) keeps none of its proof: no row, no audit.
    const refused = await api()
      .post(`/api/security-tasks/${a.id}/actions/fix`)
      .set('Authorization', dev)
      .field('note', '重复提交')
      .attach('files', Buffer.from('late\n'), {
        filename: '被拒绝的证明.txt',
        contentType: 'text/plain',
      });
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'invalid_state']);
    const kept = await withDb(async (db) => {
      const rows = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM stored_file WHERE filename = $1`,
        ['被拒绝的证明.txt'],
      );
      const audit = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event
         WHERE action = 'file.uploaded' AND summary->>'filename' = $1`,
        ['被拒绝的证明.txt'],
      );
      return [rows.rows[0].n, audit.rows[0].n];
    });
    expect(kept).toEqual([0, 0]);
  });

  it('mails the vendor about the tasks a retest import newly finds, once per import', async () => {
    const noticeId = await issueNotice(manager, contractId);
    expect((await importReport(manager, noticeId, AIRPLAY)).status).toBe('done');
    const xml = readFileSync(AIRPLAY, 'utf8');
    // The whole report again, plus one result under a new OID: one new task.
    const first = /<result id="[^"]*">[\s\S]*?<\/result>/.exec(xml)![0];
    const fresh = first
      .replace(/<result id="[^"]*">/, '<result id="retest-new">')
      .replace(/<nvt oid="[^"]*"/, '<nvt oid="1.3.6.1.4.1.25623.1.0.999999"');
    const retested = await importReport(
      manager,
      noticeId,
      Buffer.from(xml.replace(first, first + fresh)),
      {
        retestOf: noticeId,
      },
    );
    expect(retested.status).toBe('done');
    const mails = await eventually(
      () =>
        withDb(
          async (db) =>
            (
              await db.query<{ message_key: string; text: string }>(
                `SELECT message_key, text FROM outbox_mail
                 WHERE message_key LIKE $1 AND template = 'security-notice' ORDER BY created_at`,
                [`${noticeId}:%`],
              )
            ).rows,
        ),
      (rows) => rows.length >= 2,
      30_000,
    );
    expect(mails).toHaveLength(2);
    expect(mails[1].text).toContain('新下发整改项：1 项（复测新发现）');
  });
});
