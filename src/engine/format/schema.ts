/**
 * The scenario file format, defined once. `scenarios/schema.json` is generated from these schemas
 * (`npm run schema`), so an editor with the YAML language server completes and checks a file.
 *
 * Structure only lives here; references (an unknown indicator, beat or term), the graph and chance
 * are checked by `check.ts` after the structure is known to be sound.
 */
import { z } from 'zod';

// A strict content security policy forbids generated code: zod must not compile validators at run time.
z.config({ jitless: true });

export const SCENARIO_FORMAT = 'red-phone/scenario@1';
export const TERMS_FORMAT = 'red-phone/terms@1';
export const LADDER_FORMAT = 'red-phone/ladder@1';

/** Caps that keep loading bounded (RELIABILITY promise 10). */
export const LIMITS = {
  fileBytes: 512 * 1024,
  stringChars: 8000,
  depth: 24,
  nodes: 40_000,
  listItems: 400,
  diagnostics: 200,
} as const;

/** Ids are snake_case so that they can be named inside condition and weight expressions. */
export const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,47}$/, 'an id is lower case letters, digits and _ , starting with a letter (at most 48)')
  .describe('An id: lower case letters, digits and underscores, starting with a letter.');

export const scenarioIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'a scenario id is lower case letters, digits and -, starting with a letter')
  .describe('The scenario id, kebab-case, as used in links: ip-theft.');

export const sideSchema = z.enum(['us', 'cn']).describe('us: the United States; cn: China.');
export const termIdSchema = z.enum(['T1', 'T2', 'T3', 'T4']).describe('A term of the 2015 agreement: T1 assistance, T2 no IP theft, T3 norms, T4 dialogue and hotline.');

const text = z.string().min(1).max(LIMITS.stringChars);
const shortText = z.string().min(1).max(200);

/** Text that is the same for both sides, or written for each side. */
export const sideTextSchema = z.union([text, z.strictObject({ us: text, cn: text })]).describe('Either one text for both sides, or { us: …, cn: … }.');

/**
 * A condition or a number written as a small expression: `trust >= 40 and not evidence_public`,
 * `30 + trust / 2`. Whole numbers only; `/` rounds toward zero. See scenarios/README.md.
 */
export const exprSchema = z
  .union([z.number().int().min(-1_000_000).max(1_000_000), z.boolean(), z.string().min(1).max(500)])
  .describe('A whole number, true/false, or an expression such as "trust >= 40 and not evidence_public".');

export const hotlineStatusSchema = z.enum(['idle', 'ringing', 'answered', 'unanswered']);
export const qualitySchema = z.enum(['full', 'partial', 'token']);

const effectsFields = {
  effects: z.record(idSchema, z.number().int().min(-1000).max(1000)).optional().describe('Changes to indicators, for example { trust: -10, escalation: 5 }. Values are clamped to each range.'),
  set: z.array(idSchema).max(50).optional().describe('Flags set to true.'),
  clear: z.array(idSchema).max(50).optional().describe('Flags set to false.'),
  hotline: hotlineStatusSchema.optional().describe('The hotline status shown after this.'),
  news: text.optional().describe('A line for the intel and news feed.'),
};

export const outcomeSchema = z.strictObject({
  id: idSchema,
  weight: exprSchema.describe('The relative weight of this outcome: a whole number or an expression of the state.'),
  text: text.describe('What happened, shown to the players.'),
  ...effectsFields,
  request: z
    .strictObject({
      topic: shortText,
      due: z.number().int().min(1).max(20).describe('Turns the other side has to answer.'),
    })
    .optional()
    .describe('Sends a request for assistance (T1) to the other side, recorded in the ledger.'),
  answer: qualitySchema.optional().describe('Answers the oldest open request addressed to the acting side, with this quality.'),
  next: idSchema.optional().describe('The beat or ending that play goes to next.'),
});

export const optionSchema = z.strictObject({
  id: idSchema,
  label: shortText,
  text: text,
  terms: z
    .strictObject({
      uses: z.array(termIdSchema).max(4).default([]),
      strains: z.array(termIdSchema).max(4).default([]),
    })
    .describe('The terms of the agreement this option uses and those it strains or breaks.'),
  rung: idSchema.describe('Its rung on the escalation ladder (scenarios/ladder.yaml).'),
  when: exprSchema.optional().describe('Offered only when this holds.'),
  ai: exprSchema.optional().describe('Weight with which the counterpart model picks this option (default 10).'),
  default: z.boolean().optional().describe('The option taken when a turn timer runs out (else the first offered).'),
  outcomes: z.array(outcomeSchema).min(1).max(12),
});

export const beatSchema = z.strictObject({
  id: idSchema,
  title: shortText,
  text: sideTextSchema,
  lead: sideSchema.optional().describe("Whose outcome decides where play goes when both name a next beat (default: the scenario's lead)."),
  next: idSchema.optional().describe('Where play goes when no outcome names a next beat.'),
  options: z.strictObject({
    us: z.array(optionSchema).min(1).max(12),
    cn: z.array(optionSchema).min(1).max(12),
  }),
});

export const indicatorSchema = z.strictObject({
  id: idSchema,
  label: shortText,
  description: text,
  min: z.number().int().min(-1000).max(1000),
  max: z.number().int().min(-1000).max(1000),
  start: z.number().int().min(-1000).max(1000),
  better: z.enum(['higher', 'lower']).describe('Which direction is better for the United States (shown on the gauges).'),
});

export const flagSchema = z.strictObject({
  id: idSchema,
  description: text,
  start: z.boolean().default(false),
});

export const injectSchema = z.strictObject({
  id: idSchema,
  title: shortText,
  text: text,
  when: exprSchema.optional().describe('Fires by itself, once, at the end of the first turn when this holds; without it only a facilitator fires it.'),
  ...effectsFields,
});

export const endingSchema = z.strictObject({
  id: idSchema,
  title: shortText,
  text: sideTextSchema,
  tone: z.enum(['success', 'mixed', 'failure']).describe('For the United States; the debrief shows it for each side.'),
  when: exprSchema.optional().describe('Reached as soon as this holds after a turn, wherever play is.'),
  history: text.describe('A note on what actually happened, for the debrief.'),
});

export const objectiveSchema = z.strictObject({
  id: idSchema,
  side: sideSchema,
  label: shortText,
  description: text,
  met: exprSchema.describe('A condition on the final state.'),
  score: exprSchema.describe('A number from 0 to 100 computed from the final state.'),
});

export const sourceSchema = z.strictObject({
  key: z.string().regex(/^F\d{1,3}(-[a-z]+)?$/, 'a source key as in FACTS.md: F20'),
  title: shortText,
  url: z.string().max(500).optional(),
});

export const scenarioSchema = z
  .strictObject({
    format: z.literal(SCENARIO_FORMAT),
    id: scenarioIdSchema,
    title: shortText,
    summary: text,
    author: shortText,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version such as 1.0.0'),
    difficulty: z.enum(['introductory', 'standard', 'advanced']),
    sides: z.array(sideSchema).min(1).max(2).describe('The sides a person can play alone against the counterpart model.'),
    teams: z.boolean().default(false).describe('Whether both sides can be played by people at once.'),
    lead: sideSchema.default('us'),
    calendar: z.strictObject({
      start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2015-10-12'),
      turnDays: z.number().int().min(1).max(366),
    }),
    maxTurns: z.number().int().min(1).max(60),
    start: idSchema.describe('The first beat.'),
    timeout: idSchema.describe('The ending reached when maxTurns have been played.'),
    prologue: text.optional(),
    briefing: sideTextSchema,
    indicators: z.array(indicatorSchema).min(1).max(16),
    flags: z.array(flagSchema).max(80).default([]),
    beats: z.array(beatSchema).min(1).max(80),
    injects: z.array(injectSchema).max(40).default([]),
    endings: z.array(endingSchema).min(1).max(30),
    objectives: z.array(objectiveSchema).min(1).max(16),
    questions: z.array(text).min(1).max(20).describe('Discussion questions for the debrief.'),
    history: z.strictObject({ text, sources: z.array(z.string()).min(1) }).describe('What actually happened, with source keys.'),
    sources: z.array(sourceSchema).min(1).max(60),
  })
  .describe('A Red Phone scenario.');

export const termsFileSchema = z.strictObject({
  format: z.literal(TERMS_FORMAT),
  source: text,
  terms: z.array(z.strictObject({ id: termIdSchema, name: shortText, text })).length(4),
});

export const ladderFileSchema = z.strictObject({
  format: z.literal(LADDER_FORMAT),
  rungs: z
    .array(z.strictObject({ id: idSchema, label: shortText, description: text }))
    .min(2)
    .max(12),
});

export type ScenarioFile = z.output<typeof scenarioSchema>;
export type OptionFile = z.output<typeof optionSchema>;
export type OutcomeFile = z.output<typeof outcomeSchema>;
export type BeatFile = z.output<typeof beatSchema>;
export type TermsFile = z.output<typeof termsFileSchema>;
export type LadderFile = z.output<typeof ladderFileSchema>;
export type Side = z.output<typeof sideSchema>;
export type TermId = z.output<typeof termIdSchema>;
export type SideText = z.output<typeof sideTextSchema>;
export type Expr = z.output<typeof exprSchema>;
export type HotlineStatus = z.output<typeof hotlineStatusSchema>;
export type Quality = z.output<typeof qualitySchema>;
