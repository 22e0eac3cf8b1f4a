/**
 * Lint: content that plays, but is probably not what the designer meant. Warnings only.
 *
 * Codes: lint/no-terms, lint/flag-never-set, lint/flag-never-read, lint/indicator-never-changed,
 * lint/same-outcome-text, lint/same-label, lint/never-offered.
 */

import type { Expr, ScenarioFile, VariantText } from '../format';
import { compileExpr, type ExprEnv, SIDES } from '../format';
import type { CheckFindings } from './check';

const NAME = /[A-Za-z_][A-Za-z0-9_.]*/g;

/** Every name that some expression in the file reads. */
function namesRead(file: ScenarioFile): Set<string> {
  const names = new Set<string>();
  const scan = (e: Expr | undefined): void => {
    if (typeof e !== 'string') return;
    for (const m of e.matchAll(NAME)) names.add(m[0]);
  };
  const scanText = (t: VariantText | { us: VariantText; cn: VariantText }): void => {
    const lists = typeof t === 'string' ? [] : Array.isArray(t) ? [t] : [t.us, t.cn];
    for (const list of lists) {
      if (typeof list === 'string') continue;
      for (const v of list) {
        scan(v.when);
        scan(v.presumes);
      }
    }
  };
  for (const beat of file.beats) {
    for (const side of SIDES) {
      for (const o of beat.options[side]) {
        scan(o.when);
        scan(o.ai);
        scan(o.presumes);
        scanText(o.label);
        scanText(o.text);
        for (const outcome of o.outcomes) {
          scan(outcome.weight);
          scanText(outcome.text);
        }
      }
    }
  }
  for (const inj of file.injects) scan(inj.when);
  for (const e of file.endings) {
    scan(e.when);
    scanText(e.text);
  }
  for (const beat of file.beats) scanText(beat.text);
  for (const o of file.objectives) {
    scan(o.met);
    scan(o.score);
  }
  return names;
}

/** The text shown when no variant's condition holds. */
const fallbackOf = (t: VariantText): string => (typeof t === 'string' ? t : (t[t.length - 1]?.text ?? ''));

/** Reports likely mistakes that do not stop play. */
export function checkLint(file: ScenarioFile, env: ExprEnv, out: CheckFindings): void {
  const read = namesRead(file);
  const setFlags = new Set<string>();
  const changed = new Set<string>();
  const effects = (e: { effects?: Record<string, number> | undefined; set?: string[] | undefined; clear?: string[] | undefined }): void => {
    for (const [k, v] of Object.entries(e.effects ?? {})) if (v !== 0) changed.add(k);
    for (const f of e.set ?? []) setFlags.add(f);
    for (const f of e.clear ?? []) setFlags.add(f);
  };

  file.beats.forEach((beat, b) => {
    for (const side of SIDES) {
      const labels = new Map<string, number>();
      beat.options[side].forEach((o, i) => {
        const path = ['beats', b, 'options', side, i];
        if (o.terms.uses.length === 0 && o.terms.strains.length === 0) {
          out.warning('lint/no-terms', [...path, 'terms'], `the option "${o.id}" names no term it uses or strains: players are shown the agreement on every choice`);
        }
        const label = fallbackOf(o.label);
        const earlier = labels.get(label);
        if (earlier !== undefined)
          out.warning('lint/same-label', [...path, 'label'], `the ${side} option "${o.id}" has the same label as option ${earlier + 1} at this beat: players cannot tell them apart`);
        else labels.set(label, i);
        if (o.when !== undefined) {
          const w = compileExpr(o.when, 'boolean', env);
          if (w.ok && w.constant === 0) out.warning('lint/never-offered', [...path, 'when'], `the option "${o.id}" is never offered: its condition is always false`);
        }
        const texts = new Map<string, number>();
        o.outcomes.forEach((outcome, k) => {
          effects(outcome);
          const text = fallbackOf(outcome.text);
          const first = texts.get(text);
          if (first !== undefined) out.warning('lint/same-outcome-text', [...path, 'outcomes', k, 'text'], `this outcome reads the same as outcome ${first + 1} of "${o.id}"`);
          else texts.set(text, k);
        });
      });
    }
  });
  for (const inj of file.injects) effects(inj);

  file.flags.forEach((flag, i) => {
    if (!flag.start && !setFlags.has(flag.id)) out.warning('lint/flag-never-set', ['flags', i, 'id'], `the flag "${flag.id}" starts false and nothing sets it`);
    if (!read.has(flag.id)) out.warning('lint/flag-never-read', ['flags', i, 'id'], `no condition reads the flag "${flag.id}"`);
  });
  file.indicators.forEach((ind, i) => {
    if (!changed.has(ind.id)) out.warning('lint/indicator-never-changed', ['indicators', i, 'id'], `no outcome or inject changes the indicator "${ind.id}": it stays at ${ind.start}`);
  });
}
