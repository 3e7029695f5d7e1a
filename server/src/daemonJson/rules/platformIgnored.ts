import type { Diagnostic } from 'vscode-languageserver-types';
import { topLevelEntry } from '../daemonSchema';
import { diag, type DiagnosticData, type RuleContext } from '../ruleContext';

/**
 * Keys the target platform's dockerd accepts but never uses (schema `x-ignoredOn`): `mtu`
 * on Windows is a registered flag there, but the Windows daemon has no default bridge to
 * apply it to (moby daemon/command/config.go hides the flag on Windows;
 * daemon/config/config_windows.go validatePlatformConfig logs a warning from 25.0).
 */
export function platformIgnored(rc: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of rc.topProperties) {
    if (!topLevelEntry(p.name)?.['x-ignoredOn']?.includes(rc.platform)) continue;
    if (!p.value || p.value.type === 'null') continue;
    const fixes: DiagnosticData['fixes'] = [{ title: `Remove "${p.name}"`, fix: { kind: 'removeProperty' } }];
    out.push(diag(rc, p.key, 'warning', 'key-ignored-on-platform', `"${p.name}" has no effect on ${rc.platform}: dockerd accepts it but ignores it. Remove it.`, fixes));
  }
  return out;
}
