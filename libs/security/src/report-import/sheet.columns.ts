import { COMPLIANCE_LABELS, CRYPTO_LAYERS, MLPS_LAYERS, SEVERITY_LABELS } from '@luyue/domain';
import { type FindingSeverity, type SheetReportFormat } from '../security-finding.types';

export type SheetField =
  'layer' | 'controlPoint' | 'item' | 'target' | 'description' | 'compliance' | 'risk' | 'solution';

/** One column of an assessment sheet: the template writes `header`, the parser also accepts `aliases`. */
export interface SheetColumn {
  field: SheetField;
  header: string;
  aliases: readonly string[];
  required: boolean;
  /** The template's drop-down; values the parser checks are checked against the same list. */
  choices?: readonly string[];
  width: number;
}

/** 风险等级 an assessor gives: 高/中/低. */
export const SHEET_RISK_LEVELS: readonly FindingSeverity[] = ['high', 'medium', 'low'];

/** What an assessor may write after a risk level (高风险, 高危): dropped before it is read. */
export const RISK_LEVEL_SUFFIX = /(风险|危)$/;

const RISK_CHOICES = SHEET_RISK_LEVELS.map((s) => SEVERITY_LABELS[s]);
const COMPLIANCE_CHOICES = Object.values(COMPLIANCE_LABELS);
const DESCRIPTION_ALIASES = ['测评结果', '测评结果/问题描述', '结果记录', '问题'];

const compliance: SheetColumn = {
  field: 'compliance',
  header: '符合程度',
  aliases: ['符合情况', '测评结论'],
  required: true,
  choices: COMPLIANCE_CHOICES,
  width: 12,
};
const risk: SheetColumn = {
  field: 'risk',
  header: '风险等级',
  aliases: ['风险级别'],
  required: true,
  choices: RISK_CHOICES,
  width: 10,
};
const target: SheetColumn = {
  field: 'target',
  header: '测评对象',
  aliases: ['对象'],
  required: true,
  width: 24,
};
const solution: SheetColumn = {
  field: 'solution',
  header: '整改建议',
  aliases: ['整改措施', '修复建议'],
  required: false,
  width: 40,
};

/** The columns of each sheet, in template order; written once for the template and the parser. */
export const SHEET_COLUMNS: Readonly<Record<SheetReportFormat, readonly SheetColumn[]>> = {
  mlps_sheet: [
    {
      field: 'layer',
      header: '安全层面',
      aliases: ['层面', '安全类'],
      required: true,
      choices: MLPS_LAYERS,
      width: 16,
    },
    { field: 'controlPoint', header: '控制点', aliases: [], required: true, width: 16 },
    { field: 'item', header: '测评项', aliases: ['测评要求'], required: true, width: 40 },
    target,
    {
      field: 'description',
      header: '问题描述',
      aliases: DESCRIPTION_ALIASES,
      required: true,
      width: 40,
    },
    compliance,
    risk,
    solution,
  ],
  crypto_sheet: [
    {
      field: 'layer',
      header: '层面',
      aliases: ['安全层面'],
      required: true,
      choices: CRYPTO_LAYERS,
      width: 16,
    },
    { field: 'controlPoint', header: '测评指标', aliases: ['指标'], required: true, width: 20 },
    target,
    {
      field: 'description',
      header: '问题描述',
      aliases: DESCRIPTION_ALIASES,
      required: true,
      width: 40,
    },
    // 密评 result sheets often list only the problems: without this column every row is one.
    { ...compliance, required: false },
    risk,
    solution,
  ],
};

/** The header a sheet's column is written under. */
export function sheetHeader(format: SheetReportFormat, field: SheetField): string {
  return SHEET_COLUMNS[format].find((c) => c.field === field)?.header ?? field;
}

/** Headers that tell the two sheets apart (密评 has 测评指标, 等保 has 控制点 and 测评项). */
export const SHEET_MARKERS: Readonly<Record<SheetReportFormat, readonly string[]>> = {
  mlps_sheet: ['控制点', '测评项'],
  crypto_sheet: ['测评指标'],
};
