// The 整改报告 of a notice on the real stack: a real OpenVAS export imported, one task fixed
// with proof and verified, then the XLSX rows, the printable page and the stats page.
import ExcelJS from 'exceljs';
import { resolve } from 'node:path';
import {
  LINE_STATUS_LABELS,
  RECTIFICATION_REPORT_LABELS as L,
  RETEST_OUTCOME_LABELS,
  NOTICE_SOURCE_LABELS,
} from '@luyue/domain';
import { api, createOtherContract, demoContractId, loginDemo } from '../helpers/e2e-auth';
import { importReport, issueNotice, SAMPLES } from '../helpers/e2e-security';
import { eventually } from '../helpers/e2e-stack';

const SAMPLE = resolve(SAMPLES, 'dradis-openvas/report_v7.xml');
const HEADERS = [
  '序号',
  '整改项',
  '风险等级',
  '资产',
  '整改状态',
  '整改说明',
  '证明材料',
  '复验结果',
  '复验日期',
  '完成日期',
];

interface View {
  title: string;
  remediation: {
    status: string;
    lines: Array<{ lineId: string; label: string; status: string }>;
    fixes: Array<{ proof: Array<{ id: string; sha256: string }> }>;
  } | null;
}

/** As Handlebars writes text into a page. */
const html = (s: string) =>
  s.replace(
    /[&<>"'`=]/g,
    (c) =>
      ({
        '&': '&amp;',
        '<': '&lt;',
        '>': '&gt;',
        '"': '&quot;',
        "'": '&#x27;',
        '`': '&#x60;',
        '=': '&#x3D;',
      })[c]!,
  );

/** The body as bytes: supertest parses only text by itself. */
const collect = (
  r: { on(event: string, listener: (chunk?: Buffer) => void): unknown },
  cb: (err: Error | null, body: Buffer) => void,
) => {
  const parts: Buffer[] = [];
  r.on('data', (c) => parts.push(c!));
  r.on('end', () => cb(null, Buffer.concat(parts)));
};

describe('整改报告: XLSX and printable page of a notice, and the stats page', () => {
  let contractId: string;
  let noticeId: string;
  let manager: string;
  let staff: string;
  let pm: string;
  let dev: string;
  let views: Array<View & { id: string }>;
  let fixedId: string;
  let proofSha: string;
  let proofId: string;

  const view = async (id: string) =>
    (await api().get(`/api/security-tasks/${id}/remediation`).set('Authorization', pm).expect(200))
      .body as View;
  const act = (auth: string, id: string, action: string, body: object = {}) =>
    api().post(`/api/security-tasks/${id}/actions/${action}`).set('Authorization', auth).send(body);

  beforeAll(async () => {
    contractId = await demoContractId();
    [manager, staff, pm, dev] = await Promise.all([
      loginDemo('hospital_manager'),
      loginDemo('hospital_staff'),
      loginDemo('vendor_pm'),
      loginDemo('vendor_dev'),
    ]);
    noticeId = await issueNotice(manager, contractId);
    expect((await importReport(manager, noticeId, SAMPLE)).status).toBe('done');
    const list = (
      await api()
        .get(`/api/contracts/${contractId}/security-tasks?notice=${noticeId}&pageSize=100`)
        .set('Authorization', pm)
        .expect(200)
    ).body as { items: Array<{ id: string }>; total: number };
    expect(list.total).toBeGreaterThan(1);
    await eventually(
      async () =>
        (
          (
            await api()
              .get(`/api/contracts/${contractId}/security/stats`)
              .set('Authorization', manager)
          ).body as { notices?: Array<{ noticeId: string; issued: number }> }
        ).notices?.find((n) => n.noticeId === noticeId),
      (n) => n?.issued === list.total,
      30_000,
    );

    fixedId = list.items[0].id;
    await act(dev, fixedId, 'start', { note: '开始整改' }).expect(200);
    const fixed = await api()
      .post(`/api/security-tasks/${fixedId}/actions/fix`)
      .set('Authorization', dev)
      .field('note', '已升级组件并关闭不必要的服务')
      .attach('files', Buffer.from('diff --git a/httpd.conf b/httpd.conf\n'), {
        filename: '配置变更.diff',
        contentType: 'text/plain',
      })
      .expect(200);
    const proof = (fixed.body as View).remediation!.fixes[0].proof[0];
    [proofSha, proofId] = [proof.sha256, proof.id];
    await act(pm, fixedId, 'request-retest', { note: '请复验' }).expect(200);
    await act(staff, fixedId, 'verify', { note: '复验通过' }).expect(200);
    views = await Promise.all(list.items.map(async (t) => ({ id: t.id, ...(await view(t.id)) })));
  });

  it('writes one XLSX row per asset line with the proof sha256 and the status labels', async () => {
    const res = await api()
      .get(`/api/security-notices/${noticeId}/rectification-report.xlsx`)
      .set('Authorization', pm)
      .buffer(true)
      .parse((r, cb) => collect(r, cb))
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const sheet = workbook.worksheets[0];
    const all = sheet.getRows(1, sheet.rowCount)!.map((r) => (r.values as unknown[]).slice(1));
    // The notice's header and summary above the table, as on the printable page.
    const notice = (
      await api().get(`/api/security-notices/${noticeId}`).set('Authorization', pm).expect(200)
    ).body as { number: string; title: string; assessor: string };
    expect(all[0]).toEqual([L.title]);
    expect(all[1]).toEqual([L.number, notice.number, L.noticeTitle, notice.title]);
    expect(all[2].slice(0, 2)).toEqual([L.assessor, notice.assessor]);
    expect(all[3][0]).toBe(L.issued);
    expect(all[3][1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const rate = `${((1 / views.length) * 100).toFixed(1)}%`;
    expect(all[4]).toEqual([L.issuedItems, views.length, L.completed, 1]);
    expect(all[5]).toEqual([L.rate, rate, L.riskAccepted, 0]);
    const headerAt = all.findIndex((r) => r[0] === '序号');
    expect(all[headerAt]).toEqual(HEADERS);
    const lines = views.flatMap((v) => v.remediation!.lines);
    const rows = all.slice(headerAt + 1, headerAt + 1 + lines.length);
    // Below the table: the attestation and the 甲方 / 乙方 signature and date rows.
    expect(all.slice(headerAt + 1 + lines.length).filter((r) => r.length > 0)).toEqual([
      [L.attestation],
      [L.hospitalSign, '', '', '', L.vendorSign],
      [L.date, '', '', '', L.date],
    ]);
    expect(rows.map((r) => r[0])).toEqual(lines.map((_, i) => i + 1));

    const col = (h: string) => HEADERS.indexOf(h);
    const fixedTask = views.find((v) => v.id === fixedId)!;
    const fixedRows = rows.filter((r) => r[col('整改项')] === fixedTask.title);
    expect(fixedRows).toHaveLength(fixedTask.remediation!.lines.length);
    for (const r of fixedRows) {
      expect(r[col('整改状态')]).toBe(LINE_STATUS_LABELS.verified);
      expect(r[col('复验结果')]).toBe(RETEST_OUTCOME_LABELS.verified);
      expect(String(r[col('证明材料')])).toContain(proofSha);
      expect(String(r[col('整改说明')])).toContain('已升级组件');
      expect(r[col('完成日期')]).toBeTruthy();
    }
    const open = rows.filter((r) => r[col('整改项')] !== fixedTask.title);
    expect(open.length).toBeGreaterThan(0);
    for (const r of open) expect(r[col('整改状态')]).toBe(LINE_STATUS_LABELS.open);
  });

  it('prints every task, the proof link, the retest and the signature blocks', async () => {
    const res = await api()
      .get(`/security/notices/${noticeId}/report`)
      .set('Authorization', manager)
      .expect(200);
    const page = res.text;
    for (const v of views) expect(page).toContain(html(v.title));
    for (const line of views.flatMap((v) => v.remediation!.lines)) {
      expect(page).toContain(html(line.label));
    }
    expect(page).toContain(`href="/api/files/${proofId}"`);
    expect(page).toContain(proofSha);
    expect(page).toContain('已验证');
    expect(page).toContain(RETEST_OUTCOME_LABELS.verified);
    expect(page).toContain(L.hospitalSign);
    expect(page).toContain(L.vendorSign);
    expect(page).toContain(`${L.riskAccepted}</th><td data-figure="riskAccepted">0<`);
    expect(page).toContain('按甲方出具的安全整改通知单逐项核验');
    const rate = `${((1 / views.length) * 100).toFixed(1)}%`;
    expect(page).toMatch(new RegExp(`data-figure="rate">${rate.replace('.', '\\.')}`));
  });

  it('shows the completion on the stats page, with its chart', async () => {
    const page = await api()
      .get(`/security/stats?contract=${contractId}`)
      .set('Authorization', staff)
      .expect(200);
    expect(page.text).toContain(`data-notice="${noticeId}"`);
    expect(page.text).toContain(`href="/security/notices/${noticeId}/report"`);
    // The contract year is picked from the contract's years, and the page takes the pick.
    expect(page.text).toMatch(
      /<select name="year"><option value="">全部<\/option><option value="1"/,
    );
    const first = await api()
      .get(`/security/stats?contract=${contractId}&year=1`)
      .set('Authorization', staff)
      .expect(200);
    expect(first.text).toContain('<option value="1" selected>');
    const chart = await api()
      .get(`/security/stats/completion.svg?contract=${contractId}`)
      .set('Authorization', staff)
      .buffer(true)
      .parse((r, cb) => collect(r, cb))
      .expect(200);
    expect(chart.headers['content-type']).toContain('image/svg+xml');
    expect((chart.body as Buffer).toString('utf8')).toContain('已完成');
    // The second chart: completion by source, linked from the page like the first.
    expect(page.text).toContain(
      `src="${html(`/security/stats/by-source.svg?contract=${contractId}`)}"`,
    );
    const bySource = await api()
      .get(`/security/stats/by-source.svg?contract=${contractId}`)
      .set('Authorization', staff)
      .buffer(true)
      .parse((r, cb) => collect(r, cb))
      .expect(200);
    const svg = (bySource.body as Buffer).toString('utf8');
    expect(svg).toContain('按来源');
    expect(svg).toContain(NOTICE_SOURCE_LABELS.vuln_scan);
    expect(svg).toContain('风险接受');
  });

  it('answers 404 to a user of another contract', async () => {
    const other = await createOtherContract();
    const outsider = other.users.vendor_pm;
    for (const path of [
      `/api/security-notices/${noticeId}/rectification-report.xlsx`,
      `/security/notices/${noticeId}/report`,
      `/security/stats/completion.svg?contract=${contractId}`,
      `/security/stats/by-source.svg?contract=${contractId}`,
    ]) {
      await api().get(path).set('Authorization', outsider).expect(404);
    }
  });
});
