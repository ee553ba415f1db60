import type {
  ReportRefusal,
  ReportRefusalReason,
  ImportStatus,
  NoticeSource,
  Compliance,
  ReportFormat,
  FindingSeverity,
} from '@luyue/security/definitions';
// zh-CN wording of findings on pages, in mail and in the finding templates.
export const SEVERITY_LABELS: Readonly<Record<FindingSeverity, string>> = {
  critical: '严重',
  high: '高',
  medium: '中',
  low: '低',
  info: '信息',
};

/** A notice's lowest issued severity as its choice reads: that level and above. */
export const issuedFromLabel = (severity: FindingSeverity): string =>
  severity === 'critical' ? SEVERITY_LABELS.critical : `${SEVERITY_LABELS[severity]}及以上`;

/** NSFOCUS, the maker of the RSAS scanner, as its reports and users name it. */
export const RSAS_VENDOR_NAME = '绿盟';

/** The two assessments by their short names: 等保 (GB/T 22239/28448) and 密评 (GB/T 39786). */
export const ASSESSMENT_NAMES: Readonly<Record<Extract<NoticeSource, 'mlps' | 'crypto'>, string>> =
  {
    mlps: '等保',
    crypto: '密评',
  };

export const REPORT_FORMAT_LABELS: Readonly<Record<ReportFormat, string>> = {
  nessus: 'Nessus 扫描报告',
  openvas: 'OpenVAS/GVM 扫描报告',
  rsas: `${RSAS_VENDOR_NAME} RSAS 扫描报告`,
  mlps_sheet: '等保测评问题清单',
  crypto_sheet: '密评问题清单',
};

export const COMPLIANCE_LABELS: Readonly<Record<Compliance, string>> = {
  compliant: '符合',
  partial: '部分符合',
  non_compliant: '不符合',
  not_applicable: '不适用',
};

/** 安全层面 of GB/T 22239-2019 (等保 2.0), in the standard's order. */
export const MLPS_LAYERS: readonly string[] = [
  '安全物理环境',
  '安全通信网络',
  '安全区域边界',
  '安全计算环境',
  '安全管理中心',
  '安全管理制度',
  '安全管理机构',
  '安全管理人员',
  '安全建设管理',
  '安全运维管理',
];

/** 层面 of GB/T 39786-2021 (密评), in the standard's order. */
export const CRYPTO_LAYERS: readonly string[] = [
  '物理和环境安全',
  '网络和通信安全',
  '设备和计算安全',
  '应用和数据安全',
  '管理制度',
  '人员管理',
  '建设运行',
  '应急处置',
];

/** The mark ending a finding's evidence that was cut at its limit. */
export const EVIDENCE_TRUNCATED_MARK = '\n…（已截断 / truncated）';

/** The error a finding template's drop-down shows for a value not in its list. */
export function chooseFromListPrompt(choices: readonly string[]): string {
  return `请从列表中选择：${choices.join('、')}`;
}

/** The detail of a refusal that says more than its reason, for whoever reads the record. */
export const REFUSAL_DETAILS = {
  legacyOrEncryptedWorkbook: '.xls / 加密 (encrypted)',
} as const;

type Words = (r: ReportRefusal) => [zh: string, en: string];

const REFUSAL_WORDS: Readonly<Record<ReportRefusalReason, Words>> = {
  empty_file: () => ['文件为空', 'the file is empty'],
  too_large: (r) => [
    `文件超过 ${r.limit} 字节的上限`,
    `the file is larger than the ${r.limit}-byte limit`,
  ],
  workbook_too_large: (r) => [
    `Excel 文件解压后超过 ${r.limit} 字节的上限`,
    `the workbook unzips to more than the ${r.limit}-byte limit`,
  ],
  too_many_rows: (r) => [`表格超过 ${r.limit} 行的上限`, `the sheet has more than ${r.limit} rows`],
  unknown_format: (r) => [
    `无法识别的报告格式${r.detail ? `（${r.detail}）` : ''}，支持 Nessus v2、OpenVAS/GVM XML、绿盟 RSAS XML、等保/密评问题清单（XLSX/CSV）`,
    `not a recognised report${r.detail ? ` (${r.detail})` : ''}; accepted: Nessus v2, OpenVAS/GVM XML, NSFOCUS RSAS XML, MLPS/crypto assessment sheets (XLSX/CSV)`,
  ],
  nessus_v1: () => [
    '这是 Nessus v1 格式（NessusClientData），请在 Nessus 中导出 .nessus（v2）格式',
    'this is a Nessus v1 file (NessusClientData); export the scan as .nessus (v2)',
  ],
  html_report: () => [
    '这是 HTML 网页报告，请导出 XML 格式的报告',
    'this is an HTML report; export the report as XML instead',
  ],
  dtd_refused: () => [
    '报告含 DTD 或实体声明（<!DOCTYPE>/<!ENTITY>），出于安全原因拒绝',
    'the report declares a DTD or entities (<!DOCTYPE>/<!ENTITY>), which are refused for safety',
  ],
  // The XML parser's own words stay in `detail` for whoever reads the refusal record; the
  // message says what and where in ours.
  malformed_xml: () => ['XML 格式错误', 'malformed XML'],
  truncated_xml: () => [
    'XML 不完整，文件可能被截断',
    'the XML ends early; the file may be truncated',
  ],
  format_mismatch: (r) => [
    `文件内容是${r.found ? REPORT_FORMAT_LABELS[r.found] : '未知格式'}，不是所选的${r.expected ? REPORT_FORMAT_LABELS[r.expected] : ''}`,
    `the file is ${r.found ?? 'unknown'}, not the ${r.expected ?? ''} that was chosen`,
  ],
  unknown_severity: (r) => [
    `无法识别的风险级别「${r.value ?? ''}」（${r.field ?? ''}）`,
    `unknown severity "${r.value ?? ''}" (${r.field ?? ''})`,
  ],
  // Never the zip or XML library's words ("Bug : uncompressed data size mismatch").
  unreadable_workbook: () => ['无法读取 Excel 文件', 'the workbook cannot be read'],
  no_header_row: () => [
    '未找到表头行（应含「层面」「测评对象」「风险等级」等列）',
    'no header row found (expected columns such as 层面, 测评对象, 风险等级)',
  ],
  missing_column: (r) => [
    `缺少必需的列「${r.field ?? ''}」`,
    `the required column "${r.field ?? ''}" is missing`,
  ],
  missing_value: (r) => [`「${r.field ?? ''}」不能为空`, `"${r.field ?? ''}" must not be empty`],
  unknown_risk_level: (r) => [
    `「风险等级」的值「${r.value ?? ''}」无法识别，应为 高/中/低`,
    `unknown 风险等级 "${r.value ?? ''}"; expected 高/中/低`,
  ],
  unknown_compliance: (r) => [
    `「符合程度」的值「${r.value ?? ''}」无法识别，应为 符合/部分符合/不符合/不适用`,
    `unknown 符合程度 "${r.value ?? ''}"; expected 符合/部分符合/不符合/不适用`,
  ],
  invalid_character: (r) => [
    `「${r.field ?? ''}」含有不允许的控制字符（如 NUL）`,
    `"${r.field ?? ''}" holds a control character that is not allowed (such as NUL)`,
  ],
  value_too_long: (r) => [
    `「${r.field ?? ''}」超过 ${r.limit} 个字符的上限`,
    `"${r.field ?? ''}" is longer than the ${r.limit}-character limit`,
  ],
  value_out_of_range: (r) => [
    `「${r.field ?? ''}」的值「${r.value ?? ''}」超出允许范围`,
    `"${r.field ?? ''}" has the value "${r.value ?? ''}", outside the allowed range`,
  ],
  memory_limit: (r) => [
    `读取该文件所需内存超过 ${r.limit} MB 的上限`,
    `reading the file needs more than the ${r.limit} MB memory limit`,
  ],
};

function where(r: ReportRefusal): [zh: string, en: string] | null {
  if (r.line !== undefined) {
    // The innermost open element names the place; the whole path stays in the refusal.
    const element = r.element?.split('/').pop();
    return [
      `第 ${r.line} 行第 ${r.column ?? 1} 列${element ? `，元素 ${element}` : ''}`,
      `line ${r.line}, column ${r.column ?? 1}${element ? `, element ${element}` : ''}`,
    ];
  }
  if (r.row !== undefined) {
    const col = r.sheetColumn ? ` ${r.sheetColumn} 列` : '';
    return [
      `第 ${r.row} 行${col}`,
      `row ${r.row}${r.sheetColumn ? `, column ${r.sheetColumn}` : ''}`,
    ];
  }
  return null;
}

/** The one wording of a refusal: zh-CN, then English, each naming where it broke. */
export function reportRefusalMessage(r: ReportRefusal): string {
  const [zh, en] = REFUSAL_WORDS[r.reason](r);
  const at = where(r);
  return at
    ? `报告被拒绝（${at[0]}）：${zh} / Report refused (${at[1]}): ${en}`
    : `报告被拒绝：${zh} / Report refused: ${en}`;
}

/**
 * An import ended by data the database would not take although the parser let it through: a
 * fault of ours, said without the database's own words (its code is kept for the logs).
 */
export function importDataFailureMessage(code: string): string {
  return `导入失败：文件中的数据无法保存（数据库错误 ${code}），请联系管理员 / Import failed: the file's data could not be stored (database error ${code}); please contact the administrator`;
}

export const NOTICE_SOURCE_LABELS: Readonly<Record<NoticeSource, string>> = {
  mlps: '等保测评',
  crypto: '密评',
  vuln_scan: '漏洞扫描',
  pentest: '渗透测试',
};

export const IMPORT_STATUS_LABELS: Readonly<Record<ImportStatus, string>> = {
  queued: '排队中',
  parsing: '解析中',
  issuing: '下发任务中',
  done: '已导入',
  refused: '已拒绝',
  failed: '导入失败',
};
