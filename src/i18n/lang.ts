/**
 * The interface's language: English by default, Simplified Chinese on request. The choice is
 * remembered by Paraglide's localStorage strategy; a link may carry it as `?lang=zh-Hans` (or
 * `?lang=en`), which is taken and remembered before anything is drawn. Messages are Paraglide's typed
 * functions (`m.…`), compiled from src/i18n/messages/<locale>/*.json.
 */
import { getLocale, isLocale, type Locale, locales, setLocale } from './paraglide/runtime.js';

export { m } from './paraglide/messages.js';
export type { Locale };
export { locales };

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
