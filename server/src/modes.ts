import type { FileKind } from './fileKinds';
import type { LanguageMode } from './languageModes';
import { composeNetworksMode } from './composeNetworks/composeNetworksMode';
import { daemonJsonMode } from './daemonJson/daemonJsonMode';
import { systemdDropinMode } from './systemdDropin/systemdDropinMode';

/** The registry: one mode per file kind. */
export function getLanguageModes(): Record<FileKind, LanguageMode<any>> {
  return {
    daemonJson: daemonJsonMode,
    compose: composeNetworksMode,
    systemdDropin: systemdDropinMode,
  };
}
