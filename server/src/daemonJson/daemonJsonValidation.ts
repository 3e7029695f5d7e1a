import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ModeContext } from '../languageModes';
import type { DaemonJsonDocument } from './parseDaemonJson';
import { ruleContext, type Rule } from './ruleContext';
import { DAEMON_JSON_RULES } from './rules';

/** Runs every rule over one parse. (The server's runSafe logs a rule that throws.) */
export function daemonJsonValidation(document: TextDocument, parsed: DaemonJsonDocument, ctx: ModeContext, rules: readonly Rule[] = DAEMON_JSON_RULES): Diagnostic[] {
  const rc = ruleContext(document, parsed, ctx);
  return rules.flatMap((rule) => rule(rc));
}
