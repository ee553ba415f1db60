import { FINDING_SEVERITIES } from './security-finding.types';
import { REPORT_FORMATS, remediationSeverityOf } from './security-notice.types';
import { REPORT_FORMAT_LABELS } from '@luyue/domain';

describe('remediationSeverityOf', () => {
  it('counts critical as high and info as low, the rest as themselves', () => {
    expect(FINDING_SEVERITIES.map(remediationSeverityOf)).toEqual([
      'high',
      'high',
      'medium',
      'low',
      'low',
    ]);
  });
});

describe('REPORT_FORMATS', () => {
  it('lists every labelled format once', () => {
    expect(new Set(REPORT_FORMATS).size).toBe(Object.keys(REPORT_FORMAT_LABELS).length);
    expect(REPORT_FORMATS).toContain('mlps_sheet');
  });
});
