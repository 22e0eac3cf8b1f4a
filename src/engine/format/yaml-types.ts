/** What reading YAML gives back, its options, the keys it refuses and the codes of the parser's own errors. */
import type { Diagnostic } from './diagnostics';
import type { PlaceMap } from './yaml-places';

/** Keys that could reach an object's prototype if some later code merged the data carelessly. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export interface YamlResult {
  /** The document as plain data (null-prototype objects, arrays, strings, numbers, booleans, null). */
  readonly data: unknown;
  readonly places: PlaceMap;
  readonly diagnostics: Diagnostic[];
}

export interface YamlOptions {
  /** `json` reads JSON text through the same checks. */
  readonly schema?: 'core' | 'json';
}

export const PARSER_CODES: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'yaml/duplicate-key',
  TAB_AS_INDENT: 'yaml/tab',
  TAG_RESOLVE_FAILED: 'yaml/tag',
  MULTIPLE_TAGS: 'yaml/tag',
  BAD_DIRECTIVE: 'yaml/directive',
  MULTIPLE_DOCS: 'yaml/multiple-documents',
  ALIAS_PROPS: 'yaml/alias',
  BAD_ALIAS: 'yaml/alias',
  MULTIPLE_ANCHORS: 'yaml/anchor',
  NON_STRING_KEY: 'yaml/key-type',
  RESOURCE_EXHAUSTION: 'yaml/too-many-nodes',
};
