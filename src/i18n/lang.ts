/**
 * The interface's language: English by default, Simplified Chinese on request. The choice is
 * remembered (a custom Paraglide strategy over localStorage that never throws); a link may carry it as `?lang=zh-Hans` (or
 * `?lang=en`), which is taken and remembered before anything is drawn. Messages are Paraglide's typed
 * functions (`m.…`), compiled from src/i18n/messages/<locale>/*.json.
 */

import { m } from './paraglide/messages.js';
import { defineCustomClientStrategy, getLocale, isLocale, type Locale, locales, setLocale } from './paraglide/runtime.js';

export type { Locale };
export { locales, m };

/** Where the page remembers the language chosen (one key; runs and notes live in IndexedDB). */
const REMEMBERED = 'red-phone:lang';

/**
 * The remembered language, read and written in a way that never throws: storage that is switched off
 * or full (a private window, a quota) leaves the language for this page only.
 */
let chosen: Locale | undefined;

defineCustomClientStrategy('custom-remembered', {
  getLocale: () => {
    if (chosen !== undefined) return chosen;
    try {
      const kept = globalThis.localStorage?.getItem(REMEMBERED);
      return kept != null && isLocale(kept) ? kept : undefined;
    } catch {
      return undefined;
    }
  },
  setLocale: (locale) => {
    if (isLocale(locale)) chosen = locale;
    try {
      globalThis.localStorage?.setItem(REMEMBERED, locale);
    } catch {
      // Not remembered: the page keeps the language until it is closed.
    }
  },
});

/** The language the page is in now. */
export function lang(): Locale {
  return getLocale();
}

/** Each language's name in itself, for the switch. */
export const LANG_NAMES: Readonly<Record<Locale, string>> = { en: 'English', 'zh-Hans': '简体中文' };

/**
 * Takes `?lang=` from the page's address (remembered from then on), then sets the document's `lang`.
 * An unknown value is ignored: the remembered language (or English) stays.
 */
export function startLang(search: string, root: HTMLElement): Locale {
  const asked = new URLSearchParams(search).get('lang');
  if (asked !== null && isLocale(asked) && asked !== getLocale()) setLocale(asked, { reload: false });
  root.lang = getLocale();
  return getLocale();
}

/** Switches the language; the page loads again in it (a run in progress is kept in its save). */
export function switchLang(to: Locale): void {
  if (to !== getLocale()) setLocale(to);
}

const TERM_NAMES: Readonly<Record<string, () => string>> = { T1: m.agreement_t1, T2: m.agreement_t2, T3: m.agreement_t3, T4: m.agreement_t4 };

const RUNG_NAMES: Readonly<Record<string, (inputs: Record<string, never>, options: { locale: Locale }) => string>> = {
  quiet_diplomacy: m.stage_rung_quiet_diplomacy,
  formal_request: m.stage_rung_formal_request,
  public_attribution: m.stage_rung_public_attribution,
  indictment: m.stage_rung_indictment,
  targeted_sanctions: m.stage_rung_targeted_sanctions,
  broad_sanctions: m.stage_rung_broad_sanctions,
  cyber_retaliation: m.stage_rung_cyber_retaliation,
};

/** A rung's label: the ladder file's in English, the message of its id in another language (the file's when it has none). */
export function rungText(rung: { readonly id: string; readonly label: string }, locale: Locale = getLocale()): string {
  const name = Object.hasOwn(RUNG_NAMES, rung.id) ? RUNG_NAMES[rung.id] : undefined;
  return name === undefined || locale === 'en' ? rung.label : name({}, { locale });
}

/**
 * A term's short name in the page's language (the game's own label, never the agreement's wording);
 * a term this build has no name for keeps the name its file gives.
 */
export function termName(term: { readonly id: string; readonly name: string }): string {
  const name = Object.hasOwn(TERM_NAMES, term.id) ? TERM_NAMES[term.id] : undefined;
  return name === undefined || getLocale() === 'en' ? term.name : name();
}

/**
 * Where the agreement's words come from. They are always shown in English, verbatim: no official
 * Chinese text of the 2015 outcome list has been found at its source, and a translation of ours must
 * never pass for the official wording.
 */
export function termWordsNote(): string {
  return m.agreement_words_source();
}
