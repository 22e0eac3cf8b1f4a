export * from './check';
export * from './check-chance';
export * from './check-graph';
export * from './check-lint';
export * from './check-overlay';
export * from './check-schema';
export * from './load';
