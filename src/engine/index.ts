/**
 * The engine's public surface: the browser, the simulator, the server and the command line import
 * from here. Inside, five layers import one way only (src/engine/README.md; test/engine/layers.test.ts):
 * format, then check, rules, replay, report.
 */

export * from './check';
export * from './format';
export * from './replay';
export * from './report';
export * from './rules';
