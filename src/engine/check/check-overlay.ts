/**
 * Checking a language overlay (`scenarios/zh-Hans/<id>.yaml`) against its scenario: every key must
 * be an id of the scenario (`overlay/unknown-id`, with the closest id), texts must come in the
 * scenario's shape (`overlay/shape`), carry no markup (`overlay/markup`: scenario text is plain text),
 * and a text the overlay lacks is reported once per beat, ending or section (`overlay/missing-text`, a
 * warning: the English text is shown).
 */
import { type OverlayFile, type OverlayGap, type PathSegment, requestTopics, type ScenarioFile } from '../format';
import type { Finding } from './check-schema';
import { suggest } from './check-schema';

/** Tags, comments and character entities: what would be markup in a web page. */
const MARKUP = /<\s*\/?\s*[A-Za-z!?][^>]*>?|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});/;

function unknown(out: Finding[], path: readonly PathSegment[], what: string, id: string, known: readonly string[]): void {
  const hint = suggest(id, known);
  out.push({
    severity: 'error',
    code: 'overlay/unknown-id',
    path,
    anchor: 'key',
    message: `the scenario has no ${what} "${id}"`,
    ...(hint !== undefined ? { suggestion: hint } : {}),
  });
}

function keysOf(record: Readonly<Record<string, unknown>> | undefined): string[] {
  return record === undefined ? [] : Object.keys(record);
}

function idsAgainst(out: Finding[], record: Readonly<Record<string, unknown>> | undefined, known: readonly string[], at: readonly PathSegment[], what: string): void {
  for (const id of keysOf(record)) if (!known.includes(id)) unknown(out, [...at, id], what, id, known);
}

/** Every overlay key that is not an id of the scenario. */
function unknownIds(file: ScenarioFile, overlay: OverlayFile, out: Finding[]): void {
  idsAgainst(
    out,
    overlay.indicators,
    file.indicators.map((i) => i.id),
    ['indicators'],
    'indicator',
  );
  idsAgainst(
    out,
    overlay.flags,
    file.flags.map((f) => f.id),
    ['flags'],
    'flag',
  );
  idsAgainst(
    out,
    overlay.injects,
    file.injects.map((i) => i.id),
    ['injects'],
    'inject',
  );
  idsAgainst(
    out,
    overlay.endings,
    file.endings.map((e) => e.id),
    ['endings'],
    'ending',
  );
  idsAgainst(
    out,
    overlay.objectives,
    file.objectives.map((o) => o.id),
    ['objectives'],
    'objective',
  );
  idsAgainst(
    out,
    overlay.beats,
    file.beats.map((b) => b.id),
    ['beats'],
    'beat',
  );
  for (const beat of file.beats) {
    const zb = overlay.beats?.[beat.id];
    for (const side of ['us', 'cn'] as const) {
      const options = zb?.options?.[side];
      const at: PathSegment[] = ['beats', beat.id, 'options', side];
      idsAgainst(
        out,
        options,
        beat.options[side].map((o) => o.id),
        at,
        `${side === 'us' ? 'US' : 'Chinese'} option in beat ${beat.id} with the id`,
      );
      for (const o of beat.options[side]) {
        const zo = options?.[o.id];
        idsAgainst(
          out,
          zo?.outcomes,
          o.outcomes.map((x) => x.id),
          [...at, o.id, 'outcomes'],
          `outcome of ${o.id} with the id`,
        );
        idsAgainst(out, zo?.why, Object.keys(o.terms.why), [...at, o.id, 'why'], `line on why ${o.id} uses or strains the term`);
      }
    }
  }
  const topics = requestTopics(file);
  for (const topic of Object.keys(overlay.topics ?? {})) if (!topics.includes(topic)) unknown(out, ['topics', topic], 'request topic', topic, topics);
  const extra = (overlay.questions?.length ?? 0) - file.questions.length;
  if (extra > 0) {
    out.push({
      severity: 'error',
      code: 'overlay/unknown-id',
      path: ['questions', file.questions.length],
      anchor: 'value',
      message: `the scenario has ${file.questions.length} questions and the overlay gives ${extra} more`,
    });
  }
}

function markup(value: unknown, path: PathSegment[], out: Finding[]): void {
  if (typeof value === 'string') {
    const m = MARKUP.exec(value);
    if (m !== null)
      out.push({
        severity: 'error',
        code: 'overlay/markup',
        path,
        anchor: 'value',
        offset: m.index,
        message: `scenario text is plain text; "${m[0].slice(0, 20)}" would be shown as it is written, not as markup`,
      });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      markup(v, [...path, i], out);
    });
  } else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) markup(v, [...path, k], out);
}

/** The part of the scenario a missing text belongs to: a beat, an ending, or a top-level section. */
function section(at: readonly PathSegment[]): string {
  const [head, id] = at;
  if ((head === 'beats' || head === 'endings' || head === 'injects') && typeof id === 'string') return `${head}.${id}`;
  return String(head);
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Findings for the gaps {@link localiseFile} met: shape errors each, missing texts once per section. */
function gapFindings(gaps: readonly OverlayGap[], out: Finding[]): void {
  const missing = new Map<string, OverlayGap[]>();
  for (const g of gaps) {
    if (g.kind === 'shape') {
      out.push({ severity: 'error', code: 'overlay/shape', path: g.at, anchor: 'value', message: g.message });
      continue;
    }
    const key = section(g.at);
    missing.set(key, [...(missing.get(key) ?? []), g]);
  }
  for (const [key, list] of missing) {
    const first = list[0] as OverlayGap;
    const named = list
      .slice(0, 3)
      .map((g) => g.at.slice(key.includes('.') ? 2 : 0).join('.') || key)
      .join(', ');
    const more = list.length > 3 ? ` and ${list.length - 3} more` : '';
    out.push({
      severity: 'warning',
      code: 'overlay/missing-text',
      path: first.at.slice(0, key.includes('.') ? 2 : 1),
      anchor: 'value',
      message: `${key}: ${plural(list.length, 'text is', 'texts are')} not translated (${named}${more}); the English is shown`,
    });
  }
}

/** Everything wrong with `overlay` as text for `file`, given the gaps met while laying it over. */
export function checkOverlay(file: ScenarioFile, overlay: OverlayFile, gaps: readonly OverlayGap[]): Finding[] {
  const out: Finding[] = [];
  if (overlay.scenario !== file.id) {
    out.push({ severity: 'error', code: 'overlay/wrong-scenario', path: ['scenario'], anchor: 'value', message: `this overlay is for scenario ${overlay.scenario}, and it sits beside ${file.id}` });
    return out;
  }
  unknownIds(file, overlay, out);
  markup(overlay, [], out);
  gapFindings(gaps, out);
  return out;
}
