/**
 * Structure problems: zod's issues turned into plain-English findings a designer understands, each
 * with the data path and where in the file it points (the value, the key, or for a missing field the
 * mapping that lacks it).
 *
 * Codes: schema/missing-field, schema/unknown-field, schema/wrong-type, schema/invalid-value,
 * schema/too-long, schema/too-short, schema/out-of-range, schema/format, schema/invalid.
 */
import type { z } from 'zod';
import type { Anchor, PathSegment, Problem } from '../format';
import { closest, editDistance } from '../format';

/** A problem plus where in the file it should point. */
export interface Finding extends Problem {
  readonly anchor: Anchor;
}

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

interface Def {
  readonly type: string;
  readonly shape?: Readonly<Record<string, AnySchema>>;
  readonly element?: AnySchema;
  readonly innerType?: AnySchema;
  readonly options?: readonly AnySchema[];
  readonly valueType?: AnySchema;
  readonly in?: AnySchema;
}

/** A "did you mean" that is closer to `name` than `name` is long (so "~" does not suggest "id"). */
export function suggest(name: string, candidates: readonly string[]): string | undefined {
  const hint = closest(name, candidates);
  return hint !== undefined && editDistance(name, hint) < name.length ? hint : undefined;
}

function defOf(schema: AnySchema): Def {
  return schema._zod.def as unknown as Def;
}

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    const d = defOf(s);
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'prefault') && d.innerType !== undefined) s = d.innerType;
    else if (d.type === 'pipe' && d.in !== undefined) s = d.in;
    else break;
  }
  return s;
}

/** The schema found by following `path` from `schema`, or null past a union or an unknown step. */
function schemaAt(schema: AnySchema, path: readonly PathSegment[]): AnySchema | null {
  let s: AnySchema = unwrap(schema);
  for (const seg of path) {
    const d = defOf(s);
    let next: AnySchema | undefined;
    if (d.type === 'object' && typeof seg === 'string') next = d.shape?.[seg];
    else if (d.type === 'array' && typeof seg === 'number') next = d.element;
    else if (d.type === 'record' && typeof seg === 'string') next = d.valueType;
    if (next === undefined) return null;
    s = unwrap(next);
  }
  return s;
}

function hasOwn(o: object, k: string): boolean {
  return Object.hasOwn(o, k);
}

/** The data at `path`, or undefined when some step is missing. */
export function dataAt(data: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!Array.isArray(v) || seg >= v.length) return undefined;
      v = v[seg];
    } else {
      if (v === null || typeof v !== 'object' || Array.isArray(v) || !hasOwn(v, seg)) return undefined;
      v = (v as Record<string, unknown>)[seg];
    }
  }
  return v;
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value lines)',
  record: 'a mapping (key: value lines)',
  array: 'a list',
  null: 'nothing',
};

/** How a value found in the file reads in a message. */
export function describeValue(v: unknown): string {
  if (v === null) return 'nothing (an empty value)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return v.length > 40 ? `the text "${v.slice(0, 37)}..."` : `the text "${v}"`;
  if (typeof v === 'number' && !Number.isFinite(v)) return `${v}, which is not a usable number`;
  if (typeof v === 'number') return Number.isInteger(v) ? `the number ${v}` : `the number ${v}, which is not whole`;
  if (typeof v === 'boolean') return `${v}`;
  if (typeof v === 'object') return 'a mapping';
  return 'a value of another kind';
}

/** A schema's description as the middle of a sentence: "either one text for both sides, or …". */
function descriptionOf(schema: AnySchema): string | undefined {
  const text = (schema as { description?: string }).description;
  if (text === undefined || text === '') return undefined;
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`.replace(/\.$/, '');
}

function expectedOf(issue: Issue): string {
  const e = (issue as { expected?: string }).expected ?? '';
  return EXPECTED[e] ?? e;
}

/** A union branch failed only because the value is of another type (not because its content is wrong). */
function isTypeMismatch(issues: readonly Issue[]): boolean {
  return issues.length === 1 && issues[0] !== undefined && issues[0].code === 'invalid_type' && issues[0].path.length === 0 && (issues[0] as { expected?: string }).expected !== 'int';
}

class IssueMapper {
  readonly findings: Finding[] = [];
  constructor(
    private readonly root: AnySchema,
    private readonly data: unknown,
  ) {}

  private add(code: string, path: readonly PathSegment[], anchor: Anchor, message: string, suggestion?: string): void {
    this.findings.push({ severity: 'error', code, path, anchor, message, ...(suggestion !== undefined ? { suggestion } : {}) });
  }

  map(issues: readonly Issue[], base: readonly PathSegment[]): void {
    for (const issue of issues) this.one(issue, [...base, ...issue.path.filter((s): s is string | number => typeof s !== 'symbol')]);
  }

  private one(issue: Issue, path: PathSegment[]): void {
    const value = dataAt(this.data, path);
    const key = path[path.length - 1];
    if (issue.code === 'unrecognized_keys') {
      const here = schemaAt(this.root, path);
      const allowed = here !== null ? Object.keys(defOf(here).shape ?? {}) : [];
      for (const k of issue.keys) {
        const hint = suggest(k, allowed);
        const list = hint === undefined && allowed.length > 0 ? ` (the fields here are: ${allowed.join(', ')})` : '';
        this.add('schema/unknown-field', [...path, k], 'key', `"${k}" is not a field here${list}`, hint);
      }
      return;
    }
    if (value === undefined && path.length > 0 && issue.code !== 'invalid_key') {
      this.add('schema/missing-field', path, 'parent', `the field "${String(key)}" is missing`);
      return;
    }
    switch (issue.code) {
      case 'invalid_union': {
        const branches: readonly (readonly Issue[])[] = issue.errors;
        const fitting = branches.filter((b) => !isTypeMismatch(b));
        const first = fitting[0];
        if (fitting.length === 1 && first !== undefined) {
          const index = branches.indexOf(first);
          const unionSchema = schemaAt(this.root, path);
          const option = unionSchema !== null ? defOf(unionSchema).options?.[index] : undefined;
          if (option !== undefined) {
            new IssueMapperAt(this, option, value).map(first, path);
            return;
          }
          this.map(first, path);
          return;
        }
        const union = schemaAt(this.root, path);
        const described = union?._zod.def !== undefined ? descriptionOf(union) : undefined;
        const expected = described ?? [...new Set(branches.map((b) => (b[0] !== undefined ? expectedOf(b[0]) : '')).filter((s) => s !== ''))].join(' or ');
        this.add('schema/wrong-type', path, 'value', `expected ${expected}, found ${describeValue(value)}`);
        return;
      }
      case 'invalid_type':
        // Format 1 wrote one tone, for the United States: say what format 2 wants instead.
        if (key === 'tone' && path[0] === 'endings' && typeof value === 'string') {
          this.add('schema/wrong-type', path, 'value', `an ending's tone is given for each side: write tone: { us: ${value}, cn: … } (runaway escalation is a failure for both)`);
          return;
        }
        this.add('schema/wrong-type', path, 'value', `expected ${expectedOf(issue)}, found ${describeValue(value)}`);
        return;
      case 'invalid_value': {
        const allowed = issue.values.map((v) => String(v));
        if (allowed.length === 1) {
          this.add('schema/invalid-value', path, 'value', `this must be "${allowed[0]}", and it is ${describeValue(value)}`);
          return;
        }
        const hint = typeof value === 'string' ? suggest(value, allowed) : undefined;
        this.add('schema/invalid-value', path, 'value', `${describeValue(value)} is not one of: ${allowed.join(', ')}`, hint);
        return;
      }
      case 'too_big': {
        const max = Number(issue.maximum);
        if (issue.origin === 'string') this.add('schema/too-long', path, 'value', `this text has ${typeof value === 'string' ? value.length : '?'} characters; the most here is ${max}`);
        else if (issue.origin === 'array') this.add('schema/too-long', path, 'value', `this list has ${Array.isArray(value) ? value.length : '?'} items; the most here is ${max}`);
        else this.add('schema/out-of-range', path, 'value', `${describeValue(value)} is too large: the most is ${max}`);
        return;
      }
      case 'too_small': {
        const min = Number(issue.minimum);
        if (issue.origin === 'string') this.add('schema/too-short', path, 'value', 'this text is empty');
        else if (issue.origin === 'array') this.add('schema/too-short', path, 'value', `this list needs at least ${min} item${min === 1 ? '' : 's'}`);
        else this.add('schema/out-of-range', path, 'value', `${describeValue(value)} is too small: the least is ${min}`);
        return;
      }
      case 'invalid_format':
        this.add('schema/format', path, 'value', `${describeValue(value)} is not in the right form: ${issue.message}`);
        return;
      case 'invalid_key': {
        const inner = issue.issues[0];
        this.add('schema/format', path, 'key', `the key "${String(key)}" is not in the right form: ${inner?.message ?? issue.message}`);
        return;
      }
      default:
        this.add('schema/invalid', path, 'value', issue.message);
    }
  }
}

/** Maps a union branch's issues against the branch's own schema, feeding the outer mapper. */
class IssueMapperAt {
  constructor(
    private readonly outer: IssueMapper,
    private readonly schema: AnySchema,
    private readonly data: unknown,
  ) {}

  map(issues: readonly Issue[], base: readonly PathSegment[]): void {
    const inner = new IssueMapper(this.schema, this.data);
    inner.map(issues, []);
    for (const f of inner.findings) this.outer.findings.push({ ...f, path: [...base, ...f.path] });
  }
}

/** Drops "title is missing" where the same mapping has "titel" with the suggestion "title". */
function withoutEchoes(findings: readonly Finding[]): Finding[] {
  const parentOf = (f: Finding): string => JSON.stringify(f.path.slice(0, -1));
  const misspelt = new Set(findings.filter((f) => f.code === 'schema/unknown-field' && f.suggestion !== undefined).map((f) => `${parentOf(f)}/${f.suggestion ?? ''}`));
  return findings.filter((f) => f.code !== 'schema/missing-field' || !misspelt.has(`${parentOf(f)}/${String(f.path[f.path.length - 1])}`));
}

/**
 * Validates `data` against `schema`. Returns the parsed output, or null and the findings, never
 * throwing. CheckFindings are in zod's order; the loader sorts them by place.
 */
export function checkStructure<S extends z.ZodType>(schema: S, data: unknown): { value: z.output<S> | null; findings: Finding[] } {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { value: parsed.data, findings: [] };
  const mapper = new IssueMapper(schema, data);
  mapper.map(parsed.error.issues, []);
  return { value: null, findings: withoutEchoes(mapper.findings) };
}
