// The pure half of fault tickets: SLA policy, clocks, table, rules, reducer, Temporal definitions
// and activity types. Workflows import only this entry; it never reaches the database or Node.
export * from './fault-clock';
export * from './fault-figures';
export * from './fault-ticket-mail.plan';
export * from './fault-ticket-transition.types';
export * from './fault-ticket.activity-types';
export * from './fault-ticket.definitions';
export * from './fault-ticket.process';
export * from './fault-ticket.reducer';
export * from './fault-ticket.rules';
export * from './fault-ticket.types';
export * from './sla-policy';
