import {
  isIssuedSeverity,
  LOWEST_ISSUED_SEVERITY,
  SEVERITY_RANK,
  truncateEvidence,
  type ParsedFinding,
  type ReportFormat,
  type FindingSeverity,
} from './security-finding.types';

const higher = (a: FindingSeverity, b: FindingSeverity): FindingSeverity =>
  SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;

/**
 * One finding per key, in first-seen order. Scanners repeat an item (Nessus 22964 reports each
 * detected service again; RSAS web lists one entry per affected URL): the repeats' other evidence
 * and CVEs are kept on the one finding, and its severity is the highest seen.
 */
export function dedupeFindings(findings: Iterable<ParsedFinding>): ParsedFinding[] {
  const byKey = new Map<string, ParsedFinding>();
  for (const f of findings) {
    const seen = byKey.get(f.key);
    if (!seen) {
      byKey.set(f.key, { ...f, cves: [...f.cves] });
      continue;
    }
    seen.severity = higher(seen.severity, f.severity);
    for (const cve of f.cves) if (!seen.cves.includes(cve)) seen.cves.push(cve);
    if (f.evidence && !seen.evidence.includes(f.evidence)) {
      seen.evidence = truncateEvidence(
        seen.evidence ? `${seen.evidence}\n\n${f.evidence}` : f.evidence,
      );
    }
  }
  return [...byKey.values()];
}

/** One asset a task is about: a host's port, or an assessed object. */
export interface FindingAssetLine {
  assetKey: string;
  host: string | null;
  port: number | null;
  protocol: string | null;
  target: string | null;
  severity: FindingSeverity;
  findingKeys: string[];
}

/** One vulnerability (or one control point) to remediate, across the assets it affects. */
export interface FindingTask {
  taskKey: string;
  format: ReportFormat;
  vulnerabilityId: string;
  title: string;
  /** The highest severity of its findings. */
  severity: FindingSeverity;
  assets: FindingAssetLine[];
}

export function assetKeyOf(f: ParsedFinding): string {
  return f.target ?? `${f.host ?? ''}|${f.port ?? ''}|${f.protocol ?? ''}`;
}

/** How an asset line reads: `10.0.0.1:443/tcp`, `10.0.0.1 general/tcp`, or the assessed object. */
export function assetLabelOf(
  f: Pick<ParsedFinding, 'host' | 'port' | 'protocol' | 'target'>,
): string {
  if (f.target !== null) return f.target;
  const proto = f.protocol ?? '';
  return f.port === null
    ? `${f.host ?? ''} general/${proto}`
    : `${f.host ?? ''}:${f.port}/${proto}`;
}

/** The task a finding belongs to: its vulnerability (plugin / NVT / vul_id) or control point. */
export const taskKeyOf = (f: Pick<ParsedFinding, 'format' | 'vulnerabilityId'>): string =>
  `${f.format}:${f.vulnerabilityId}`;

export const taskTitleOf = (f: ParsedFinding): string =>
  f.layer !== null && f.controlPoint !== null ? `${f.layer} / ${f.controlPoint}` : f.title;

/** The findings kept with the notice but not issued as tasks (`isIssuedSeverity`). */
export function informationalFindings(
  findings: Iterable<ParsedFinding>,
  lowestIssued: FindingSeverity = LOWEST_ISSUED_SEVERITY,
): ParsedFinding[] {
  return [...findings].filter((f) => !isIssuedSeverity(f.severity, lowestIssued));
}

/**
 * Remediation tasks of a report: its issued findings grouped by vulnerability (a sheet's by
 * control point, so each assessed object is an asset line and its assessment items are that
 * line's findings). Highest severity first, then by title; asset lines in the order first seen.
 */
export function groupFindingsIntoTasks(
  findings: Iterable<ParsedFinding>,
  lowestIssued: FindingSeverity = LOWEST_ISSUED_SEVERITY,
): FindingTask[] {
  const tasks = new Map<string, FindingTask & { lines: Map<string, FindingAssetLine> }>();
  for (const f of findings) {
    if (!isIssuedSeverity(f.severity, lowestIssued)) continue;
    const taskKey = taskKeyOf(f);
    let task = tasks.get(taskKey);
    if (!task) {
      task = {
        taskKey,
        format: f.format,
        vulnerabilityId: f.vulnerabilityId,
        title: taskTitleOf(f),
        severity: f.severity,
        assets: [],
        lines: new Map(),
      };
      tasks.set(taskKey, task);
    }
    task.severity = higher(task.severity, f.severity);
    const assetKey = assetKeyOf(f);
    let line = task.lines.get(assetKey);
    if (!line) {
      line = {
        assetKey,
        host: f.host,
        port: f.port,
        protocol: f.protocol,
        target: f.target,
        severity: f.severity,
        findingKeys: [],
      };
      task.lines.set(assetKey, line);
      task.assets.push(line);
    }
    line.severity = higher(line.severity, f.severity);
    if (!line.findingKeys.includes(f.key)) line.findingKeys.push(f.key);
  }
  return [...tasks.values()]
    .map(({ lines: _lines, ...task }) => task)
    .sort(
      (a, b) =>
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.title.localeCompare(b.title),
    );
}
