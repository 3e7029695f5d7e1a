import * as l10n from '@vscode/l10n';
import type { DisplayLanguage } from '../shared/protocol';

/**
 * The display language of what the modes write (#23). Two sources, one language:
 * - messages (rule messages, quick-fix titles, completion details, the labels of hover
 *   text) are `l10n.t('… {0} …', x)` of `@vscode/l10n` at the call site, so that
 *   `npm run l10n` (@vscode/l10n-dev) finds them and keeps `l10n/bundle.l10n*.json` in
 *   step (no tagged templates: l10n-dev 0.0.35 mis-extracts one with an escaped backtick);
 *   the host configures `@vscode/l10n` once, here;
 * - documentation in `schemas/` carries its translation beside the English, as an
 *   `x-<language>` object holding the same fields (`"x-zh-cn": { "description": "…" }`),
 *   read through `localized(entry, 'description')`, so hover and completion render the
 *   same entry in the same language as the messages.
 * The language is process-wide state, as `@vscode/l10n`'s own bundle is: one server or
 * CLI process serves one display language. Anything untranslated falls back to English.
 */
let language = 'en';

/** Called once by the host (the server at `initialize`) before any mode runs. */
export function useDisplayLanguage(display: DisplayLanguage | undefined): void {
  // Without a bundle the messages stay English, so the docs must too (no mixed language).
  language = display?.bundle ? display.language.toLowerCase() : 'en';
  if (display?.bundle) l10n.config({ contents: display.bundle });
}

/** The display language in use (`en` when none was given). */
export function displayLanguage(): string {
  return language;
}

/** The property the translations of an entry are kept under, e.g. `x-zh-cn`. */
export function translationKey(lang: string): string {
  return `x-${lang.toLowerCase()}`;
}

/** `entry[field]` in the display language: its `x-<language>` text when there is one, else the English. */
export function localized<E extends object, F extends keyof E & string>(entry: E, field: F): E[F] {
  if (language === 'en') return entry[field];
  const translations = (entry as Record<string, unknown>)[translationKey(language)] as Partial<E> | undefined;
  const text = translations?.[field];
  return text === undefined ? entry[field] : text;
}

/**
 * Sentences joined into one message: by a space in English, with nothing in Chinese,
 * whose full stop `。` ends a sentence without one. Empty parts are left out, so an
 * optional hint is `cond ? l10n.t('…') : ''`.
 */
export function sentences(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(language.startsWith('zh') ? '' : ' ');
}
