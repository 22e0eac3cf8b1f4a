/** `scenario play <file> --seed S`: plays one run in the terminal, from typed choices or a --choose list. */

import type { Controller, GameState, OptionView, Side, TurnRecord } from '../engine';
import { isValidSeed, legalOptions, resolveTurn, SIDE_NAMES, start } from '../engine';
import { type Command, CommandFailure, EXIT_OK, type Io, line, parse, UsageError } from './io';
import { type LineReader, lineReader } from './line-reader';
import { endingLines, headerLines, recordLines, turnLines } from './play-text';
import { openScenario } from './project';

export const PLAY_HELP = `Usage: npm run scenario -- play <file> --seed S [--side us|cn|both] [--choose 2,1,3…] [--json]

Plays one run of a scenario in the terminal, turn by turn: the situation, your numbered options with
their terms and rungs, the outcome with its chance and draw, the counterpart's response, indicator,
ledger and hotline changes, injects, and the ending with each objective.

  --seed S        the run's seed (required; the same seed and choices always give the same run)
  --side SIDE     us, cn or both (two teams); default: the scenario's first playable side
  --choose LIST   the choices, 1-based among the options offered at each decision, comma-separated;
                  with --side both each decision is us:cn, as in 2:1,1:3. Without --choose, the
                  choices are read from the keyboard. If the list runs out, play stops there.
  --json          print only the run's log as JSON (what the browser's log holds, byte for byte)

Exit code: 0 when the run was played (or stopped when --choose ran out), 1 when the scenario has
errors, 2 on a usage error (including an index that is not among the options offered).
`;

type PlaySide = Side | 'both';

function parseSide(value: string | undefined, allowed: readonly Side[], teams: boolean): PlaySide {
  if (value === undefined) return allowed[0] ?? 'us';
  if (value === 'both') {
    if (!teams) throw new UsageError('this scenario is not written for two teams: --side both is not offered');
    return 'both';
  }
  if (value !== 'us' && value !== 'cn') throw new UsageError(`--side must be us, cn or both, not "${value}"`);
  if (!allowed.includes(value)) throw new UsageError(`this scenario cannot be played as ${value}; its sides are ${allowed.join(', ')}`);
  return value;
}

/** Parses `2,1,3` (one side) or `2:1,1:3` (both sides): one array of 1-based indices per decision. */
export function parseChooseList(text: string, both: boolean): number[][] {
  if (text.trim() === '') return [];
  return text.split(',').map((item, i) => {
    const parts = item.trim().split(':');
    if (parts.length !== (both ? 2 : 1) || !parts.every((p) => /^[1-9]\d{0,2}$/.test(p))) {
      throw new UsageError(`--choose item ${i + 1} "${item}" must be ${both ? 'two numbers such as 2:1 (us:cn)' : 'a number from 1'}`);
    }
    return parts.map(Number);
  });
}

export const play: Command = async (args, io) => {
  const { values, positionals } = parse(args, {
    seed: { type: 'string' },
    side: { type: 'string' },
    choose: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help === true) {
    io.out(PLAY_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name a scenario file' : 'name one scenario file');
  const seed = values.seed;
  if (seed === undefined) throw new UsageError('--seed is required');
  if (!isValidSeed(seed)) throw new UsageError('a seed is 1 to 64 characters with no control characters');
  const scenario = openScenario(io, positionals[0] as string);
  const side = parseSide(values.side, scenario.file.sides, scenario.file.teams);
  const people: Side[] = side === 'both' ? ['us', 'cn'] : [side];
  const controllers: Record<Side, Controller> = { us: people.includes('us') ? 'people' : 'model', cn: people.includes('cn') ? 'people' : 'model' };
  const list = values.choose !== undefined ? parseChooseList(values.choose, side === 'both') : null;
  const json = values.json === true;
  // With --json, stdout holds the log alone; a person choosing at the keyboard still reads the turns on stderr.
  const text = (lines: readonly string[]): void => {
    if (!json) for (const l of lines) line(io, l);
    else if (list === null) for (const l of lines) io.err(`${l}\n`);
  };

  let state: GameState = start(scenario, seed, controllers);
  text(headerLines(scenario, state, people));
  const reader: LineReader | null = list === null ? lineReader(io.stdin) : null;
  let decision = 0;
  try {
    while (state.ending === null) {
      const offers = people.map((s) => [s, legalOptions(scenario, state, s)] as const);
      text(turnLines(scenario, state, offers));
      const picks = list !== null ? fromList(list, decision, offers, state) : await fromKeyboard(io, reader as LineReader, offers, json);
      if (picks === null) {
        const why = list !== null ? `--choose ran out after ${decision} decision${decision === 1 ? '' : 's'}` : 'the input ended';
        text(['', `Stopped before turn ${state.turn + 1} (beat ${state.beat}): ${why}.`]);
        break;
      }
      const choice: { us?: string; cn?: string } = {};
      offers.forEach(([s, options], i) => {
        choice[s] = (options[(picks[i] as number) - 1] as OptionView).id;
      });
      const prevHotline = state.hotline.status;
      const result = resolveTurn(scenario, state, choice);
      if (!result.ok) throw new CommandFailure(`turn ${state.turn + 1}: ${result.error.code}: ${result.error.message}`);
      state = result.state;
      decision++;
      text(recordLines(scenario, result.record as TurnRecord, prevHotline));
    }
  } finally {
    reader?.close();
  }
  if (state.ending !== null) {
    text(endingLines(scenario, state, people));
    if (list !== null && list.length > decision) io.err(`note: ${list.length - decision} choice${list.length - decision === 1 ? '' : 's'} left unused: the game ended after ${decision}\n`);
  }
  if (json) io.out(`${JSON.stringify(state.log, null, 2)}\n`);
  return EXIT_OK;
};

type Offers = readonly (readonly [Side, readonly OptionView[]])[];

function fromList(list: readonly number[][], decision: number, offers: Offers, state: GameState): number[] | null {
  const picks = list[decision];
  if (picks === undefined) return null;
  offers.forEach(([side, options], i) => {
    const k = picks[i] as number;
    if (k > options.length) {
      throw new UsageError(
        `decision ${decision + 1} (turn ${state.turn + 1}, beat ${state.beat}): ${k} is not an option for ${SIDE_NAMES[side]}; ${options.length} option${options.length === 1 ? ' is' : 's are'} offered (1-${options.length})`,
      );
    }
  });
  return picks;
}

async function fromKeyboard(io: Io, reader: LineReader, offers: Offers, json: boolean): Promise<number[] | null> {
  const say = (t: string): void => (json ? io.err(t) : io.out(t));
  const picks: number[] = [];
  for (const [side, options] of offers) {
    for (;;) {
      say(`Choose 1-${options.length} for ${SIDE_NAMES[side]}: `);
      const answer = await reader.next();
      if (answer === null) {
        say('\n');
        return null;
      }
      const k = /^\s*\d{1,3}\s*$/.test(answer) ? Number(answer) : NaN;
      if (k >= 1 && k <= options.length) {
        picks.push(k);
        break;
      }
      say(`"${answer.trim()}" is not one of 1-${options.length}.\n`);
    }
  }
  return picks;
}
