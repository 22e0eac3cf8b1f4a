/**
 * Vitest's global setup: the interface's messages compiled as `npm run i18n` compiles them, when they
 * changed since the last compile (src/cli/compile-messages.ts). vite.config.ts leaves the Paraglide
 * plugin out of Vitest's own server, so a test run after an edit to a message still reads the new words.
 */
import { compileMessages, PROJECT_DIRS } from '../src/cli/compile-messages';

export default async function setup(): Promise<void> {
  if ((await compileMessages(PROJECT_DIRS, false)) === 'compiled') console.log('[i18n] the messages changed since the last compile: compiled them again');
}
