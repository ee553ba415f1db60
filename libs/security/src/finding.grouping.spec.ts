import {
  assetLabelOf,
  dedupeFindings,
  groupFindingsIntoTasks,
  informationalFindings,
} from './finding.grouping';
import { EVIDENCE_LIMIT, scanFindingKey, type ParsedFinding } from './security-finding.types';

function scan(
  id: string,
  host: string,
  port: number | null,
  over: Partial<ParsedFinding> = {},
): ParsedFinding {
  return {
    key: scanFindingKey('nessus', id, host, port, 'tcp'),
    format: 'nessus',
    vulnerabilityId: id,
    title: `plugin ${id}`,
    severity: 'low',
    host,
    port,
    protocol: 'tcp',
    service: null,
    cves: [],
    cvss: null,
    solution: '',
    evidence: '',
    layer: null,
    controlPoint: null,
    item: null,
    target: null,
    compliance: null,
    ...over,
  };
}

describe('dedupeFindings', () => {
  it('keeps one finding per key with the repeats’ evidence, CVEs and highest severity', () => {
    const out = dedupeFindings([
      scan('1', 'a', 80, { evidence: 'one', cves: ['CVE-1'] }),
      scan('2', 'a', 80),
      scan('1', 'a', 80, { evidence: 'two', cves: ['CVE-1', 'CVE-2'], severity: 'high' }),
      scan('1', 'a', 80, { evidence: 'one' }),
    ]);
    expect(out.map((f) => f.key)).toEqual(['nessus:1|a|80|tcp', 'nessus:2|a|80|tcp']);
    expect(out[0]).toMatchObject({
      evidence: 'one\n\ntwo',
      cves: ['CVE-1', 'CVE-2'],
      severity: 'high',
    });
  });

  it('does not change its input and keeps merged evidence within the limit', () => {
    const first = scan('1', 'a', 80, { evidence: 'x'.repeat(EVIDENCE_LIMIT) });
    const out = dedupeFindings([first, scan('1', 'a', 80, { evidence: 'y' })]);
    expect(first.evidence).toHaveLength(EVIDENCE_LIMIT);
    expect(out[0].evidence.length).toBeLessThan(EVIDENCE_LIMIT + 40);
    expect(out[0].evidence).toMatch(/truncated/);
  });
});

describe('groupFindingsIntoTasks', () => {
  it('one task per vulnerability, its severity the highest, one line per host and port', () => {
    const tasks = groupFindingsIntoTasks([
      scan('1', '10.0.0.1', 443, { severity: 'medium' }),
      scan('1', '10.0.0.2', 443, { severity: 'critical' }),
      scan('1', '10.0.0.1', null, { severity: 'low' }),
      scan('2', '10.0.0.1', 22, { severity: 'high', title: 'ssh' }),
      scan('3', '10.0.0.1', 22, { severity: 'info', title: 'banner' }),
    ]);
    expect(tasks.map((t) => [t.vulnerabilityId, t.severity, t.assets.length])).toEqual([
      ['1', 'critical', 3],
      ['2', 'high', 1],
    ]);
    expect(tasks[0].assets.map(assetLabelOf)).toEqual([
      '10.0.0.1:443/tcp',
      '10.0.0.2:443/tcp',
      '10.0.0.1 general/tcp',
    ]);
  });

  it('an informational finding is kept aside, not issued as a task', () => {
    const findings = [
      scan('1', '10.0.0.1', 443, { severity: 'low' }),
      scan('10287', '10.0.0.1', null, { severity: 'info', title: 'Traceroute Information' }),
    ];
    expect(groupFindingsIntoTasks(findings).map((t) => t.vulnerabilityId)).toEqual(['1']);
    expect(informationalFindings(findings).map((f) => f.vulnerabilityId)).toEqual(['10287']);
  });

  it('issues from the notice’s own lowest severity when it names one', () => {
    const findings = [
      scan('1', '10.0.0.1', 443, { severity: 'low' }),
      scan('2', '10.0.0.1', 22, { severity: 'medium' }),
    ];
    expect(groupFindingsIntoTasks(findings, 'medium').map((t) => t.vulnerabilityId)).toEqual(['2']);
    expect(informationalFindings(findings, 'medium').map((f) => f.vulnerabilityId)).toEqual(['1']);
    expect(groupFindingsIntoTasks(findings, 'info')).toHaveLength(2);
  });

  it('a sheet task is a control point; each 测评对象 a line holding its 测评项', () => {
    const sheet = (item: string, target: string): ParsedFinding => ({
      ...scan('x', '', null),
      key: `mlps_sheet:L|C|${item}|${target}`,
      format: 'mlps_sheet',
      vulnerabilityId: 'L/C',
      host: null,
      protocol: null,
      layer: 'L',
      controlPoint: 'C',
      item,
      target,
    });
    const [task, ...rest] = groupFindingsIntoTasks([
      sheet('a', 'HIS'),
      sheet('b', 'HIS'),
      sheet('a', 'EMR'),
    ]);
    expect(rest).toEqual([]);
    expect(task.title).toBe('L / C');
    expect(task.assets.map((a) => [assetLabelOf(a), a.findingKeys.length])).toEqual([
      ['HIS', 2],
      ['EMR', 1],
    ]);
  });
});
