import type { FileKind } from '../shared/fileKinds';
import type { LanguageMode } from './languageMode';
import { fromLegacy } from './legacyMode';
import { composeNetworksMode } from './compose/composeNetworksMode';
import { daemonJsonMode } from './daemonJson/daemonJsonMode';
import { systemdDropinMode } from './systemdDropin/systemdDropinMode';

/** The registry: one mode per file kind. */
export function getLanguageModes(): Record<FileKind, LanguageMode<any, any>> {
  return {
    daemonJson: fromLegacy(daemonJsonMode),
    compose: fromLegacy(composeNetworksMode),
    systemdDropin: systemdDropinMode,
  };
}
