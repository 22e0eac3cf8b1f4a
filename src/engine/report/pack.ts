/**
 * The exercise pack (issue 12; HSEEP 2020's documents in Red Phone's words): printable, self-contained
 * HTML pages for one exercise: a situation manual for each team, the facilitator guide, the
 * evaluation guide and the participant feedback form. Pure and deterministic: the same scenario and
 * options give the same bytes. Every piece of scenario text is escaped (pack-html.ts).
 */
import type { Scenario } from '../format';
import { EVALUATION_FILE, evaluationGuide, FEEDBACK_FILE, feedbackForm } from './pack-forms';
import { facilitatorGuide, GUIDE_FILE, type GuideOptions } from './pack-guide';
import { manualFileName, situationManual } from './pack-manual';

export { RATINGS } from './pack-forms';
export { type ClassPlan, classPlans } from './pack-guide';
export { escapeHtml as packEscape } from './pack-html';

export type PackOptions = GuideOptions;

export interface PackPage {
  /** The file name, such as `situation-manual-us.html`. */
  readonly name: string;
  /** What the page is, for a list of downloads. */
  readonly title: string;
  readonly html: string;
}

/** The file names of a pack, in the order {@link exercisePack} returns them. */
export const PACK_FILES = [manualFileName('us'), manualFileName('cn'), GUIDE_FILE, EVALUATION_FILE, FEEDBACK_FILE] as const;

/** The five pages of a scenario's exercise pack. */
export function exercisePack(scenario: Scenario, options: PackOptions = {}): PackPage[] {
  return [
    { name: manualFileName('us'), title: 'Situation manual: United States team', html: situationManual(scenario, 'us') },
    { name: manualFileName('cn'), title: 'Situation manual: China team', html: situationManual(scenario, 'cn') },
    { name: GUIDE_FILE, title: 'Facilitator guide', html: facilitatorGuide(scenario, options) },
    { name: EVALUATION_FILE, title: 'Evaluation guide', html: evaluationGuide(scenario) },
    { name: FEEDBACK_FILE, title: 'Participant feedback form', html: feedbackForm(scenario) },
  ];
}
