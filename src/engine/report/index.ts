export * from './after-action';
export * from './after-action-csv';
export * from './after-action-finding-text';
export * from './after-action-findings';
export * from './after-action-format';
export * from './pack';
