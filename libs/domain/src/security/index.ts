export * from './security-finding.types';
export * from './report-refusal.types';
export * from './report-refused.error';
export * from './finding.grouping';
export * from './security-notice.types';
