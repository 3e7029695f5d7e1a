import type { Diagnostic } from 'vscode-languageserver-types';
import { topLevelEntry } from '../daemonSchema';
import { diag, type DiagnosticData, type PropertyRule, type RuleContext } from '../ruleContext';
import type { Property } from '../parseDaemonJson';

/**
 * Keys the target platform's dockerd accepts but never uses (schema `x-ignoredOn`): `mtu`
 * on Windows is a registered flag there, but the Windows daemon has no default bridge to
 * apply it to (moby daemon/command/config.go hides the flag on Windows;
 * daemon/config/config_windows.go validatePlatformConfig logs a warning from 25.0).
 *
 * Judged key by key, so its verdicts are kept between edits (runRules.ts).
 */
export const platformIgnored: PropertyRule = { name: 'platformIgnored', perProperty: judgeProperty };

function judgeProperty(rc: RuleContext, p: Property): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!topLevelEntry(p.name)?.['x-ignoredOn']?.includes(rc.platform)) return out;
  if (!p.value || p.value.type === 'null') return out;
  const fixes: DiagnosticData['fixes'] = [{ title: `Remove "${p.name}"`, fix: { kind: 'removeProperty' } }];
  out.push(diag(rc, p.key, 'warning', 'key-ignored-on-platform', `"${p.name}" has no effect on ${rc.platform}: dockerd accepts it but ignores it. Remove it.`, fixes));
  return out;
}
