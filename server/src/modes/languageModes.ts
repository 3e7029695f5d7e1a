import type { FileKind } from '../shared/fileKinds';
import type { LanguageMode } from './languageMode';
import { composeMode } from './compose/composeMode';
import { daemonJsonMode } from './daemonJson/daemonJsonMode';
import { systemdDropinMode } from './systemdDropin/systemdDropinMode';

/** The registry: one mode per file kind. */
export function getLanguageModes(): Record<FileKind, LanguageMode<any, any>> {
  return {
    daemonJson: daemonJsonMode,
    compose: composeMode,
    systemdDropin: systemdDropinMode,
  };
}
