// The pure half of change requests: table, rules, reducer, timers, Temporal definitions and activity
// types. Workflows import only this entry; it never reaches the database, the network or Node.
export * from './change-request-id';
export * from './change-request-mail.plan';
export * from './change-request-transition.types';
export * from './change-request.activity-types';
export * from './change-request.definitions';
export * from './change-request.process';
export * from './change-request.reducer';
export * from './change-request.rules';
export * from './change-request.timers';
export * from './change-request.types';
