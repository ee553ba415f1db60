// The pure half of customization requests: table, rules, reducer, timers, Temporal definitions and activity
// types. Workflows import only this entry; it never reaches the database, the network or Node.
export * from './quota.calculator';
export * from './requirement-id';
export * from './requirement-mail.plan';
export * from './requirement-payload.validator';
export * from './requirement-settings';
export * from './requirement-transition.types';
export * from './requirement.activity-types';
export * from './requirement.definitions';
export * from './requirement.process';
export * from './requirement.reducer';
export * from './requirement.rules';
export * from './requirement.timers';
export * from './requirement.types';
