import * as l10n from '@vscode/l10n';
import { topLevelEntry } from '../daemonSchema';
import type { DaemonJsonProblem, DaemonJsonRule, TopProperty } from '../model';
import { problemAt } from '../problemAt';
import { type Target, target } from '../target';

/**
 * Keys the target platform's dockerd accepts but never uses (schema `x-ignoredOn`): `mtu`
 * on Windows is a registered flag there, but the Windows daemon has no default bridge to
 * apply it to (moby daemon/command/config.go hides the flag on Windows;
 * daemon/config/config_windows.go validatePlatformConfig logs a warning from 25.0).
 */
export const platformIgnored: DaemonJsonRule = (model, ctx) => {
  const t = target(ctx);
  const out: DaemonJsonProblem[] = [];
  for (const p of model.topProperties) judgeProperty(t, p, out);
  return out;
};

function judgeProperty(t: Target, p: TopProperty, out: DaemonJsonProblem[]): void {
  if (!topLevelEntry(p.name)?.['x-ignoredOn']?.includes(t.platform)) return;
  if (!p.value || p.value.type === 'null') return;
  out.push(
    problemAt(p.key, 'warning', 'key-ignored-on-platform', l10n.t('"{0}" has no effect on {1}: dockerd accepts it but ignores it. Remove it.', p.name, t.platform), [
      { title: l10n.t('Remove "{0}"', p.name), kind: 'removeProperty', path: p.path },
    ]),
  );
}
