/** Where each piece of loaded data came from in its file, by data path. */
import { formatPath, type PathSegment } from './diagnostics';

/** A node's place: 1-based line and column of its value and of its key (when it has one). */
export interface Place {
  readonly line: number;
  readonly column: number;
  readonly keyLine: number;
  readonly keyColumn: number;
  /**
   * For a string on one line whose source text matches its value character for character (plain,
   * or quoted without escapes): the columns from the node's start to the string's first character
   * (0 plain, 1 quoted). -1 otherwise, when offsets inside the string cannot be placed exactly.
   */
  readonly shift: number;
}

const NOWHERE: Place = { line: 0, column: 0, keyLine: 0, keyColumn: 0, shift: -1 };

/** Where a problem should point: the value, the key naming it, or (for a missing key) its parent. */
export type Anchor = 'value' | 'key' | 'parent';

export class PlaceMap {
  private readonly places = new Map<string, Place>();

  set(path: readonly PathSegment[], place: Place): void {
    this.places.set(formatPath(path), place);
  }

  /** The place of `path`, or of its nearest ancestor that has one (defaults have no place). */
  find(path: readonly PathSegment[]): Place {
    for (let n = path.length; n >= 0; n--) {
      const place = this.places.get(formatPath(path.slice(0, n)));
      if (place !== undefined) return place;
    }
    return NOWHERE;
  }

  /** Line and column for a problem anchored at `path`; `offset` is a position inside a string value. */
  locate(path: readonly PathSegment[], anchor: Anchor, offset?: number): { line: number; column: number } {
    if (anchor === 'parent') {
      const place = this.find(path.slice(0, -1));
      return { line: place.line, column: place.column };
    }
    const exact = this.places.get(formatPath(path));
    const place = exact ?? this.find(path);
    if (anchor === 'key' && exact !== undefined && exact.keyLine > 0) return { line: exact.keyLine, column: exact.keyColumn };
    if (offset !== undefined && exact !== undefined && exact.shift >= 0) return { line: exact.line, column: exact.column + exact.shift + offset };
    return { line: place.line, column: place.column };
  }
}
