// Security notices, imports and tasks through the HTTP API, for the security e2e files.
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { api } from './e2e-auth';
import { eventually } from './e2e-stack';
import { isImportRunning } from '@luyue/security/definitions';

export const SAMPLES = resolve(__dirname, '../../..', 'shared', 'scan-samples');

export async function issueNotice(auth: string, contractId: string, source = 'vuln_scan') {
  const res = await api()
    .post(`/api/contracts/${contractId}/security-notices`)
    .set('Authorization', auth)
    .send({
      number: `AQZG-${randomUUID().slice(0, 8)}`,
      issuedAt: new Date().toISOString(),
      source,
      assessor: 'XX 测评中心',
      title: '漏洞扫描整改',
    })
    .expect(201);
  return (res.body as { id: string }).id;
}

/** Uploads a report (a path or bytes) into a notice and waits for its import to end. */
export async function importReport(
  auth: string,
  noticeId: string,
  file: string | Buffer,
  fields: Record<string, string> = {},
): Promise<{ status: string; summary: Record<string, number> | null }> {
  let req = api().post(`/api/security-notices/${noticeId}/reports`).set('Authorization', auth);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  const res = await (typeof file === 'string'
    ? req.attach('file', file)
    : req.attach('file', file, 'retest.xml'));
  if (res.status !== 202)
    throw new Error(`upload answered ${res.status}: ${JSON.stringify(res.body)}`);
  const { importId } = res.body as { importId: string };
  return importEnded<{ status: string; summary: Record<string, number> | null }>(auth, importId);
}

/** The import as the api shows it once it has ended (waited for, bounded). */
export async function importEnded<T extends { status: string }>(
  auth: string,
  importId: string,
  timeoutMs = 45_000,
): Promise<T> {
  const read = async () =>
    (await api().get(`/api/security-imports/${importId}`).set('Authorization', auth)).body as T;
  return eventually(read, (b) => !isImportRunning(b.status), timeoutMs);
}

/** A 绿盟 RSAS weak-password scan: 9 findings of 4 vulnerabilities, so 4 remediation tasks. */
export const WEAK_PASSWORDS = join(SAMPLES, 'svmp', 'engine-weakpwd-scan-result.xml');
export const WEAK_PASSWORD_TASKS = 4;

/** The tasks of a notice, once each one's workflow lets the vendor start it (bounded). */
export async function startableTasks(pm: string, contractId: string, noticeId: string) {
  const list = await api()
    .get(`/api/contracts/${contractId}/security-tasks?notice=${noticeId}&pageSize=100`)
    .set('Authorization', pm)
    .expect(200);
  const ids = (list.body as { items: Array<{ id: string }> }).items.map((t) => t.id);
  const startable = (id: string) =>
    api().get(`/api/security-tasks/${id}/remediation`).set('Authorization', pm);
  for (const id of ids) {
    await eventually(
      () => startable(id),
      (res) =>
        res.status === 200 &&
        (res.body as { allowedActions: string[] }).allowedActions.includes('start'),
      30_000,
    );
  }
  return ids;
}

/** A notice with the weak-password scan imported into it: its tasks, each workflow running. */
export async function issuedTasks(
  manager: string,
  pm: string,
  contractId: string,
): Promise<string[]> {
  const noticeId = await issueNotice(manager, contractId);
  expect((await importReport(manager, noticeId, WEAK_PASSWORDS)).status).toBe('done');
  const ids = await startableTasks(pm, contractId, noticeId);
  expect(ids).toHaveLength(WEAK_PASSWORD_TASKS);
  return ids;
}
