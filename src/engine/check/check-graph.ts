/**
 * The scenario as a graph of beats and endings (RELIABILITY promise 11). Every option counts as
 * offered and every outcome as possible (conditions and weights depend on the state), so reachability
 * is over-approximated: a beat reported unreachable truly is. Which `next` wins follows the engine.
 *
 * After a turn the engine goes to an ending whose `when` holds; else to the lead side's outcome's
 * `next`, else the other side's, else the beat's `next`, and it throws when none names one; at the
 * turn limit it goes to the timeout ending. Endings with `when` and the timeout can therefore end play
 * from any beat, but only by chance or by running out the clock: a beat counts as a dead end when no
 * chain of `next` leads from it to an ending.
 *
 * Codes: scenario/unreachable-beat, scenario/dead-end, scenario/no-exit,
 * scenario/no-unconditional-option (errors); scenario/unreachable-ending (warning).
 */
import type { BeatFile, PathSegment, ScenarioFile } from '../format';
import { compileExpr, type ExprEnv, otherSide, SIDES, type Side } from '../format';
import type { CheckFindings } from './check';

/**
 * Where play can go from `beat`, as the engine decides: the lead side's outcome's `next` wins; when
 * it names none, the other side's; when neither does, the beat's own.
 */
function targetsOf(beat: BeatFile, lead: Side): string[] {
  const out: string[] = [];
  const add = (to: string | undefined): void => {
    if (to !== undefined && !out.includes(to)) out.push(to);
  };
  const other = otherSide(lead);
  for (const o of beat.options[lead]) {
    for (const l of o.outcomes) {
      if (l.next !== undefined) add(l.next);
      else for (const p of beat.options[other]) for (const r of p.outcomes) add(r.next ?? beat.next);
    }
  }
  return out;
}

/** An outcome of `side` at `beat` that names no next, as `option → outcome`, or null. */
function openOutcome(beat: BeatFile, side: 'us' | 'cn'): string | null {
  for (const o of beat.options[side]) for (const outcome of o.outcomes) if (outcome.next === undefined) return `${o.id} → ${outcome.id}`;
  return null;
}

/** True when `when` is absent or the constant true. */
function isUnconditional(when: number | boolean | string | undefined, env: ExprEnv): boolean {
  if (when === undefined) return true;
  const r = compileExpr(when, 'boolean', env);
  return r.ok && r.constant === 1;
}

/** Checks the beat graph. Assumes references resolve (run only when check.ts found no error in them). */
export function checkGraph(file: ScenarioFile, env: ExprEnv, out: CheckFindings): void {
  const beatIndex = new Map<string, number>();
  file.beats.forEach((b, i) => {
    beatIndex.set(b.id, i);
  });
  const endingIds = new Set(file.endings.map((e) => e.id));
  const edges = file.beats.map((b) => targetsOf(b, b.lead ?? file.lead));

  file.beats.forEach((beat, b) => {
    const path: PathSegment[] = ['beats', b];
    if (beat.next === undefined) {
      const us = openOutcome(beat, 'us');
      const cn = openOutcome(beat, 'cn');
      if (us !== null && cn !== null) {
        out.error('scenario/no-exit', [...path, 'id'], `play can get stuck here: outcomes ${us} (us) and ${cn} (cn) name no next, and the beat has no next of its own`);
      }
    }
    for (const side of SIDES) {
      if (!beat.options[side].some((o) => isUnconditional(o.when, env))) {
        out.error('scenario/no-unconditional-option', [...path, 'options', side], `every ${side} option here has a "when": give at least one option no condition, so that ${side} always has a choice`);
      }
    }
  });

  const reached = new Set<number>();
  const start = beatIndex.get(file.start);
  const queue: number[] = start === undefined ? [] : [start];
  if (start !== undefined) reached.add(start);
  const endingsReached = new Set<string>();
  while (queue.length > 0) {
    const b = queue.shift() as number;
    for (const target of edges[b] ?? []) {
      const to = beatIndex.get(target);
      if (to === undefined) {
        if (endingIds.has(target)) endingsReached.add(target);
      } else if (!reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }

  const leadsToEnding = new Set<number>();
  let changed = true;
  while (changed) {
    changed = false;
    edges.forEach((list, b) => {
      if (leadsToEnding.has(b)) return;
      if (list.some((to) => endingIds.has(to) || leadsToEnding.has(beatIndex.get(to) ?? -1))) {
        leadsToEnding.add(b);
        changed = true;
      }
    });
  }

  file.beats.forEach((beat, b) => {
    if (!reached.has(b)) out.error('scenario/unreachable-beat', ['beats', b, 'id'], `no chain of "next" from the start beat "${file.start}" leads to the beat "${beat.id}"`);
    else if (!leadsToEnding.has(b))
      out.error('scenario/dead-end', ['beats', b, 'id'], `no chain of "next" from the beat "${beat.id}" leads to an ending: play could only end by the turn limit or a conditional ending`);
  });
  file.endings.forEach((ending, i) => {
    if (ending.when === undefined && ending.id !== file.timeout && !endingsReached.has(ending.id)) {
      out.warning(
        'scenario/unreachable-ending',
        ['endings', i, 'id'],
        `the ending "${ending.id}" can never be reached: no reachable beat names it as next, it has no "when", and it is not the timeout`,
      );
    }
  });
}
