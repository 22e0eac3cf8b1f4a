export * from './calendar';
export * from './game';
export * from './playout';
export * from './rng';
export * from './shown';
export * from './state';
export * from './texts';
export * from './turn';
