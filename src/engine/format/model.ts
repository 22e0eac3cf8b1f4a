/**
 * The engine's types: the compiled scenario (static content, never mutated) and the game state
 * (plain JSON data, never mutated in place: every turn returns a new state).
 */

import type { Compiled } from './expr';
import type { Lang } from './overlay';
import type { BeatFile, HotlineStatus, OptionFile, OutcomeFile, ScenarioFile, Side, SourceFile, TermId, Tone } from './schema';

export type { HotlineStatus, Quality, Side, TermId, Tone } from './schema';

export const SIDES: readonly Side[] = ['us', 'cn'];
export const SIDE_NAMES: Readonly<Record<Side, string>> = { us: 'United States', cn: 'China' };
export const otherSide = (side: Side): Side => (side === 'us' ? 'cn' : 'us');

export interface Term {
  readonly id: TermId;
  readonly name: string;
  /** The verbatim text of the fact sheet. */
  readonly text: string;
}

export interface Rung {
  readonly id: string;
  readonly label: string;
  readonly description: string;
}

/** One variant of a text: shown when `when` holds (null: the fallback); `presumes` is what it takes for granted. */
export interface CompiledVariant {
  readonly when: Compiled | null;
  readonly presumes: Compiled | null;
  readonly text: string;
}

/** A text with its variants, in file order; a plain text is one variant with no condition. */
export type CompiledText = readonly CompiledVariant[];

/** A source of scenarios/facts.yaml. */
export type Source = SourceFile;

/** A dated fact of scenarios/facts.yaml, for the "what actually happened" timeline. */
export interface DatedFact {
  readonly date: string;
  readonly text: string;
  readonly sources: readonly string[];
}

export interface CompiledEffects {
  /** Indicator deltas, in file order. */
  readonly deltas: readonly (readonly [string, number])[];
  readonly set: readonly string[];
  readonly clear: readonly string[];
  readonly hotline: HotlineStatus | null;
  readonly news: string | null;
}

export interface CompiledOutcome {
  readonly file: OutcomeFile;
  readonly id: string;
  readonly weight: Compiled;
  readonly text: CompiledText;
  readonly effects: CompiledEffects;
}

export interface CompiledOption {
  readonly file: OptionFile;
  readonly id: string;
  readonly side: Side;
  /** Its rung's position on the ladder; for an option off the ladder, -1. */
  readonly rung: number;
  readonly offLadder: boolean;
  readonly topic: string | null;
  readonly label: CompiledText;
  readonly text: CompiledText;
  readonly presumes: Compiled | null;
  readonly when: Compiled | null;
  readonly ai: Compiled;
  readonly outcomes: readonly CompiledOutcome[];
}

export interface CompiledBeat {
  readonly file: BeatFile;
  readonly id: string;
  readonly lead: Side;
  readonly date: string | null;
  readonly text: Readonly<Record<Side, CompiledText>>;
  readonly options: Readonly<Record<Side, readonly CompiledOption[]>>;
}

export interface CompiledInject {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly when: Compiled | null;
  readonly effects: CompiledEffects;
}

export interface CompiledEnding {
  readonly id: string;
  readonly when: Compiled | null;
  readonly text: Readonly<Record<Side, CompiledText>>;
  readonly tone: Readonly<Record<Side, Tone>>;
}

export interface CompiledObjective {
  readonly id: string;
  readonly side: Side;
  readonly met: Compiled;
  readonly score: Compiled;
}

/** A scenario ready to play: the file's data plus compiled conditions and lookups. */
export interface Scenario {
  readonly file: ScenarioFile;
  readonly id: string;
  readonly version: string;
  /**
   * The rules hash: sha-256 (hex, first 16) of what decides outcomes (ids, conditions, weights,
   * effects, the calendar, the terms' and rungs' ids), the same in every language. Games carry it.
   */
  readonly hash: string;
  /** sha-256 of what is read (every text, the terms, ladder and cited sources) in {@link lang}. */
  readonly textHash: string;
  /**
   * sha-256 of the English file's whole content with the terms, ladder and cited sources: any edit
   * changes it. Games, replays and codes made before the rules hash was split off carry this hash,
   * and still replay while the file is unchanged.
   */
  readonly contentHash: string;
  /** The language the texts are in. */
  readonly lang: Lang;
  /** Request topics (English, as the rules and the ledger keep them) in {@link lang}; empty in English. */
  readonly topicNames: ReadonlyMap<string, string>;
  readonly terms: readonly Term[];
  readonly ladder: readonly Rung[];
  /** The sources of scenarios/facts.yaml this scenario cites, by key. */
  readonly sources: ReadonlyMap<string, Source>;
  /** The dated facts of scenarios/facts.yaml that share a source with this scenario, in date order (not part of the hash: they never change play). */
  readonly facts: readonly DatedFact[];
  readonly beats: ReadonlyMap<string, CompiledBeat>;
  readonly endingIds: ReadonlySet<string>;
  readonly endings: readonly CompiledEnding[];
  readonly injects: readonly CompiledInject[];
  readonly objectives: readonly CompiledObjective[];
  readonly indicatorRanges: Readonly<Record<string, readonly [number, number]>>;
}

/** A request topic as shown in the scenario's language (its English words when it has no translation). */
export function topicText(scenario: Pick<Scenario, 'topicNames'>, topic: string): string {
  return scenario.topicNames.get(topic) ?? topic;
}

/** Which direction of an indicator is better for `side`. */
export function betterFor(better: ScenarioFile['indicators'][number]['better'], side: Side): 'higher' | 'lower' {
  return typeof better === 'string' ? better : better[side];
}

/** The fallback of a text with variants (its last variant), for lists that show no particular moment. */
export function fallbackText(text: string | readonly { readonly text: string }[]): string {
  return typeof text === 'string' ? text : (text[text.length - 1]?.text ?? '');
}

/** A side's text of a side text, as its fallback. */
export function sideFallback(
  text: string | readonly { readonly text: string }[] | { readonly us: string | readonly { readonly text: string }[]; readonly cn: string | readonly { readonly text: string }[] },
  side: Side,
): string {
  if (typeof text === 'string' || Array.isArray(text)) return fallbackText(text as string | readonly { readonly text: string }[]);
  return fallbackText((text as Record<Side, string | readonly { readonly text: string }[]>)[side]);
}

/** The tone label of a per-side verdict: "us success, China failure". */
export function toneWords(tone: Readonly<Record<Side, Tone>>): string {
  return tone.us === tone.cn ? `${tone.us} for both` : `${tone.us} for the US, ${tone.cn} for China`;
}
