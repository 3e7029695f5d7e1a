import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ModeContext } from '../languageMode';
import type { DaemonJsonDocument } from './parseDaemonJson';
import { ruleContext, type DaemonJsonRule } from './ruleContext';
import { DAEMON_JSON_RULES } from './rules';
import { runRules } from './runRules';

/**
 * Runs every rule over one parse, taking over the verdicts of the previous validation of
 * the same document where their input is unchanged (runRules.ts; a memo made for another
 * rule list is not used). The server's runSafe logs a rule that throws.
 */
export function daemonJsonValidation(document: TextDocument, parsed: DaemonJsonDocument, ctx: ModeContext, rules: readonly DaemonJsonRule[] = DAEMON_JSON_RULES): Diagnostic[] {
  return runRules(ruleContext(document, parsed, ctx), rules, parsed.ruleMemo);
}
