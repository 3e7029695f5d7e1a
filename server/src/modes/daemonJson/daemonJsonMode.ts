import type { LanguageMode } from '../languageMode';
import { resolveFix } from './codeActions';
import { complete } from './complete';
import { declaredSubnets } from './declaredSubnets';
import { hover } from './hover';
import type { DaemonJsonFix, DaemonJsonModel } from './model';
import { parse } from './parse';
import { validate } from './validate';

/**
 * The daemon.json mode: strict-JSON and dockerd-faithful diagnostics (rules/index.ts),
 * completion and hover from schemas/daemon.schema.json, quick fixes resolved against
 * the current parse (codeActions.ts).
 */
export const daemonJsonMode: LanguageMode<DaemonJsonModel, DaemonJsonFix> = {
  kind: 'daemonJson',
  parse,
  validate,
  resolveFix,
  complete,
  hover,
  declaredSubnets,
  triggerCharacters: ['"', ':'],
};
