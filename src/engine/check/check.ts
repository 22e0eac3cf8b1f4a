/**
 * References and uniqueness, on a scenario whose structure zod has accepted: every id is unique in
 * its namespace, and every name a scenario uses (indicator, flag, rung, beat, ending, source) exists.
 * Each problem names what was expected and, for a near miss, the likely intended name.
 *
 * Codes (errors): scenario/duplicate-id, scenario/reserved-name, scenario/unknown-indicator,
 * scenario/unknown-flag, scenario/unknown-rung, scenario/unknown-beat, scenario/start-not-beat,
 * scenario/unknown-ending, scenario/timeout-not-ending, scenario/unknown-source,
 * scenario/indicator-range, scenario/duplicate-side, scenario/duplicate-default.
 */
import type { Library, PathSegment, ScenarioFile } from '../format';
import { formatPath, OFF_LADDER, SIDES } from '../format';
import { type Finding, suggest } from './check-schema';

/** Names the expression language gives a meaning of its own: no indicator or flag may take them. */
export const RESERVED_NAMES: readonly string[] = ['turn', 'rung', 'chose', 'outcome', 'answer', 'hotline', 'ledger', 'ladder', 'and', 'or', 'not', 'true', 'false', 'if', 'then', 'else'];

type Anchor = Finding['anchor'];

export class CheckFindings {
  readonly list: Finding[] = [];

  error(code: string, path: readonly PathSegment[], message: string, suggestion?: string, anchor: Anchor = 'value'): void {
    this.list.push({ severity: 'error', code, path, anchor, message, ...(suggestion !== undefined ? { suggestion } : {}) });
  }

  warning(code: string, path: readonly PathSegment[], message: string, suggestion?: string, anchor: Anchor = 'value'): void {
    this.list.push({ severity: 'warning', code, path, anchor, message, ...(suggestion !== undefined ? { suggestion } : {}) });
  }
}

/** Registers ids in one namespace and reports the second use of any of them. */
class Namespace {
  private readonly first = new Map<string, readonly PathSegment[]>();
  constructor(
    private readonly out: CheckFindings,
    private readonly what: string,
  ) {}

  add(id: string, path: readonly PathSegment[]): void {
    const earlier = this.first.get(id);
    if (earlier !== undefined) {
      this.out.error('scenario/duplicate-id', path, `the ${this.what} id "${id}" is already taken by ${formatPath(earlier.slice(0, -1))}`);
      return;
    }
    this.first.set(id, path);
  }
}

interface Effects {
  readonly effects?: Readonly<Record<string, number>> | undefined;
  readonly set?: readonly string[] | undefined;
  readonly clear?: readonly string[] | undefined;
}

/** Checks ids and references; returns the findings (errors only). */
export function checkReferences(file: ScenarioFile, library: Library): Finding[] {
  const out = new CheckFindings();
  const beatIds = file.beats.map((b) => b.id);
  const endingIds = file.endings.map((e) => e.id);
  const targets = [...beatIds, ...endingIds];
  const indicatorIds = file.indicators.map((i) => i.id);
  const flagIds = file.flags.map((f) => f.id);
  const rungIds = library.ladder.map((r) => r.id);

  const places = new Namespace(out, 'beat or ending');
  file.beats.forEach((b, i) => {
    places.add(b.id, ['beats', i, 'id']);
  });
  file.endings.forEach((e, i) => {
    places.add(e.id, ['endings', i, 'id']);
  });

  const names = new Namespace(out, 'indicator or flag');
  const reserved = (id: string, path: readonly PathSegment[], what: string): void => {
    if (RESERVED_NAMES.includes(id)) out.error('scenario/reserved-name', path, `"${id}" is a built-in name of the expression language and cannot name ${what}`);
  };
  file.indicators.forEach((ind, i) => {
    const path = ['indicators', i];
    names.add(ind.id, [...path, 'id']);
    reserved(ind.id, [...path, 'id'], 'an indicator');
    if (ind.min >= ind.max) out.error('scenario/indicator-range', [...path, 'max'], `the range is empty: min (${ind.min}) must be below max (${ind.max})`);
    else if (ind.start < ind.min || ind.start > ind.max) out.error('scenario/indicator-range', [...path, 'start'], `start (${ind.start}) is outside the range ${ind.min} to ${ind.max}`);
  });
  file.flags.forEach((flag, i) => {
    names.add(flag.id, ['flags', i, 'id']);
    reserved(flag.id, ['flags', i, 'id'], 'a flag');
  });
  const injects = new Namespace(out, 'inject');
  file.injects.forEach((inj, i) => {
    injects.add(inj.id, ['injects', i, 'id']);
  });
  const objectives = new Namespace(out, 'objective');
  file.objectives.forEach((o, i) => {
    objectives.add(o.id, ['objectives', i, 'id']);
  });
  file.sides.forEach((side, i) => {
    if (file.sides.indexOf(side) !== i) out.error('scenario/duplicate-side', ['sides', i], `the side "${side}" is listed twice`);
  });

  const effects = (e: Effects, path: readonly PathSegment[]): void => {
    for (const key of Object.keys(e.effects ?? {})) {
      if (!indicatorIds.includes(key)) out.error('scenario/unknown-indicator', [...path, 'effects', key], `no indicator "${key}" in this scenario`, suggest(key, indicatorIds), 'key');
    }
    for (const field of ['set', 'clear'] as const) {
      (e[field] ?? []).forEach((flag, j) => {
        if (!flagIds.includes(flag)) out.error('scenario/unknown-flag', [...path, field, j], `no flag "${flag}" in this scenario`, suggest(flag, flagIds));
      });
    }
  };
  const next = (id: string | undefined, path: readonly PathSegment[]): void => {
    if (id !== undefined && !targets.includes(id)) out.error('scenario/unknown-beat', path, `no beat or ending "${id}"`, suggest(id, targets));
  };

  file.beats.forEach((beat, b) => {
    next(beat.next, ['beats', b, 'next']);
    for (const side of SIDES) {
      const options = new Namespace(out, `${side} option`);
      let defaultAt: number | null = null;
      beat.options[side].forEach((o, i) => {
        const path: PathSegment[] = ['beats', b, 'options', side, i];
        options.add(o.id, [...path, 'id']);
        if (!rungIds.includes(o.rung) && o.rung !== OFF_LADDER)
          out.error('scenario/unknown-rung', [...path, 'rung'], `no rung "${o.rung}" on the escalation ladder (or off_ladder)`, suggest(o.rung, [...rungIds, OFF_LADDER]));
        if (o.default === true) {
          if (defaultAt !== null) out.error('scenario/duplicate-default', [...path, 'default'], `only one ${side} option per beat can be the default, and option ${defaultAt + 1} already is`);
          else defaultAt = i;
        }
        const outcomes = new Namespace(out, 'outcome');
        o.outcomes.forEach((outcome, k) => {
          const at: PathSegment[] = [...path, 'outcomes', k];
          outcomes.add(outcome.id, [...at, 'id']);
          effects(outcome, at);
          next(outcome.next, [...at, 'next']);
        });
      });
    }
  });
  file.injects.forEach((inj, i) => {
    effects(inj, ['injects', i]);
  });

  if (!beatIds.includes(file.start)) {
    if (endingIds.includes(file.start)) out.error('scenario/start-not-beat', ['start'], `start must name a beat, and "${file.start}" is an ending`);
    else out.error('scenario/unknown-beat', ['start'], `no beat "${file.start}"`, suggest(file.start, beatIds));
  }
  if (!endingIds.includes(file.timeout)) {
    if (beatIds.includes(file.timeout)) out.error('scenario/timeout-not-ending', ['timeout'], `timeout must name an ending, and "${file.timeout}" is a beat`);
    else out.error('scenario/unknown-ending', ['timeout'], `no ending "${file.timeout}"`, suggest(file.timeout, endingIds));
  }
  const sourceKeys = [...library.sources.keys()];
  const cite = (key: string, path: readonly PathSegment[]): void => {
    if (!library.sources.has(key)) out.error('scenario/unknown-source', path, `no source with key "${key}" in scenarios/facts.yaml`, suggest(key, sourceKeys));
  };
  file.history.sources.forEach((key, i) => {
    cite(key, ['history', 'sources', i]);
  });
  file.endings.forEach((e, i) => {
    if (typeof e.history !== 'string')
      e.history.sources.forEach((key, k) => {
        cite(key, ['endings', i, 'history', 'sources', k]);
      });
  });
  return out.list;
}
