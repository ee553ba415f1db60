import type { ReportFormat } from './security-finding.types';

/** Why a report file was refused whole (nothing of it is imported). */
export type ReportRefusalReason =
  | 'empty_file'
  | 'too_large'
  | 'workbook_too_large'
  | 'too_many_rows'
  | 'unknown_format'
  | 'nessus_v1'
  | 'html_report'
  | 'dtd_refused'
  | 'malformed_xml'
  | 'truncated_xml'
  | 'format_mismatch'
  | 'unknown_severity'
  | 'unreadable_workbook'
  | 'no_header_row'
  | 'missing_column'
  | 'missing_value'
  | 'unknown_risk_level'
  | 'unknown_compliance'
  | 'invalid_character'
  | 'value_too_long'
  | 'value_out_of_range'
  | 'memory_limit';

/** What broke and where: line/column (1-based) in XML, row (1-based) and column letter in sheets. */
export interface ReportRefusal {
  reason: ReportRefusalReason;
  line?: number;
  column?: number;
  row?: number;
  sheetColumn?: string;
  /** XML: the elements open where it broke, outermost first (`NessusClientData_v2/…/ReportItem`). */
  element?: string;
  /** The sheet header (or XML element) concerned. */
  field?: string;
  value?: string;
  /** The underlying parser's own words, e.g. saxes' message. */
  detail?: string;
  limit?: number;
  expected?: ReportFormat;
  found?: ReportFormat;
}
