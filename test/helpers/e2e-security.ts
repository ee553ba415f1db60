// Security notices, imports and tasks through the HTTP API, for the security e2e files.
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { api } from './e2e-auth';
import { eventually } from './e2e-stack';

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
  const read = async () =>
    (await api().get(`/api/security-imports/${importId}`).set('Authorization', auth)).body as {
      status: string;
      summary: Record<string, number> | null;
    };
  return eventually(read, (b) => !['queued', 'parsing'].includes(b.status), 45_000);
}
