import type { ParsedFinding, FindingSeverity } from '../security-finding.types';
import { XML_ROOTS } from './report-format.detector';
import { numberOrNull, portOrNull, scanFinding } from './scan-finding.builder';
import { firstField, type XmlFormatReader, type XmlRecord } from './xml-records.reader';

/** NSFOCUS risk_points (0–10): low < 4 ≤ medium < 7 ≤ high. */
export function rsasSeverity(riskPoints: number): FindingSeverity {
  return riskPoints >= 7 ? 'high' : riskPoints >= 4 ? 'medium' : 'low';
}

interface RsasDetail {
  name: string;
  riskPoints: number | null;
  solution: string;
  cves: string[];
}

/** A `vuln_scanned/vuln`, compact, until its `vuln_detail` entry is known. */
interface RsasScanned {
  vulId: string;
  host: string;
  port: number | null;
  protocol: string | null;
  service: string | null;
  evidence: string;
  url: string | null;
}

interface RsasTarget {
  host: string;
  /** A web task's site: its scheme and port stand in for the scanned entry's empty ones. */
  site: URL | null;
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

function siteOf(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

// RSAS writes line breaks in mess_string as the two characters `\n`.
const unescapeNewlines = (s: string): string => s.replace(/\\r\\n|\\n/g, '\n');

function scannedOf(r: XmlRecord, target: RsasTarget): RsasScanned {
  const url = firstField(r, 'url');
  const mess = unescapeNewlines(firstField(r, 'mess_string')).trim();
  const site = target.site;
  const sitePort = site ? Number(site.port) || DEFAULT_PORTS[site.protocol] || null : null;
  return {
    vulId: firstField(r, 'vul_id'),
    host: target.host,
    port: portOrNull(firstField(r, 'port')) ?? sitePort,
    protocol: firstField(r, 'protocol').toLowerCase() || (site ? 'tcp' : null),
    service: firstField(r, 'service') || (site ? site.protocol.replace(':', '') : null),
    evidence: url ? `${url}\n${mess}`.trim() : mess,
    url: site ? site.href : null,
  };
}

function detailOf(r: XmlRecord): RsasDetail {
  return {
    name: firstField(r, 'name'),
    riskPoints: numberOrNull(firstField(r, 'risk_points')),
    solution: firstField(r, 'solution'),
    cves: (r.fields.get('cve_id') ?? []).flatMap((s) => s.split(/[,;\s]+/)),
  };
}

function findingOf(s: RsasScanned, d: RsasDetail | undefined): ParsedFinding {
  return scanFinding({
    format: 'rsas',
    vulnerabilityId: s.vulId,
    // A scanned vul_id without a detail entry is still a finding; the report says no more.
    title: d?.name || `RSAS ${s.vulId}`,
    severity: d?.riskPoints != null ? rsasSeverity(d.riskPoints) : 'info',
    host: s.host,
    port: s.port,
    protocol: s.protocol,
    service: s.service,
    cves: d?.cves ?? [],
    cvss: null,
    solution: d?.solution ?? '',
    evidence: s.evidence,
    url: s.url,
  });
}

/**
 * NSFOCUS RSAS XML (`<aurora>`): each `target/vuln_scanned/vuln` joined with `vuln_detail/vuln` by
 * vul_id. Details may sit in each target or after all targets: a target's entries whose detail
 * is known are emitted when the target closes, the rest are held (compact) until the end.
 */
export function rsasReader(emit: (f: ParsedFinding) => void): XmlFormatReader {
  const details = new Map<string, RsasDetail>();
  let target: RsasTarget = { host: '', site: null };
  // A target's scanned entries, read once the target (and so its ip or site) is complete.
  let pending: XmlRecord[] = [];
  const held: RsasScanned[] = [];
  let itemsRead = 0;
  return {
    roots: XML_ROOTS.rsas,
    get itemsRead() {
      return itemsRead;
    },
    skipped: 0,
    isRecord: (name, parent) =>
      (name === 'vuln' && (parent === 'vuln_scanned' || parent === 'vuln_detail')) ||
      ((name === 'ip' || name === 'site') && parent === 'target'),
    onOpen(name) {
      if (name === 'target') target = { host: '', site: null };
    },
    onRecord(r, parent) {
      if (r.name === 'ip') target = { host: r.text, site: null };
      else if (r.name === 'site') {
        const site = siteOf(r.text);
        target = { host: site?.hostname || r.text, site };
      } else if (parent === 'vuln_detail') {
        const vulId = firstField(r, 'vul_id');
        if (!details.has(vulId)) details.set(vulId, detailOf(r));
      } else {
        itemsRead++;
        pending.push(r);
      }
    },
    onClose(name) {
      if (name !== 'target') return;
      for (const s of pending.map((r) => scannedOf(r, target))) {
        const d = details.get(s.vulId);
        if (d) emit(findingOf(s, d));
        else held.push(s);
      }
      pending = [];
    },
    onEnd() {
      const rest = [...held, ...pending.map((r) => scannedOf(r, target))];
      for (const s of rest) emit(findingOf(s, details.get(s.vulId)));
    },
  };
}
