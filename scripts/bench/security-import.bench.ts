import { openAsBlob } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Client as PgClient } from 'pg';
import { isImportRunning } from '@luyue/security/definitions';
import { parseReport, sheetHeader } from '@luyue/security';
import { BENCH_SAMPLES } from '@luyue/domain';
import { bareStreamingPass } from './bare-streaming.pass';
import { writeNessusFile } from './nessus-file.generator';

const IMPORT_LIMIT_S = 60;
const RSS_LIMIT_MB = 500;

export interface SecurityBenchContext {
  api: string;
  dataDir: string;
  db: PgClient;
  contractId: string;
  /** `Authorization` of the hospital manager. */
  manager: string;
  hosts?: number;
  plugins?: number;
}

/** Resident set size of a process in MB, from /proc (Linux). */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function post(
  ctx: SecurityBenchContext,
  path: string,
  body: string | FormData,
  json = false,
) {
  const res = await fetch(`${ctx.api}${path}`, {
    method: 'POST',
    headers: {
      authorization: ctx.manager,
      ...(json ? { 'content-type': 'application/json' } : {}),
    },
    body,
  });
  const answer = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300)
    throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(answer)}`);
  return answer;
}

async function upload(ctx: SecurityBenchContext, noticeId: string, file: string) {
  const form = new FormData();
  form.append('file', await openAsBlob(file), 'bench.nessus');
  return (await post(ctx, `/api/security-notices/${noticeId}/reports`, form)) as {
    importId: string;
    duplicate: boolean;
  };
}

/**
 * A generated 20,000-finding Nessus file imported through the api into a fresh notice: whole
 * import time and the worker's peak RSS against their limits; the parser's throughput next to a
 * bare saxes pass over the same file (the limit a streaming parser can reach) in the same run;
 * then the same file again, recognised by its sha256.
 */
export async function benchSecurityImport(ctx: SecurityBenchContext): Promise<string> {
  const file = join(ctx.dataDir, 'bench-20000.nessus');
  const shape = { hosts: ctx.hosts ?? 200, plugins: ctx.plugins ?? 100 };
  const generated = await writeNessusFile(file, shape);
  const bare = await bareStreamingPass(file);
  const parseStarted = process.hrtime.bigint();
  let parsed = 0;
  for await (const _ of parseReport(file, { maxBytes: 1024 ** 3 })) parsed++;
  const parseSeconds = Number(process.hrtime.bigint() - parseStarted) / 1e9;

  const notice = (await post(
    ctx,
    `/api/contracts/${ctx.contractId}/security-notices`,
    JSON.stringify({
      number: `BENCH-${Date.now()}`,
      issuedAt: new Date().toISOString().slice(0, 10),
      source: 'vuln_scan',
      assessor: 'bench',
      title: BENCH_SAMPLES.scanNoticeTitle,
    }),
    true,
  )) as { id: string };
  const workerPid = Number(await readFile(join(ctx.dataDir, 'run', 'worker.pid'), 'utf8'));
  let peakRss = await rssMb(workerPid);
  const startRss = peakRss;
  const started = Date.now();
  const first = await upload(ctx, notice.id, file);
  const uploadSeconds = (Date.now() - started) / 1000;
  let status: { status: string; summary: Record<string, number> | null } = {
    status: 'queued',
    summary: null,
  };
  while (isImportRunning(status.status)) {
    await new Promise((r) => setTimeout(r, 100));
    peakRss = Math.max(peakRss, await rssMb(workerPid));
    const res = await fetch(`${ctx.api}/api/security-imports/${first.importId}`, {
      headers: { authorization: ctx.manager },
    });
    status = (await res.json()) as typeof status;
    if (Date.now() - started > 300_000) throw new Error('the import did not finish in 5 minutes');
  }
  const importSeconds = (Date.now() - started) / 1000;
  if (status.status !== 'done') throw new Error(`the import ended ${JSON.stringify(status)}`);
  const count = async () =>
    (
      await ctx.db.query<{ tasks: string; findings: string }>(
        `SELECT (SELECT count(*) FROM security_task WHERE notice_id = $1)::text AS tasks,
           (SELECT count(*) FROM security_finding WHERE notice_id = $1)::text AS findings`,
        [notice.id],
      )
    ).rows[0];
  const before = await count();
  const againStarted = Date.now();
  const again = await upload(ctx, notice.id, file);
  const againSeconds = (Date.now() - againStarted) / 1000;
  const after = await count();
  const unchanged = before.tasks === after.tasks && before.findings === after.findings;

  const workbook = await benchLargeWorkbook(ctx, workerPid);
  const mb = (generated.bytes / 1024 ** 2).toFixed(1);
  const flag = (ok: boolean, limit: string) => (ok ? `  (limit ${limit})` : `  OVER ${limit}`);
  return [
    `security import: ${shape.hosts} hosts × ${shape.plugins} plugins, ${generated.items} ReportItems, ${generated.distinctKeys} distinct findings, ${mb} MB`,
    `  bare saxes pass (limit)          ${bare.seconds.toFixed(2).padStart(7)} s  ${(bare.items / bare.seconds).toFixed(0).padStart(8)} items/s`,
    `  parseReport                      ${parseSeconds.toFixed(2).padStart(7)} s  ${(parsed / parseSeconds).toFixed(0).padStart(8)} findings/s  ratio ${(bare.seconds / parseSeconds).toFixed(2)}`,
    `  upload (stored, sha256, 202)     ${uploadSeconds.toFixed(2).padStart(7)} s`,
    `  whole import through the api     ${importSeconds.toFixed(2).padStart(7)} s  ${(Number(status.summary?.findings) / importSeconds).toFixed(0).padStart(8)} findings/s${flag(importSeconds < IMPORT_LIMIT_S, `${IMPORT_LIMIT_S} s`)}`,
    `  worker RSS                       ${startRss.toFixed(0).padStart(7)} MB before, peak ${peakRss.toFixed(0)} MB${flag(peakRss < RSS_LIMIT_MB, `${RSS_LIMIT_MB} MB`)}`,
    `  stored                           ${after.tasks} tasks, ${after.findings} findings; summary ${JSON.stringify(status.summary)}`,
    `  same file again                  ${againSeconds.toFixed(2).padStart(7)} s  duplicate=${again.duplicate} same import=${again.importId === first.importId} nothing created=${unchanged}`,
    workbook,
  ].join('\n');
}

const WORKBOOK_ROWS = 1_100_000;
const REFUSAL_LIMIT_S = 10;

/**
 * A workbook of 1.1 million one-cell rows (about 99 MB unzipped, under the declared-size limit,
 * far over the row limit), uploaded into an MLPS notice: the time until it is refused and the
 * worker's peak RSS meanwhile. Read whole, this cost 18 s and 1.5 GB; streamed, the refusal
 * comes at the limit's row.
 */
async function benchLargeWorkbook(ctx: SecurityBenchContext, workerPid: number): Promise<string> {
  const file = join(ctx.dataDir, 'bench-rows.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = writer.addWorksheet(BENCH_SAMPLES.sheetName);
  const fields = ['layer', 'controlPoint', 'item', 'target', 'compliance', 'risk'] as const;
  sheet.addRow(fields.map((f) => sheetHeader('mlps_sheet', f))).commit();
  for (let i = 1; i < WORKBOOK_ROWS; i++) sheet.addRow(['x']).commit();
  sheet.commit();
  await writer.commit();
  const notice = (await post(
    ctx,
    `/api/contracts/${ctx.contractId}/security-notices`,
    JSON.stringify({
      number: `BENCH-ROWS-${Date.now()}`,
      issuedAt: new Date().toISOString().slice(0, 10),
      source: 'mlps',
      assessor: 'bench',
      title: BENCH_SAMPLES.sheetNoticeTitle,
    }),
    true,
  )) as { id: string };
  const startRss = await rssMb(workerPid);
  let peakRss = startRss;
  const started = Date.now();
  const { importId } = await upload(ctx, notice.id, file);
  let status = { status: 'queued', summary: null as { refused?: { reason: string } } | null };
  while (isImportRunning(status.status)) {
    await new Promise((r) => setTimeout(r, 100));
    peakRss = Math.max(peakRss, await rssMb(workerPid));
    const res = await fetch(`${ctx.api}/api/security-imports/${importId}`, {
      headers: { authorization: ctx.manager },
    });
    status = (await res.json()) as typeof status;
    if (Date.now() - started > 300_000)
      throw new Error('the workbook was not refused in 5 minutes');
  }
  const seconds = (Date.now() - started) / 1000;
  const flag = (ok: boolean, limit: string) => (ok ? `  (limit ${limit})` : `  OVER ${limit}`);
  return [
    `large workbook: ${WORKBOOK_ROWS} rows, ${((await stat(file)).size / 1024 ** 2).toFixed(1)} MB → ${status.status} (${status.summary?.refused?.reason ?? '-'})`,
    `  upload to refusal                ${seconds.toFixed(2).padStart(7)} s${flag(seconds < REFUSAL_LIMIT_S, `${REFUSAL_LIMIT_S} s`)}`,
    `  worker RSS                       ${startRss.toFixed(0).padStart(7)} MB before, peak ${peakRss.toFixed(0)} MB${flag(peakRss < RSS_LIMIT_MB, `${RSS_LIMIT_MB} MB`)}`,
  ].join('\n');
}
