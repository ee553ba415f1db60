/**
 * Reading security reports (Nessus v2, OpenVAS/GVM, NSFOCUS RSAS XML; MLPS / crypto-assessment XLSX or CSV) into
 * ParsedFinding (@luyue/domain). No database here: the caller stores what it is given.
 *
 *   const parse = parseReport(pathOrStreamOrBytes, { maxBytes, format?, totalBytes?, onProgress });
 *   for await (const finding of parse) { … }   // file order, repeats included, streamed
 *   parse.summary                              // { format, itemsRead, findings, distinctKeys, compliant, skipped }
 *
 *   const { summary, findings } = await readReport(source, { maxBytes });  // in memory, deduplicated
 *
 * A bad file is refused whole: the iteration throws ReportRefusedError (@luyue/domain, a
 * DomainError 'validation_failed' whose `details.refusal` names the reason and the line/column
 * or row/column). `detectReportFormat(firstBytes)` tells the format from content alone;
 * `buildFindingTemplate('mlps' | 'crypto')` writes the XLSX sheet assessors fill in.
 */
export * from './report-parse.types';
export { parseReport, readReport, ReportParse } from './report.parser';
export {
  parseReportInThread,
  type ThreadedReportParse,
  type ThreadParseOptions,
} from './report-parse.thread-client';
export { detectReportFormat, DETECTION_BYTES, type DetectedReport } from './report-format.detector';
export { buildFindingTemplate, type FindingTemplateKind } from './finding-template.builder';
export {
  SHEET_COLUMNS,
  SHEET_RISK_LEVELS,
  sheetHeader,
  type SheetColumn,
  type SheetField,
} from './sheet.columns';
export { parseOpenvasPort } from './openvas.parser';
export { rsasSeverity } from './rsas.parser';
