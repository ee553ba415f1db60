import { ReportRefusedError } from '../report-refused.error';
import { type ParsedFinding, type FindingSeverity } from '../security-finding.types';
import { XML_ROOTS } from './report-format.detector';
import { numberOrNull, portOrNull, scanFinding } from './scan-finding.builder';
import { firstField, type XmlFormatReader, type XmlRecord } from './xml-records.reader';

/** Nessus `severity` attribute (0–4). */
const NESSUS_SEVERITY: Readonly<Record<string, FindingSeverity>> = {
  '4': 'critical',
  '3': 'high',
  '2': 'medium',
  '1': 'low',
  '0': 'info',
};

/**
 * Nessus v2 (`NessusClientData_v2`): one finding per ReportHost/ReportItem. The host is the
 * HostProperties `host-ip`, else the ReportHost name, else `host-fqdn` (properties come first).
 */
export function nessusReader(emit: (f: ParsedFinding) => void): XmlFormatReader {
  let hostName = '';
  let props = new Map<string, string>();
  let itemsRead = 0;
  return {
    roots: XML_ROOTS.nessus,
    get itemsRead() {
      return itemsRead;
    },
    skipped: 0,
    isRecord: (name, parent) =>
      (name === 'ReportItem' && parent === 'ReportHost') ||
      (name === 'tag' && parent === 'HostProperties'),
    onOpen(name, attrs) {
      if (name !== 'ReportHost') return;
      hostName = attrs.name ?? '';
      props = new Map();
    },
    onRecord(r: XmlRecord) {
      if (r.name === 'tag') {
        props.set(r.attrs.name ?? '', r.text);
        return;
      }
      itemsRead++;
      const a = r.attrs;
      const severity = NESSUS_SEVERITY[a.severity ?? ''];
      if (!severity) {
        throw new ReportRefusedError({
          reason: 'unknown_severity',
          field: 'ReportItem@severity',
          value: a.severity ?? '',
          line: r.line,
          column: r.column,
        });
      }
      const host = props.get('host-ip') || hostName || props.get('host-fqdn') || '';
      const port = portOrNull(a.port);
      const protocol = (a.protocol ?? '').toLowerCase() || null;
      const pluginId = a.pluginID ?? '';
      const solution = firstField(r, 'solution');
      emit(
        scanFinding({
          format: 'nessus',
          vulnerabilityId: pluginId,
          title: a.pluginName || firstField(r, 'plugin_name') || `Nessus ${pluginId}`,
          severity,
          host,
          port,
          protocol,
          service: a.svc_name || null,
          cves: r.fields.get('cve') ?? [],
          cvss:
            numberOrNull(firstField(r, 'cvss3_base_score')) ??
            numberOrNull(firstField(r, 'cvss_base_score')),
          solution: solution === 'n/a' ? '' : solution,
          evidence: firstField(r, 'plugin_output'),
        }),
      );
    },
  };
}
