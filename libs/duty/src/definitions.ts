// The pure half of scheduled duties: plan, table, rules, reducer, Temporal definitions and
// activity types. Workflows import only this entry; it never reaches the database or Node.
export * from './duty-plan';
export * from './duty-schedule.types';
export * from './duty-mail.plan';
export * from './duty-transition.types';
export * from './duty.activity-types';
export * from './duty.definitions';
export * from './duty.process';
export * from './duty.reducer';
export * from './duty.rules';
export * from './duty.types';
export * from './duty-figures';
export * from './duty-record.digest';
