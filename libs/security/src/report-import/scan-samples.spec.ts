import { resolve } from 'node:path';
import { groupFindingsIntoTasks, informationalFindings } from '../finding.grouping';
import { type FindingSeverity, type ParsedFinding } from '../security-finding.types';
import { parseReport, readReport } from './report.parser';

// Real exports kept outside the repo (CI has ../shared beside the checkout); read in place.
const SAMPLES = resolve(__dirname, '../../../../..', 'shared', 'scan-samples');
const MAX_BYTES = 50 * 1024 * 1024;

type Histogram = Partial<Record<FindingSeverity, number>>;

interface Counted {
  file: string;
  format: ParsedFinding['format'];
  items: number;
  distinctKeys: number;
  /** distinct pluginID / NVT oid / vul_id of issued findings: one remediation task each. */
  tasks: number;
  /** Distinct keys of informational severity: kept with the notice, not issued as tasks. */
  informational: number;
  hosts?: number;
  /** The README's histogram of the scanner's own levels, mapped to ours. */
  severities: Histogram;
}

// Figures as counted from the XML in shared/scan-samples/README.md.
const POSITIVE: Counted[] = [
  {
    file: 'python-libnessus/nessus_report_local2.nessus',
    format: 'nessus',
    items: 62,
    distinctKeys: 61,
    tasks: 1,
    informational: 60,
    hosts: 1,
    severities: { info: 61, medium: 1 },
  },
  {
    file: 'python-libnessus/nessus_report_localpci.nessus',
    format: 'nessus',
    items: 167,
    distinctKeys: 166,
    tasks: 73,
    informational: 93,
    hosts: 1,
    severities: { info: 94, low: 5, medium: 44, high: 21, critical: 3 },
  },
  {
    file: 'python-libnessus/nessus_report_test_local.nessus',
    format: 'nessus',
    items: 147,
    distinctKeys: 143,
    tasks: 11,
    informational: 115,
    hosts: 2,
    severities: { info: 119, low: 8, medium: 19, critical: 1 },
  },
  {
    file: 'python-libnessus/nessus_report_local_3.nessus',
    format: 'nessus',
    items: 106,
    distinctKeys: 106,
    tasks: 27,
    informational: 71,
    hosts: 3,
    severities: { info: 71, low: 10, medium: 20, high: 3, critical: 2 },
  },
  {
    file: 'dradis-nessus/example_v2.nessus',
    format: 'nessus',
    items: 69,
    distinctKeys: 68,
    tasks: 33,
    informational: 19,
    hosts: 2,
    severities: { info: 19, low: 47, medium: 3 },
  },
  {
    file: 'dradis-openvas/report_v7.xml',
    format: 'openvas',
    items: 6,
    distinctKeys: 6,
    tasks: 5,
    informational: 0,
    hosts: 1,
    severities: { medium: 6 },
  },
  {
    file: 'dradis-openvas/report_v24.xml',
    format: 'openvas',
    items: 1,
    distinctKeys: 1,
    tasks: 1,
    informational: 0,
    hosts: 1,
    severities: { medium: 1 },
  },
  {
    file: 'openvasreporting/airplay.xml',
    format: 'openvas',
    items: 37,
    distinctKeys: 36,
    tasks: 7,
    informational: 29,
    hosts: 1,
    severities: { high: 2, info: 29, low: 3, medium: 3 },
  },
  {
    file: 'svmp/engine-weakpwd-scan-result.xml',
    format: 'rsas',
    items: 9,
    distinctKeys: 9,
    tasks: 4,
    informational: 0,
    severities: { medium: 9 },
  },
  {
    file: 'svmp/reference-report_by_vul.xml',
    format: 'rsas',
    items: 2,
    distinctKeys: 2,
    tasks: 2,
    informational: 0,
    hosts: 1,
    severities: { low: 1, high: 1 },
  },
  {
    file: 'svmp/reference-report_by_sys.xml',
    format: 'rsas',
    items: 1,
    distinctKeys: 1,
    tasks: 1,
    informational: 0,
    hosts: 1,
    severities: { high: 1 },
  },
  {
    file: 'svmp/reference-report_by_pwd.xml',
    format: 'rsas',
    items: 1,
    distinctKeys: 1,
    tasks: 1,
    informational: 0,
    hosts: 1,
    severities: { medium: 1 },
  },
  {
    // risk_points 1:9, 2:2, 3:4 (低), 5:1 (中), 8:15, 9:4 (高)
    file: 'svmp/reference-report_by_web.xml',
    format: 'rsas',
    items: 35,
    distinctKeys: 17,
    tasks: 17,
    informational: 0,
    hosts: 1,
    severities: { low: 15, medium: 1, high: 19 },
  },
  {
    // Its one scanned vul_id has no vuln_detail entry: a finding without a level, so info, kept
    // with the notice rather than issued.
    file: 'Nsfocus-RSAS-xml-to-xls/rsas-report-structure.xml',
    format: 'rsas',
    items: 1,
    distinctKeys: 1,
    tasks: 0,
    informational: 1,
    hosts: 1,
    severities: { info: 1 },
  },
];

const NEGATIVE: { file: string; reason: string; words: RegExp }[] = [
  { file: 'python-libnessus/xxxxxxxx.nessus', reason: 'empty_file', words: /文件为空.*empty/ },
  {
    file: 'python-libnessus/nessus_report_test_local.nessus.v1',
    reason: 'nessus_v1',
    words: /Nessus v1.*\(v2\)/,
  },
  {
    file: 'nsfocus-change-scan-xml-into-excel/rsas-v5-index.html',
    reason: 'html_report',
    words: /HTML 网页报告.*HTML report/,
  },
];

function histogram(findings: ParsedFinding[]): Histogram {
  const h: Histogram = {};
  for (const f of findings) h[f.severity] = (h[f.severity] ?? 0) + 1;
  return h;
}

describe('real scanner exports (shared/scan-samples)', () => {
  it.each(POSITIVE)('$file: the README figures', async (c) => {
    const parse = parseReport(resolve(SAMPLES, c.file), { maxBytes: MAX_BYTES });
    const all: ParsedFinding[] = [];
    for await (const f of parse) all.push(f);
    expect(parse.summary).toMatchObject({
      format: c.format,
      itemsRead: c.items,
      findings: c.items,
      distinctKeys: c.distinctKeys,
      compliant: 0,
    });
    expect(histogram(all)).toEqual(c.severities);
    const { findings } = await readReport(resolve(SAMPLES, c.file), { maxBytes: MAX_BYTES });
    expect(findings).toHaveLength(c.distinctKeys);
    expect(groupFindingsIntoTasks(findings)).toHaveLength(c.tasks);
    expect(informationalFindings(findings)).toHaveLength(c.informational);
    if (c.hosts !== undefined) expect(new Set(all.map((f) => f.host)).size).toBe(c.hosts);
    for (const f of all) {
      expect(f.format).toBe(c.format);
      expect(f.vulnerabilityId).not.toBe('');
      expect(f.title).not.toBe('');
      expect(f.host).not.toBe('');
    }
  });

  it('keeps an RSAS web target’s site URL on its findings, and none for host scans', async () => {
    const web = await readReport(resolve(SAMPLES, 'svmp/reference-report_by_web.xml'), {
      maxBytes: MAX_BYTES,
    });
    expect(new Set(web.findings.map((f) => f.url))).toEqual(new Set(['http://www.testfire.net/']));
    const hosts = await readReport(resolve(SAMPLES, 'svmp/reference-report_by_sys.xml'), {
      maxBytes: MAX_BYTES,
    });
    expect(new Set(hosts.findings.map((f) => f.url))).toEqual(new Set([null]));
  });

  it.each(NEGATIVE)('$file: refused ($reason)', async ({ file, reason, words }) => {
    const refused = readReport(resolve(SAMPLES, file), { maxBytes: MAX_BYTES });
    await expect(refused).rejects.toMatchObject({
      code: 'validation_failed',
      refusal: { reason },
      message: expect.stringMatching(words),
    });
  });
});
