// The zh-CN wording catalogue: every word a person reads, keyed by code. Messages (errors and
// refusals with their parameters), field labels, and the label tables of each union (statuses,
// actions, events, severities, audit events, roles, parties), each typed over its full union so a
// missing entry fails to compile.
export * from './messages';
export * from './fields';
export * from './party-role.labels';
export * from './admin.labels';
export * from './audit-action.labels';
export * from './requirement.labels';
export * from './change-request.labels';
export * from './security-task.labels';
export * from './security.labels';
export * from './fault-ticket.labels';
export * from './duty.labels';
export * from './assessment.labels';
export * from './pages';
export * from './forms';
export * from './console';
export * from './calendar.labels';
export * from './api-examples';
