import {
  NOTICE_SOURCE_LABELS,
  REPORT_FORMAT_LABELS,
  FIELD_HINTS,
  FIELD_LABELS,
  issuedFromLabel,
  SECURITY_PAGE_WORDS,
} from '@luyue/domain';
import { FINDING_SEVERITIES, NOTICE_SOURCES, REPORT_FORMATS } from '@luyue/security/definitions';
import { fileField, systemField, type Field } from '../../console/console-field';

/** The issue-notice form: the fields of IssueNoticeDto; the systems are the contract's. */
export const noticeFields = (systems: readonly string[]): readonly Field[] => [
  { name: 'number', label: FIELD_LABELS['notice.number'], type: 'text', required: true },
  { name: 'title', label: FIELD_LABELS['notice.title'], type: 'text', required: true },
  {
    name: 'source',
    label: FIELD_LABELS['notice.source'],
    type: 'select',
    required: true,
    options: NOTICE_SOURCES.map((s) => ({ value: s, label: NOTICE_SOURCE_LABELS[s] })),
  },
  { name: 'assessor', label: FIELD_LABELS['notice.assessor'], type: 'text', required: true },
  {
    name: 'issuedAt',
    label: FIELD_LABELS['notice.issuedAt'],
    type: 'date',
    required: true,
    initial: 'today',
  },
  systemField('system', FIELD_LABELS['notice.system'], systems, false),
  {
    name: 'lowestIssuedSeverity',
    label: FIELD_LABELS['notice.lowestIssuedSeverity'],
    type: 'select',
    omitEmpty: true,
    options: FINDING_SEVERITIES.map((s) => ({ value: s, label: issuedFromLabel(s) })),
    hint: FIELD_HINTS['notice.lowestIssuedSeverity'],
  },
];

export const FORMAT_OPTIONS = REPORT_FORMATS.map((f) => ({
  value: f,
  label: REPORT_FORMAT_LABELS[f],
}));

/** The report upload form (UploadReportDto beside its file); the retest box is the page's own. */
export const UPLOAD_FIELDS: readonly Field[] = [
  fileField('file', SECURITY_PAGE_WORDS.uploadFile, { required: true }),
  {
    name: 'format',
    label: SECURITY_PAGE_WORDS.uploadFormat,
    type: 'select',
    omitEmpty: true,
    options: FORMAT_OPTIONS,
  },
  {
    name: 'reportDate',
    label: SECURITY_PAGE_WORDS.uploadReportDate,
    type: 'date',
    omitEmpty: true,
  },
  {
    name: 'retestOf',
    label: SECURITY_PAGE_WORDS.uploadRetestOf,
    type: 'text',
    omitEmpty: true,
  },
];
