/**
 * The report's English sentence for a finding (src/engine/report/after-action-findings.ts): the one
 * wording the CLI, the Markdown, CSV and JSON exports and the printable pack use. The page words the
 * same data through its messages (src/ui/findings.ts), identically in English.
 */
import { SIDE_NAMES, type Side } from '../format';
import type { FindingRung, FindingTerm, ReportFinding } from './after-action-types';

const times = (n: number): string => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

const turnList = (turns: readonly number[]): string => (turns.length === 1 ? `turn ${turns[0]}` : `turns ${turns.slice(0, -1).join(', ')} and ${turns[turns.length - 1]}`);

/** The side at the start of a sentence, and inside one. */
const subject = (side: Side): string => (side === 'us' ? 'The United States' : SIDE_NAMES[side]);
const object = (side: Side): string => (side === 'us' ? 'the United States' : SIDE_NAMES[side]);

const termLabel = (term: FindingTerm): string => `${term.id} (${term.name})`;
const rungLabel = (rung: FindingRung): string => `"${rung.label}" (rung ${rung.n} of ${rung.of})`;
const turnOf = (turn: number | null): string => (turn === null ? '?' : String(turn));

/** A finding as one English sentence, exactly as the report has always written it. */
export function findingText(f: ReportFinding): string {
  switch (f.kind) {
    case 'ending': {
      const what = f.tone === 'success' ? 'a success' : f.tone === 'failure' ? 'a failure' : 'a mixed result';
      return `The run ended in "${f.title}", ${what} for ${object(f.side)}: ${f.text}`;
    }
    case 'objective_met':
      return `Met the objective "${f.label}" (score ${f.score} of 100).`;
    case 'objective_missed':
      return `Did not meet the objective "${f.label}" (score ${f.score} of 100).`;
    case 'term_strained':
      return `${subject(f.side)} strained ${termLabel(f.term)} ${times(f.turns.length)}, on ${turnList(f.turns)}.`;
    case 'term_kept':
      return `${subject(f.side)} relied on ${termLabel(f.term)} ${times(f.times)} and never strained it.`;
    case 'request_token':
      return `Request ${f.request.id} ("${f.request.topic}") got only a token acknowledgement, on turn ${turnOf(f.turn)}: in time, but not an answer.`;
    case 'request_late':
      return `Request ${f.request.id} ("${f.request.topic}") was answered late, on turn ${turnOf(f.turn)} (due turn ${f.due})${f.quality === null ? '' : `, with a ${f.quality} answer`}.`;
    case 'request_never':
      return `Request ${f.request.id} ("${f.request.topic}") was never answered (due turn ${f.due}).`;
    case 'requests_on_time':
      return `${subject(f.side)} answered all ${f.count === 1 ? 'the one request' : `${f.count} requests`} for assistance on time, in substance.`;
    case 'rung_climbed':
      return `${subject(f.side)} climbed to ${rungLabel(f.rung)} on turn ${f.turn}.`;
    case 'rung_kept':
      return `${subject(f.side)} stayed at or below ${rungLabel(f.rung)} throughout.`;
  }
}
