/**
 * Chance checks on weights that are constants (RELIABILITY promise 12). A weight written as an
 * expression of the state can only be judged while playing; the engine refuses a draw whose weights
 * sum to zero (`scenario/zero-weights`), and the simulator finds the states that cause it.
 *
 * Codes: chance/negative-weight, chance/zero-total (errors); chance/ai-zero-total (warning);
 * chance/zero-total-possible (warning, check-zero-weights.ts: expression weights that can all be zero).
 * A yes/no value used as a weight is reported by the compiler as expr/type.
 */
import type { Expr, PathSegment, ScenarioFile } from '../format';
import { compileExpr, type ExprEnv, SIDES } from '../format';
import type { CheckFindings } from './check';
import { checkZeroWeights } from './check-zero-weights';

function constantOf(source: Expr, env: ExprEnv): number | null {
  const r = compileExpr(source, 'number', env);
  return r.ok ? r.constant : null;
}

/** Checks every outcome weight and every counterpart-model weight that is a constant. */
export function checkChance(file: ScenarioFile, env: ExprEnv, out: CheckFindings): void {
  file.beats.forEach((beat, b) => {
    for (const side of SIDES) {
      const aiWeights: (number | null)[] = [];
      beat.options[side].forEach((o, i) => {
        const path: PathSegment[] = ['beats', b, 'options', side, i];
        const ai = o.ai === undefined ? null : constantOf(o.ai, env);
        aiWeights.push(o.ai === undefined ? 1 : ai);
        if (ai !== null && ai < 0) out.error('chance/negative-weight', [...path, 'ai'], `the model's weight for this option is ${ai}: weights cannot be negative`);
        const weights = o.outcomes.map((outcome, k) => {
          const w = constantOf(outcome.weight, env);
          if (w !== null && w < 0) out.error('chance/negative-weight', [...path, 'outcomes', k, 'weight'], `this weight is ${w}: weights cannot be negative`);
          return w;
        });
        if (weights.every((w) => w !== null && w <= 0)) {
          out.error('chance/zero-total', [...path, 'outcomes'], `the weights of the outcomes of "${o.id}" add up to zero, so none of them can happen: give at least one a positive weight`);
        }
      });
      if (aiWeights.every((w) => w !== null && w <= 0)) {
        out.warning('chance/ai-zero-total', ['beats', b, 'options', side], `every ${side} option here has model weight zero: the counterpart model will pick among them evenly`);
      }
    }
  });
  checkZeroWeights(file, env, out);
}
