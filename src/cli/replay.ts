/** `scenario replay <file.json>`: replays a replay file against its scenario and says whether it reproduces. */
import { readFileSync } from 'node:fs';
import type { Scenario } from '../engine';
import { checkReplay, parseReplay, type ReplayError, stateHash } from '../engine';
import { type Command, CommandFailure, EXIT_FAIL, EXIT_OK, type Io, line, parse, UsageError } from './io';
import { displayName, existingFile, loadScenarioFile, openScenario, projectLibrary, projectScenarioFiles } from './project';

export const REPLAY_HELP = `Usage: npm run scenario -- replay <file.json> [--scenario F]

Replays a replay file (scenario, content hash, engine version, seed, choices and a state hash after
each action) and says whether it reproduces exactly. A replay recorded for another version of the
scenario, or under another rules version, is refused before turn 1 with the reason; one that
diverges is stopped at the first action whose state differs.

  --scenario F    the scenario file to replay against (default: the scenario in scenarios/ whose
                  id is the replay's scenarioId)

Exit code: 0 when the replay reproduces, 1 when it is refused or does not reproduce, 2 on a usage
error.
`;

/** The scenario in scenarios/ with this id: `<id>.yaml` first, then every other file in order. */
function findScenario(io: Io, id: string): Scenario {
  const lib = projectLibrary();
  if (lib.library === null) throw new CommandFailure('the terms or ladder file has errors');
  const files = projectScenarioFiles();
  const preferred = files.filter((f) => f.endsWith(`/${id}.yaml`) || f.endsWith(`\\${id}.yaml`));
  for (const abs of [...preferred, ...files.filter((f) => !preferred.includes(f))]) {
    const { scenario } = loadScenarioFile(io, abs, lib.library);
    if (scenario !== null && scenario.id === id) return scenario;
  }
  throw new CommandFailure(`no valid scenario with id "${id}" in scenarios/; name its file with --scenario`);
}

function refusal(io: Io, name: string, e: ReplayError): number {
  const where = e.path !== '' ? ` (at ${e.path})` : '';
  line(io, `${name}: does not reproduce: ${e.code}: ${e.message}${where}`);
  return EXIT_FAIL;
}

export const replay: Command = async (args, io) => {
  const { values, positionals } = parse(args, { scenario: { type: 'string' } });
  if (values.help === true) {
    io.out(REPLAY_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name a replay file' : 'name one replay file');
  const abs = existingFile(io, positionals[0] as string);
  const name = displayName(io, abs);
  const parsed = parseReplay(readFileSync(abs, 'utf8'), name);
  if (!parsed.ok) return refusal(io, name, parsed.error);
  const file = parsed.value;
  const scenario = values.scenario !== undefined ? openScenario(io, values.scenario) : findScenario(io, file.scenarioId);
  const result = checkReplay(scenario, file);
  if (!result.ok) return refusal(io, name, result.error);
  const state = result.value.state;
  const end = state.ending !== null ? `ending "${state.ending}" after ${state.turn} turns` : `in progress after ${state.turn} turns`;
  line(io, `${name}: reproduces: ${scenario.id} ${scenario.version}, seed "${file.seed}", ${file.actions.length} actions, ${end}, final state ${stateHash(state)}`);
  return EXIT_OK;
};
