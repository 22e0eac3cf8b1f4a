/**
 * The improvement plan of a run's after-action report (issue 12; HSEEP's improvement plan): for each
 * area for improvement, the corrective action, its owner and its due date, typed by the facilitator in
 * the hot wash. Kept with the run like the hot-wash notes, in the save's settings: `plan.<i>` holds
 * `<due length>.<owner length>:<due><owner><action>` cut to 200 characters, a longer entry going on in
 * `plan.<i>.<p>`. An empty entry takes no key. Whether it all fits is checked with the notes and
 * branches (src/store/trainee.ts): a change that would not fit is refused, never dropped.
 */
import type { SaveSettings } from '../engine';
import type { PlanEntry, Run } from './run';

export type { PlanEntry } from './run';

export type PlanField = keyof PlanEntry;

/** The longest text of each field. */
export const PLAN_LIMITS: Readonly<Record<PlanField, number>> = { action: 400, owner: 80, due: 40 };
/** Areas for improvement an improvement plan may cover (a report lists far fewer). */
export const MAX_PLAN_ENTRIES = 32;
const PART = 200;

export const EMPTY_ENTRY: PlanEntry = { action: '', owner: '', due: '' };

export const isEmptyEntry = (e: PlanEntry | undefined): boolean => e === undefined || (e.action === '' && e.owner === '' && e.due === '');

/** The plan with one field of entry `index` set (cut to its limit); trailing empty entries dropped. */
export function withPlanField(plan: readonly PlanEntry[] | undefined, index: number, field: PlanField, text: string): PlanEntry[] {
  const out = [...(plan ?? [])];
  while (out.length <= index) out.push(EMPTY_ENTRY);
  out[index] = { ...(out[index] ?? EMPTY_ENTRY), [field]: text.slice(0, PLAN_LIMITS[field]) };
  while (out.length > 0 && isEmptyEntry(out[out.length - 1])) out.pop();
  return out;
}

/** The plan as save settings (see the file's comment). */
export function planSettings(plan: readonly PlanEntry[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  (plan ?? []).forEach((e, i) => {
    if (isEmptyEntry(e)) return;
    const text = `${e.due.length}.${e.owner.length}:${e.due}${e.owner}${e.action}`;
    for (let p = 0; p * PART < text.length; p++) out[p === 0 ? `plan.${i}` : `plan.${i}.${p}`] = text.slice(p * PART, (p + 1) * PART);
  });
  return out;
}

/** The plan read back from save settings (malformed entries read as empty); an empty list when there is none. */
export function planFromSettings(settings: SaveSettings): PlanEntry[] {
  const plan: PlanEntry[] = [];
  for (let i = 0; i < MAX_PLAN_ENTRIES; i++) {
    let v = settings[`plan.${i}`];
    for (let p = 1; typeof v === 'string' && typeof settings[`plan.${i}.${p}`] === 'string'; p++) v += settings[`plan.${i}.${p}`] as string;
    const m = typeof v === 'string' ? /^(\d{1,3})\.(\d{1,3}):/.exec(v) : null;
    if (m === null || typeof v !== 'string') {
      plan.push(EMPTY_ENTRY);
      continue;
    }
    const dueLength = Number(m[1]);
    const ownerLength = Number(m[2]);
    const body = v.slice(m[0].length);
    if (dueLength > PLAN_LIMITS.due || ownerLength > PLAN_LIMITS.owner || dueLength + ownerLength > body.length) {
      plan.push(EMPTY_ENTRY);
      continue;
    }
    plan.push({ due: body.slice(0, dueLength), owner: body.slice(dueLength, dueLength + ownerLength), action: body.slice(dueLength + ownerLength, dueLength + ownerLength + PLAN_LIMITS.action) });
  }
  while (plan.length > 0 && isEmptyEntry(plan[plan.length - 1])) plan.pop();
  return plan;
}

/** The run with one field of improvement-plan entry `index` set (the caller checks that the extras still fit). */
export function withPlan(run: Run, index: number, field: PlanField, text: string): Run {
  const extras = run.extras ?? { branches: [], notes: [] };
  const plan = withPlanField(extras.plan, index, field, text);
  const { plan: _old, ...rest } = extras;
  return { ...run, extras: plan.length === 0 ? rest : { ...rest, plan } };
}
