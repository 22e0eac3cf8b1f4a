/** Problems found in a scenario, save or replay: values, never exceptions (STYLE: errors). */

export type Severity = 'error' | 'warning';
export type PathSegment = string | number;

/** A problem located by its data path; the loader adds the file position. */
export interface Problem {
  readonly severity: Severity;
  /** Namespaced and stable: `scenario/unknown-beat`, `yaml/duplicate-key`. */
  readonly code: string;
  readonly path: readonly PathSegment[];
  readonly message: string;
  /** "did you mean" for a near-miss name. */
  readonly suggestion?: string;
  /** Offset inside the string at `path`, for expression errors. */
  readonly offset?: number;
}

/** A problem with its place in a file: what the checker prints as `file:line:column  code  message`. */
export interface Diagnostic {
  readonly severity: Severity;
  readonly code: string;
  readonly file: string;
  /** 1-based; 0 when the problem is about the whole file. */
  readonly line: number;
  readonly column: number;
  /** The data path, such as `beats[2].options.us[0].rung`. */
  readonly path: string;
  readonly message: string;
  readonly suggestion?: string;
}

/** The code of the last diagnostic of a file that has more problems than are listed. */
export const TOO_MANY_PROBLEMS = 'load/too-many-problems';

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

/** Orders diagnostics by file, line, column, then code (code-unit order: never locale order). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  // "too many problems" sums up the file's list: it comes after every problem of its file, not at 0:0 first.
  const summary = (d: Diagnostic): number => (d.code === TOO_MANY_PROBLEMS ? 1 : 0);
  return cmp(a.file, b.file) || summary(a) - summary(b) || a.line - b.line || a.column - b.column || cmp(a.code, b.code) || cmp(a.message, b.message);
}

/**
 * The place to name after a message, said once: when the message already quotes the path's last
 * name (`the field "author" is missing`), only the mapping holding it (`beats[2]`), or nothing at the top.
 */
export function placeAfter(d: Pick<Diagnostic, 'path' | 'message'>): string {
  const m = /(?:^|\.)([^.[\]]+)$/.exec(d.path);
  if (m === null || !d.message.includes(`"${m[1]}"`)) return d.path;
  return d.path.slice(0, m.index);
}

/** `file:line:column  code  message (did you mean "x"?)`: one line, as editors and CI read it. */
export function formatDiagnostic(d: Diagnostic): string {
  const hint = d.suggestion !== undefined ? ` (did you mean "${d.suggestion}"?)` : '';
  const place = placeAfter(d);
  const where = place !== '' ? ` at ${place}` : '';
  return `${d.file}:${d.line}:${d.column}  ${d.code}  ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}${where}${hint}`;
}
