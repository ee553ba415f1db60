import {
  NOTICE_SOURCE_LABELS,
  NOTICE_SOURCES,
  REPORT_FORMAT_LABELS,
  REPORT_FORMATS,
} from '@luyue/domain';
import type { Field } from './requirement-action-fields';

/** The issue-notice form: the fields of IssueNoticeDto. */
export const NOTICE_FIELDS: readonly Field[] = [
  { name: 'number', label: '通知单编号', type: 'text', required: true },
  { name: 'title', label: '标题', type: 'text', required: true },
  {
    name: 'source',
    label: '来源',
    type: 'select',
    required: true,
    options: NOTICE_SOURCES.map((s) => ({ value: s, label: NOTICE_SOURCE_LABELS[s] })),
  },
  { name: 'assessor', label: '测评/扫描机构', type: 'text', required: true },
  { name: 'issuedAt', label: '下发日期', type: 'date', required: true },
  { name: 'system', label: '系统', type: 'text', omitEmpty: true },
];

export const FORMAT_OPTIONS = REPORT_FORMATS.map((f) => ({
  value: f,
  label: REPORT_FORMAT_LABELS[f],
}));
