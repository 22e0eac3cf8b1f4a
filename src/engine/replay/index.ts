export * from './codes';
export * from './replay';
export * from './replay-code';
export * from './replay-file';
export * from './save';
