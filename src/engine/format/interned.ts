/**
 * One copy of a name's text for every use of it. The simulator compares option and outcome ids with
 * `===` millions of times a second (`chose.us.indict`, `outcome.cn.denied`): ids read from a file and
 * ids read from an expression are separate strings, and two separate strings are compared character by
 * character, even to find that they differ. A string used as a property name is the engine's one copy of
 * that text (V8 internalizes property names), and two such copies are compared by reference alone; in
 * any engine the text is the same, so nothing else changes.
 */
export function interned(s: string): string {
  return Object.keys({ [s]: 0 })[0] ?? s;
}
