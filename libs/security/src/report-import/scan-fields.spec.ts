import { resolve } from 'node:path';
import type { ParsedFinding } from '../security-finding.types';
import { parseOpenvasPort } from './openvas.parser';
import { readReport } from './report.parser';
import { rsasSeverity } from './rsas.parser';

const SAMPLES = resolve(__dirname, '../../../../..', 'shared', 'scan-samples');
const read = async (file: string) =>
  (await readReport(resolve(SAMPLES, file), { maxBytes: 10 * 1024 * 1024 })).findings;
const readXml = async (xml: string) =>
  (await readReport(Buffer.from(xml), { maxBytes: 1024 * 1024 })).findings;
const one = (findings: ParsedFinding[], pick: (f: ParsedFinding) => boolean) => {
  const found = findings.filter(pick);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('Nessus v2 fields', () => {
  it('reads plugin, port, CVEs, CVSS, solution and the host-ip', async () => {
    const f = one(
      await read('python-libnessus/nessus_report_local_3.nessus'),
      (x) => x.vulnerabilityId === '58662',
    );
    expect(f).toMatchObject({
      format: 'nessus',
      title: 'Samba 3.x < 3.6.4 / 3.5.14 / 3.4.16 RPC Multiple Buffer Overflows',
      severity: 'critical',
      port: 445,
      protocol: 'tcp',
      service: 'cifs',
      cves: ['CVE-2012-1182'],
      cvss: 10,
      layer: null,
      target: null,
    });
    expect(['192.168.2.100', '192.168.2.101', '192.168.2.104']).toContain(f.host);
    expect(f.key).toBe(`nessus:58662|${f.host}|445|tcp`);
    expect(f.solution).toMatch(/^Either install the appropriate patch/);
  });

  it('makes the repeated Service Detection item (22964) one finding', async () => {
    const findings = await read('python-libnessus/nessus_report_local2.nessus');
    const f = one(findings, (x) => x.key === 'nessus:22964|127.0.0.1|8834|tcp');
    expect(f.evidence).toMatch(/web server/i);
  });

  it('prefers the CVSS v3 score, reads port 0 as no port, and names a nameless plugin', async () => {
    const findings = await readXml(
      `<NessusClientData_v2><Report><ReportHost name="db.example"><HostProperties><tag name="host-fqdn">db.example</tag></HostProperties>
      <ReportItem port="0" protocol="TCP" severity="3" pluginID="9" pluginName=""><cvss_base_score>5.0</cvss_base_score><cvss3_base_score>7.5</cvss3_base_score><cve>CVE-1</cve><cve>CVE-1</cve><solution>n/a</solution></ReportItem>
      </ReportHost></Report></NessusClientData_v2>`,
    );
    expect(findings[0]).toMatchObject({
      host: 'db.example',
      port: null,
      protocol: 'tcp',
      cvss: 7.5,
      cves: ['CVE-1'],
      solution: '',
      title: 'Nessus 9',
      key: 'nessus:9|db.example||tcp',
    });
  });
});

describe('OpenVAS / GVM fields', () => {
  it.each([
    ['443/tcp', { port: 443, protocol: 'tcp', service: null }],
    ['microsoft-ds (445/tcp)', { port: 445, protocol: 'tcp', service: 'microsoft-ds' }],
    ['general/tcp', { port: null, protocol: 'tcp', service: null }],
    ['general/CPE-T', { port: null, protocol: 'CPE-T', service: null }],
  ])('port %s', (text, expected) => {
    expect(parseOpenvasPort(text)).toEqual(expected);
  });

  it('reads threat, CVE list, CVSS and the port with its service name', async () => {
    const findings = await read('openvasreporting/airplay.xml');
    const f = one(findings, (x) => x.vulnerabilityId === '1.3.6.1.4.1.25623.1.0.902269');
    expect(f).toMatchObject({
      host: '10.0.1.1',
      port: 445,
      protocol: 'tcp',
      service: 'microsoft-ds',
      severity: 'high',
      cvss: 10,
      cves: ['CVE-2010-0020', 'CVE-2010-0021', 'CVE-2010-0022', 'CVE-2010-0231'],
    });
    const open = findings.filter((x) => x.vulnerabilityId === '0');
    expect(open.length).toBeGreaterThan(1);
    expect(open.every((x) => x.title === 'Open port.' && x.severity === 'info')).toBe(true);
    one(findings, (x) => x.key === 'openvas:1.3.6.1.4.1.25623.1.0.90011|10.0.1.1||SMBClient');
  });

  it('takes the host address over its hostname, and the solution out of the tags', async () => {
    const [f] = await read('dradis-openvas/report_v24.xml');
    expect(f).toMatchObject({
      host: '188.111.11.85',
      port: 80,
      service: 'http',
      cves: ['CVE-2003-1418'],
    });
    expect(f.solution).toMatch(/^OpenBSD has released a patch/);
    expect(f.evidence).toMatch(/Inode: 1050855/);
  });

  it('skips False Positive results and reads GVM refs and solution elements', async () => {
    const result = (threat: string, oid: string) =>
      `<result><host>10.0.0.2</host><port>22/tcp</port><nvt oid="${oid}"><name>n${oid}</name><solution>upgrade</solution><refs><ref type="cve" id="CVE-2020-1"/><ref type="url" id="http://x"/></refs></nvt><threat>${threat}</threat><severity>9.8</severity><detection><result id="d"><details/></result></detection></result>`;
    const { summary, findings } = await readReport(
      Buffer.from(
        `<report><report><results>${result('Critical', '1')}${result('False Positive', '2')}</results></report></report>`,
      ),
      { maxBytes: 100_000 },
    );
    expect(summary).toMatchObject({ itemsRead: 2, skipped: 1, findings: 1 });
    expect(findings[0]).toMatchObject({
      severity: 'critical',
      cvss: 9.8,
      cves: ['CVE-2020-1'],
      solution: 'upgrade',
    });
  });
});

describe('绿盟 RSAS fields', () => {
  it.each([
    [0, 'low'],
    [3.9, 'low'],
    [4, 'medium'],
    [6.9, 'medium'],
    [7, 'high'],
    [10, 'high'],
  ])('risk_points %s is %s', (points, severity) => {
    expect(rsasSeverity(points)).toBe(severity);
  });

  it('joins scanned entries with their details by vul_id', async () => {
    const findings = await read('svmp/reference-report_by_vul.xml');
    expect(one(findings, (x) => x.vulnerabilityId === '77012')).toMatchObject({
      title: 'OpenSSH 安全限制绕过漏洞(CVE-2016-10012)',
      severity: 'high',
      host: '10.65.195.204',
      port: 22,
      protocol: 'tcp',
      service: 'ssh',
      cves: ['CVE-2016-10012'],
      cvss: null,
      evidence: 'OpenSSH/4.3',
      key: 'rsas:77012|10.65.195.204|22|tcp',
    });
    const icmp = one(findings, (x) => x.vulnerabilityId === '50638');
    expect(icmp).toMatchObject({
      port: null,
      protocol: 'icmp',
      severity: 'low',
      cves: ['CVE-1999-0524'],
    });
    expect(icmp.evidence).toBe('初始时间戳：00000000\n接收时间戳：001d9094\n传递时间戳：001d9094');
  });

  it('reads a web task: the site host, its port, and each URL as evidence', async () => {
    const findings = await read('svmp/reference-report_by_web.xml');
    expect(findings.every((f) => f.host === 'www.testfire.net' && f.port === 80)).toBe(true);
    const f = one(findings, (x) => x.vulnerabilityId === '1000119');
    expect(f).toMatchObject({ protocol: 'tcp', service: 'http', severity: 'high' });
    expect(f.evidence).toContain('http://www.testfire.net/index.jsp?content=inside_about.htm');
    expect(f.evidence).toContain('http://www.testfire.net/search.jsp?query=atestu');
  });

  it('keeps a scanned vul_id without a detail entry', async () => {
    const [f] = await read('Nsfocus-RSAS-xml-to-xls/rsas-report-structure.xml');
    expect(f).toMatchObject({
      vulnerabilityId: '72325',
      title: 'RSAS 72325',
      severity: 'info',
      port: 443,
    });
  });

  it('joins details that come after all targets', async () => {
    const findings = await readXml(
      `<aurora><data><report><targets>
        <target><vuln_scanned><vuln><port>80</port><vul_id>1</vul_id><protocol>TCP</protocol></vuln></vuln_scanned><ip>10.0.0.9</ip></target>
        <target><ip>10.0.0.8</ip><vuln_scanned><vuln><port>80</port><vul_id>1</vul_id><protocol>TCP</protocol></vuln></vuln_scanned></target>
      </targets><vuln_detail><vuln><vul_id>1</vul_id><name>旧版本</name><risk_points>4.5</risk_points><cve_id>CVE-9, CVE-10</cve_id></vuln></vuln_detail></report></data></aurora>`,
    );
    expect(findings.map((f) => [f.host, f.title, f.severity, f.cves])).toEqual([
      ['10.0.0.9', '旧版本', 'medium', ['CVE-9', 'CVE-10']],
      ['10.0.0.8', '旧版本', 'medium', ['CVE-9', 'CVE-10']],
    ]);
  });
});
