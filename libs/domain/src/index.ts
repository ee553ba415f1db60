export * from './domain-error';
export * from './deadline.types';
