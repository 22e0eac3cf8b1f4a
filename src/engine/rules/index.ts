export * from './calendar';
export * from './game';
export * from './rng';
export * from './shown';
export * from './state';
export * from './texts';
export * from './turn';
