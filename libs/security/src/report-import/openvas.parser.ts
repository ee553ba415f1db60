import { ReportRefusedError } from '../report-refused.error';
import { type ParsedFinding, type FindingSeverity } from '../security-finding.types';
import { XML_ROOTS } from './report-format.detector';
import { numberOrNull, scanFinding } from './scan-finding.builder';
import { firstField, type XmlFormatReader, type XmlRecord } from './xml-records.reader';

/** OpenVAS/GVM `threat`; a False Positive is the scanner saying it is not a finding. */
const OPENVAS_THREAT: Readonly<Record<string, FindingSeverity | 'skip'>> = {
  Critical: 'critical',
  High: 'high',
  Medium: 'medium',
  Low: 'low',
  Log: 'info',
  Debug: 'info',
  'False Positive': 'skip',
};

/**
 * GVM's severity classes of a CVSS score, for a result whose `threat` is empty: 0 is Log, 0.1–3.9
 * Low, 4.0–6.9 Medium, 7.0–10.0 High, of which 9.0 and above is Critical in Greenbone's current
 * classes (the `Critical` threat above, and Nessus' 4). A negative score (GVM's False Positive
 * -1, Error -3) or none leaves the result unknown.
 */
export function gvmSeverityOfScore(score: number | null): FindingSeverity | null {
  if (score === null || score < 0 || score > 10) return null;
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

export interface OpenvasPort {
  port: number | null;
  protocol: string | null;
  service: string | null;
}

/** `443/tcp`, `microsoft-ds (445/tcp)`, `general/tcp`, `general/CPE-T`. */
export function parseOpenvasPort(text: string): OpenvasPort {
  const s = text.trim();
  const named = /^(.*?)\s*\((\d+)\/([^)\s]+)\)$/.exec(s);
  if (named) return { port: Number(named[2]), protocol: named[3], service: named[1] || null };
  const plain = /^(\d+)\/(\S+)$/.exec(s);
  if (plain) return { port: Number(plain[1]) || null, protocol: plain[2], service: null };
  const general = /^general\/(\S+)$/.exec(s);
  if (general) return { port: null, protocol: general[1], service: null };
  return { port: null, protocol: s || null, service: null };
}

/** `solution=…` out of the NVT's `tags` (name=value pairs joined by `|`). */
const tagValue = (tags: string, name: string): string =>
  tags
    .split('|')
    .find((t) => t.startsWith(`${name}=`))
    ?.slice(name.length + 1)
    .trim() ?? '';

function cvesOf(r: XmlRecord): string[] {
  const listed = (r.fields.get('nvt/cve') ?? []).flatMap((s) => s.split(/[,\s]+/));
  const refs = (r.attrsAt.get('nvt/refs/ref') ?? [])
    .filter((a) => a.type?.toLowerCase() === 'cve')
    .map((a) => a.id ?? '');
  return [...listed, ...refs].filter((c) => /^CVE-/i.test(c));
}

/**
 * OpenVAS / GVM XML (`<report>`): one finding per `results/result` (in `report/results` or the
 * nested `report/report/results`; a result's own `detection/result` is part of it).
 */
export function openvasReader(emit: (f: ParsedFinding) => void): XmlFormatReader {
  let itemsRead = 0;
  let skipped = 0;
  const gaps: Record<string, number> = {};
  return {
    roots: XML_ROOTS.openvas,
    gaps,
    get itemsRead() {
      return itemsRead;
    },
    get skipped() {
      return skipped;
    },
    isRecord: (name, parent) => name === 'result' && parent === 'results',
    onRecord(r) {
      itemsRead++;
      const threat = firstField(r, 'threat');
      const score = numberOrNull(firstField(r, 'severity'));
      // GVM leaves `threat` empty on some results and writes only the score: the score decides,
      // and the summary records how many results it decided.
      const fromScore = threat === '' ? gvmSeverityOfScore(score) : null;
      if (fromScore) gaps['result/threat'] = (gaps['result/threat'] ?? 0) + 1;
      const severity = fromScore ?? OPENVAS_THREAT[threat];
      if (!severity) {
        throw new ReportRefusedError({
          reason: 'unknown_severity',
          field: 'result/threat',
          value: threat,
          line: r.line,
          column: r.column,
        });
      }
      if (severity === 'skip') {
        skipped++;
        return;
      }
      const oid = r.attrsAt.get('nvt')?.[0]?.oid ?? '';
      const description = firstField(r, 'description');
      const { port, protocol, service } = parseOpenvasPort(firstField(r, 'port'));
      const tags = firstField(r, 'nvt/tags');
      emit(
        scanFinding({
          format: 'openvas',
          vulnerabilityId: oid,
          // "Open port" results carry oid 0 and no NVT name: their description says it.
          title: firstField(r, 'nvt/name') || description.split('\n')[0] || oid,
          severity,
          host: firstField(r, 'host') || firstField(r, 'host/hostname'),
          port,
          protocol,
          service,
          cves: cvesOf(r),
          cvss:
            numberOrNull(firstField(r, 'nvt/cvss_base')) ??
            (score !== null && score >= 0 ? score : null),
          solution: firstField(r, 'nvt/solution') || tagValue(tags, 'solution'),
          evidence: description,
        }),
      );
    },
  };
}
