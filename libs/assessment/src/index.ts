// Everything of the yearly assessment: its pure definitions and its store.
export * from './definitions';
