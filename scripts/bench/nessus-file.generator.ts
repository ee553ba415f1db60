import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export interface NessusFileShape {
  hosts: number;
  plugins: number;
  /** Characters of plugin output per item (Nessus writes a few hundred to a few thousand). */
  outputChars?: number;
}

export interface GeneratedNessusFile {
  bytes: number;
  /** ReportItems written: hosts × plugins, plus one repeated Service Detection per host. */
  items: number;
  /** Distinct pluginID + host + port + protocol. */
  distinctKeys: number;
}

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const PORTS = [
  [22, 'ssh'],
  [80, 'www'],
  [443, 'www'],
  [445, 'cifs'],
  [1433, 'mssql'],
  [3306, 'mysql'],
  [0, 'general'],
] as const;

function hostXml(h: number): string {
  const ip = `10.${(h >> 16) & 255}.${(h >> 8) & 255}.${h & 255}`;
  return `<ReportHost name="${ip}"><HostProperties>
<tag name="HOST_END">Tue Jan  7 08:40:01 2014</tag>
<tag name="operating-system">Microsoft Windows Server 2012 R2</tag>
<tag name="host-fqdn">his-${h}.hospital.local</tag>
<tag name="host-ip">${ip}</tag>
</HostProperties>
`;
}

function itemXml(pluginId: number, p: number, output: string): string {
  const [port, svc] = PORTS[p % PORTS.length];
  const severity = p % 5;
  const cves =
    severity >= 2 ? `<cve>CVE-2024-${10000 + p}</cve>\n<cve>CVE-2023-${20000 + p}</cve>\n` : '';
  return `<ReportItem port="${port}" svc_name="${svc}" protocol="tcp" severity="${severity}" pluginID="${pluginId}" pluginName="Synthetic check ${pluginId} &lt;${svc}&gt;" pluginFamily="General">
<description>The remote service is affected by issue ${pluginId}.</description>
${cves}<cvss_base_score>${(severity * 2.4).toFixed(1)}</cvss_base_score>
${severity >= 3 ? `<cvss3_base_score>${(severity * 2.3).toFixed(1)}</cvss3_base_score>\n` : ''}<risk_factor>${['None', 'Low', 'Medium', 'High', 'Critical'][severity]}</risk_factor>
<solution>Upgrade to the latest version.</solution>
<synopsis>Synthetic finding.</synopsis>
<plugin_output>${escape(output)}</plugin_output>
</ReportItem>
`;
}

/**
 * Writes a Nessus v2 file of `hosts` × `plugins` ReportItems with plugin output to `path`,
 * streamed (backpressure respected), so a 100 MB file needs no 100 MB string.
 */
export async function writeNessusFile(
  path: string,
  shape: NessusFileShape,
): Promise<GeneratedNessusFile> {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const outputChars = shape.outputChars ?? 1500;
  const line =
    'Installed version : 2.4.6 / Fixed version : 2.4.58 / Path : C:\\Program Files\\App\n';
  const output = line.repeat(Math.ceil(outputChars / line.length)).slice(0, outputChars);
  await write(
    `<?xml version="1.0" ?>\n<NessusClientData_v2>\n<Report name="bench" xmlns:cm="http://www.nessus.org/cm">\n`,
  );
  for (let h = 0; h < shape.hosts; h++) {
    await write(hostXml(h + 1));
    for (let p = 0; p < shape.plugins; p++) await write(itemXml(100000 + p, p, output));
    // Real files repeat Service Detection (22964) on the same port.
    await write(itemXml(22964, 1, output) + itemXml(22964, 1, `${output}\nagain`));
    await write('</ReportHost>\n');
  }
  await write('</Report>\n</NessusClientData_v2>\n');
  out.end();
  await once(out, 'finish');
  return {
    bytes: out.bytesWritten,
    items: shape.hosts * (shape.plugins + 2),
    distinctKeys: shape.hosts * (shape.plugins + 1),
  };
}
