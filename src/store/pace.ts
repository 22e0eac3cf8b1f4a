/**
 * How long a run of a scenario can be and usually is, so the turn header sets the pace honestly:
 * "Turn 3 · at most 12, most runs end by 7". The usual length is the turn by which four runs in five
 * have ended (src/sim/usual-turns.ts). Bundled scenarios bring it on their build-time card, so the
 * page never simulates for it; a scenario imported in the browser has it worked out once.
 */
import type { Scenario } from '../engine';
import { m } from '../i18n/lang';
import { usualTurns } from '../sim/usual-turns';

export interface Pace {
  readonly max: number;
  /** The turn by which most runs have ended (null when no run could be simulated). */
  readonly usual: number | null;
}

const known = new Map<string, number | null>();

/** The usual length of the scenario with this hash, as its card says. */
export function rememberUsualTurns(hash: string, usual: number | null): void {
  known.set(hash, usual);
}

export function paceOf(scenario: Scenario): Pace {
  let usual = known.get(scenario.hash);
  if (usual === undefined) {
    usual = usualTurns(scenario);
    known.set(scenario.hash, usual);
  }
  return { max: scenario.file.maxTurns, usual };
}

/** "Turn 3 · at most 12, most runs end by 7" (the last part left out when it says nothing new). */
export function turnHeader(scenario: Scenario, turn: number): string {
  const pace = paceOf(scenario);
  if (pace.usual !== null && pace.usual < pace.max) return m.play_turn_header_usual({ turn, max: pace.max, usual: pace.usual });
  return m.play_turn_header({ turn, max: pace.max });
}
