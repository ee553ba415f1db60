import { COMPLIANCE_LABELS, SEVERITY_LABELS } from '@luyue/domain';
import {
  FINDING_COMPLIANCE,
  sheetFindingKey,
  truncateEvidence,
  type Compliance,
  type ParsedFinding,
  type ReportFormat,
  type FindingSeverity,
  type SheetReportFormat,
} from '../security-finding.types';
import { ReportRefusedError } from '../report-refused.error';
import {
  SHEET_COLUMNS,
  SHEET_MARKERS,
  SHEET_RISK_LEVELS,
  RISK_LEVEL_SUFFIX,
  type SheetColumn,
  type SheetField,
} from './sheet.columns';
import { FINDING_FIELD_LIMITS, hasControlCharacter } from './finding-fields.check';

/** One sheet row as text; `cells[0]` is column A, `row` is 1-based as the spreadsheet shows it. */
export interface SheetRow {
  row: number;
  cells: readonly string[];
}

export interface SheetHeader {
  format: SheetReportFormat;
  row: number;
  /** Column index (0-based) of each field present. */
  index: ReadonlyMap<SheetField, number>;
}

export interface SheetCounts {
  format: SheetReportFormat;
  itemsRead: number;
  compliant: number;
}

/** Assessors' title rows above the header are skipped, within this many rows. */
const HEADER_SEARCH_ROWS = 20;

const normalise = (s: string): string =>
  s
    .replace(/[\s*＊:：]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');

/** Column letter of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function indexColumns(columns: readonly SheetColumn[], cells: readonly string[]) {
  const names = cells.map(normalise);
  const index = new Map<SheetField, number>();
  const taken = new Set<number>();
  for (const col of columns) {
    const i = names.findIndex(
      (n, at) => !taken.has(at) && [col.header, ...col.aliases].some((h) => normalise(h) === n),
    );
    if (i >= 0) {
      index.set(col.field, i);
      taken.add(i);
    }
  }
  return index;
}

/** The header row of an MLPS or crypto-assessment sheet (the first row naming a marker column), or null. */
export function detectSheetHeader(rows: Iterable<SheetRow>): SheetHeader | null {
  let seen = 0;
  for (const { row, cells } of rows) {
    if (++seen > HEADER_SEARCH_ROWS) break;
    const names = new Set(cells.map(normalise));
    const format = (Object.keys(SHEET_MARKERS) as SheetReportFormat[]).find((f) =>
      SHEET_MARKERS[f].some((m) => names.has(m)),
    );
    if (format) return { format, row, index: indexColumns(SHEET_COLUMNS[format], cells) };
  }
  return null;
}

const COMPLIANCE_BY_LABEL = new Map(
  (Object.entries(COMPLIANCE_LABELS) as [Compliance, string][]).map(([c, label]) => [label, c]),
);
const RISK_BY_LABEL = new Map(SHEET_RISK_LEVELS.map((s) => [SEVERITY_LABELS[s], s]));

function riskOf(value: string): FindingSeverity | undefined {
  return RISK_BY_LABEL.get(value.replace(RISK_LEVEL_SUFFIX, ''));
}

/** Longest text of each column, in characters; the description and the solution are cut, not refused. */
const CELL_LIMITS: Readonly<Partial<Record<SheetField, number>>> = {
  layer: FINDING_FIELD_LIMITS.layer,
  controlPoint: FINDING_FIELD_LIMITS.controlPoint,
  item: FINDING_FIELD_LIMITS.item,
  target: FINDING_FIELD_LIMITS.target,
  compliance: 20,
  risk: 20,
};

/** A cell that cannot be stored as it is refuses the sheet, naming its row and column. */
function checkCells(
  row: number,
  index: ReadonlyMap<SheetField, number>,
  columns: readonly SheetColumn[],
  raw: (field: SheetField) => string,
): void {
  for (const col of columns) {
    const i = index.get(col.field);
    if (i === undefined) continue;
    const value = raw(col.field);
    const where = { row, sheetColumn: columnLetter(i), field: col.header };
    if (hasControlCharacter(value)) {
      throw new ReportRefusedError({ reason: 'invalid_character', ...where });
    }
    const limit = CELL_LIMITS[col.field];
    if (limit !== undefined && value.length > limit) {
      throw new ReportRefusedError({ reason: 'value_too_long', limit, ...where });
    }
  }
}

/**
 * Findings of an assessment sheet's rows (all rows, header included). Rows that comply (compliant,
 * not applicable) are counted, not findings. An empty layer or control point cell repeats the one above it: that is
 * how a merged cell reads once unmerged. Any bad row refuses the whole sheet.
 */
export function* parseSheetRows(
  rows: readonly SheetRow[],
  expected?: ReportFormat,
): Generator<ParsedFinding, SheetCounts> {
  const header = detectSheetHeader(rows);
  if (!header) throw new ReportRefusedError({ reason: 'no_header_row' });
  const { format, index } = header;
  if (expected && expected !== format) {
    throw new ReportRefusedError({ reason: 'format_mismatch', expected, found: format });
  }
  const columns = SHEET_COLUMNS[format];
  for (const col of columns) {
    if (col.required && !index.has(col.field)) {
      throw new ReportRefusedError({
        reason: 'missing_column',
        row: header.row,
        field: col.header,
      });
    }
  }
  const counts: SheetCounts = { format, itemsRead: 0, compliant: 0 };
  const above = new Map<SheetField, string>();
  for (const { row, cells } of rows) {
    if (row <= header.row) continue;
    const raw = (field: SheetField) => {
      const i = index.get(field);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    if (columns.every((c) => raw(c.field) === '')) continue;
    counts.itemsRead++;
    checkCells(row, index, columns, raw);
    const problem = (
      field: SheetField,
      reason: 'missing_value' | 'unknown_risk_level' | 'unknown_compliance',
    ) => {
      const col = columns.find((c) => c.field === field);
      const i = index.get(field);
      return new ReportRefusedError({
        reason,
        row,
        sheetColumn: i === undefined ? undefined : columnLetter(i),
        field: col?.header,
        value: raw(field),
      });
    };
    const value = (field: SheetField, fillDown = false): string => {
      const v = raw(field) || (fillDown ? (above.get(field) ?? '') : '');
      if (fillDown && v) above.set(field, v);
      return v;
    };
    const layer = value('layer', true);
    const controlPoint = value('controlPoint', true);
    let compliance: Compliance = 'non_compliant';
    if (index.has('compliance')) {
      const label = normalise(raw('compliance'));
      if (!label) throw problem('compliance', 'missing_value');
      const c = COMPLIANCE_BY_LABEL.get(label);
      if (!c) throw problem('compliance', 'unknown_compliance');
      compliance = c;
    }
    if (!FINDING_COMPLIANCE.includes(compliance)) {
      counts.compliant++;
      continue;
    }
    const riskLabel = normalise(raw('risk'));
    if (!riskLabel) throw problem('risk', 'missing_value');
    const severity = riskOf(riskLabel);
    if (!severity) throw problem('risk', 'unknown_risk_level');
    const item = index.has('item') ? value('item') : null;
    const target = value('target');
    for (const [field, v] of [
      ['layer', layer],
      ['controlPoint', controlPoint],
      ['item', item ?? '-'],
      ['target', target],
    ] as const) {
      if (!v) throw problem(field, 'missing_value');
    }
    yield {
      key: sheetFindingKey(format, layer, controlPoint, item, target),
      format,
      vulnerabilityId: `${layer}/${controlPoint}`,
      title: item ?? controlPoint,
      severity,
      host: null,
      port: null,
      protocol: null,
      service: null,
      cves: [],
      cvss: null,
      solution: value('solution'),
      evidence: truncateEvidence(value('description')),
      layer,
      controlPoint,
      item,
      target,
      compliance,
    };
  }
  return counts;
}
