// Everything of the yearly assessment: its pure definitions and its store.
export * from './definitions';
export * from './store/assessment-template.store';
export * from './store/assessment-store.module';
