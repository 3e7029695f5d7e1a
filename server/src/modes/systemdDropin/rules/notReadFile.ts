import { loc } from '../loc';
import { diagnostic, DiagnosticSeverity, type Rule } from './rule';

/**
 * systemd reads only `*.conf` files from a `.service.d/` folder and skips hidden ones
 * (systemd.unit(5); verified with systemd-analyze verify 252: `x.conf~`, `x.conf.bak`,
 * `X.CONF` and `.x.conf` are silently not loaded). Such a file gets this one warning
 * and nothing else: its content is never parsed, so line verdicts would mislead.
 */
export const notReadFile: Rule = (ctx) => {
  if (!ctx.model.notRead) return [];
  const base = ctx.model.path.slice(ctx.model.path.lastIndexOf('/') + 1);
  const firstLineEnd = ctx.document.getText().search(/\r?\n|$/);
  const reason = base.startsWith('.') ? 'it is hidden (starts with a dot)' : 'its name does not end in `.conf`';
  return [
    diagnostic({ start: 0, end: loc(0, Math.max(0, firstLineEnd)) },
      'dropin-not-read',
      `systemd never reads this file: ${reason}. Rename it to a visible name ending in .conf, e.g. http-proxy.conf.`,
      DiagnosticSeverity.Warning,
    ),
  ];
};
