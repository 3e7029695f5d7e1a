import type { LanguageMode } from '../languageMode';
import { resolveFix } from './codeActions';
import { complete } from './complete';
import { hover } from './hover';
import type { DropinFix, DropinModel } from './model';
import { parse } from './parse';
import { findDocumentSymbols } from './symbols';
import { validate, validateLarge } from './validate';

/**
 * The systemd drop-in mode: docker.service.d/*.conf and http-proxy.conf. Files in a
 * `.service.d/` folder that systemd never reads (not `*.conf`, or hidden) get a single
 * warning and no other diagnostics; other files that reach this mode (user patterns)
 * are validated as drop-ins.
 */
export const systemdDropinMode: LanguageMode<DropinModel, DropinFix> = {
  kind: 'systemdDropin',
  // Trigger characters are shared by every mode of the server: no '[' or ' ', which
  // would open completion all over JSON and YAML files.
  triggerCharacters: ['=', '"'],
  parse,
  validate,
  validateLarge,
  resolveFix: (_document, model, fix) => resolveFix(model, fix),
  complete,
  hover,
  findDocumentSymbols,
};
