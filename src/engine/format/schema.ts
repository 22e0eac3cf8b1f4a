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

export const SCENARIO_FORMAT = 'red-phone/scenario@2';
/** The format before each turn became one event; its files are refused with what to change. */
export const SCENARIO_FORMAT_1 = 'red-phone/scenario@1';
export const TERMS_FORMAT = 'red-phone/terms@1';
export const LADDER_FORMAT = 'red-phone/ladder@1';
export const FACTS_FORMAT = 'red-phone/facts@1';
/** The rung of an option off the escalation ladder: cooperation or restraint. */
export const OFF_LADDER = 'off_ladder';

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

/**
 * A condition or a number written as a small expression: `trust >= 40 and not evidence_public`,
 * `30 + trust / 2`. Whole numbers only; `/` rounds toward zero. See scenarios/README.md.
 */
export const exprSchema = z
  .union([z.number().int().min(-1_000_000).max(1_000_000), z.boolean(), z.string().min(1).max(500)])
  .describe('A whole number, true/false, or an expression such as "trust >= 40 and not evidence_public".');

/** One variant of a text: shown when `when` holds (the last variant, without `when`, is the fallback). */
const variantOf = (inner: z.ZodString) =>
  z.strictObject({
    when: exprSchema.optional().describe('Shown when this holds (the first variant that holds wins).'),
    presumes: exprSchema.optional().describe('What this text takes for granted; the simulator checks it whenever the text is shown.'),
    text: inner,
  });

/** A text, or variants of it chosen by the state: `[{ when, presumes, text }, …, { text }]`. */
const variantsOf = (inner: z.ZodString) =>
  z.union([inner, z.array(variantOf(inner)).min(1).max(12)]).describe('A text, or a list of variants { when, presumes, text } ending with a fallback { text }.');

export const variantTextSchema = variantsOf(text);
export const variantShortTextSchema = variantsOf(shortText);

/** Text that is the same for both sides, or written for each side; each may have variants. */
export const sideTextSchema = z
  .union([text, z.array(variantOf(text)).min(1).max(12), z.strictObject({ us: variantTextSchema, cn: variantTextSchema })])
  .describe('Either one text for both sides, or { us: …, cn: … }; each may be a list of variants.');

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
  text: variantTextSchema.describe("What happened, shown to the players; variants may read both sides' results this turn (outcome.us.<id>)."),
  ...effectsFields,
  request: z
    .strictObject({
      topic: shortText,
      due: z.number().int().min(1).max(20).describe('Turns the other side has to answer.'),
    })
    .optional()
    .describe('Sends a request for assistance (T1) to the other side, recorded in the ledger.'),
  answer: z
    .union([qualitySchema, z.strictObject({ quality: qualitySchema, topic: shortText })])
    .optional()
    .describe('Answers the oldest open request addressed to the acting side (of this topic, when given), with this quality.'),
  next: idSchema.optional().describe('The beat or ending that play goes to next.'),
});

export const optionSchema = z.strictObject({
  id: idSchema,
  label: variantShortTextSchema,
  text: variantTextSchema,
  presumes: exprSchema.optional().describe('What the label and text take for granted; the simulator checks it whenever the option is offered.'),
  topic: idSchema.optional().describe('The thing this move acts on (hotline, request, meeting, visit): moves of both sides on one topic resolve in order.'),
  terms: z
    .strictObject({
      uses: z.array(termIdSchema).max(4).default([]),
      strains: z.array(termIdSchema).max(4).default([]),
      why: z.partialRecord(termIdSchema, shortText).default({}).describe('One line for each term used or strained: why this move uses or strains it.'),
    })
    .describe('The terms of the agreement this option uses and those it strains or breaks, each with why.'),
  rung: idSchema.describe('Its rung on the escalation ladder (scenarios/ladder.yaml), or off_ladder for cooperation and restraint.'),
  when: exprSchema.optional().describe('Offered only when this holds.'),
  ai: exprSchema.optional().describe('Weight with which the counterpart model picks this option (default 10).'),
  default: z.boolean().optional().describe('The option taken when a turn timer runs out (else the first offered).'),
  outcomes: z.array(outcomeSchema).min(1).max(12),
});

export const beatSchema = z.strictObject({
  id: idSchema,
  title: shortText,
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2015-09-24')
    .optional()
    .describe("The date of this beat's turns, as the record has it."),
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
  better: z
    .union([z.enum(['higher', 'lower']), z.strictObject({ us: z.enum(['higher', 'lower']), cn: z.enum(['higher', 'lower']) })])
    .describe('Which direction is better: one value for both sides, or { us: …, cn: … }.'),
});

export const flagSchema = z.strictObject({
  id: idSchema,
  description: text,
  start: z.boolean().default(false),
  hidden: z.boolean().default(false).describe('A fact the players are not told (the truth behind an attribution): play never prints it.'),
});

export const injectSchema = z.strictObject({
  id: idSchema,
  title: shortText,
  text: text,
  when: exprSchema.optional().describe('Fires by itself, once, at the end of the first turn when this holds; without it only a facilitator fires it.'),
  ...effectsFields,
});

export const toneSchema = z.enum(['success', 'mixed', 'failure']);
export const sourceKeySchema = z.string().regex(/^F\d{1,3}(-[a-z]+)?$/, 'a source key of scenarios/facts.yaml, such as F20');

export const endingSchema = z.strictObject({
  id: idSchema,
  title: shortText,
  text: sideTextSchema,
  tone: z
    .strictObject(
      { us: toneSchema, cn: toneSchema },
      {
        error: (issue) =>
          issue.code === 'invalid_type' && typeof issue.input === 'string'
            ? `an ending's tone is given for each side: write tone: { us: ${issue.input}, cn: … } (runaway escalation is a failure for both)`
            : undefined,
      },
    )
    .describe('The verdict for each side: { us: success|mixed|failure, cn: … }.'),
  when: exprSchema.optional().describe('Reached as soon as this holds after a turn, wherever play is.'),
  history: z
    .union([text, z.strictObject({ text, sources: z.array(sourceKeySchema).min(1).max(20) })])
    .describe('What actually happened, for the debrief; optionally with source keys from facts.yaml.'),
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
  key: sourceKeySchema,
  title: shortText,
  url: z.string().max(500).optional(),
});

export const scenarioSchema = z
  .strictObject({
    format: z.literal(SCENARIO_FORMAT),
    id: scenarioIdSchema,
    title: shortText,
    summary: text,
    invented: text.optional().describe('What in this scenario is invented, for the title card and the briefing.'),
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
    history: z.strictObject({ text, sources: z.array(sourceKeySchema).min(1).max(40) }).describe('What actually happened, with source keys from scenarios/facts.yaml.'),
    justified: z
      .record(
        z.string().regex(/^(no-impact|free-to-break|last-roll|dominant-policy)(:[A-Za-z0-9_-]{1,48})?$/, 'a decision-impact flag key such as dominant-policy:cooperative or free-to-break:T1'),
        shortText,
      )
      .optional()
      .describe('Decision-impact flags the designer intends, each with the reason (scenario sim lists them as justified).'),
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

export const factsFileSchema = z.strictObject({
  format: z.literal(FACTS_FORMAT),
  sources: z.array(sourceSchema).min(1).max(400),
  facts: z
    .array(z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2015-09-25'), text, sources: z.array(sourceKeySchema).min(1).max(10) }))
    .max(400)
    .default([]),
});

export type FactsFile = z.output<typeof factsFileSchema>;
export type SourceFile = z.output<typeof sourceSchema>;
export type Tone = z.output<typeof toneSchema>;
export type VariantText = z.output<typeof variantTextSchema>;
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
