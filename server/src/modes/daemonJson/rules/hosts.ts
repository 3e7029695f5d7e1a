import * as l10n from '@vscode/l10n';
import { type DaemonJsonProblem, type DaemonJsonRule, stringItems } from '../model';
import { problemAt } from '../problemAt';
import { target } from '../target';
import { VALUE_RULES } from '../valueRules';

/**
 * `hosts`: each address needs a scheme dockerd listens on (opts.ParseHost: unix, tcp,
 * fd; npipe on Windows; run on 20.10: "Invalid bind address format"). Whether `hosts`
 * conflicts with a `-H` of the systemd unit is the host's question (rules/flagConflicts.ts, #17).
 */
export const hosts: DaemonJsonRule = (model, ctx) => {
  const t = target(ctx);
  const out: DaemonJsonProblem[] = [];
  const prop = model.top.get('hosts');
  if (!prop) return out;
  const schemes = VALUE_RULES.hostSchemes[t.platform];
  for (const { node, value } of stringItems(prop.value)) {
    const m = /^([a-z]+):\/\/(.*)$/.exec(value);
    if (m && !schemes.includes(m[1])) {
      out.push(problemAt(node, 'error', 'invalid-host', l10n.t('"{0}": dockerd cannot listen on "{1}://" and refuses to start. Use {2}.', value, m[1], schemes.map((s) => `${s}://`).join(', '))));
    } else if (m && m[1] === 'tcp' && /:(\d+)$/.test(m[2]) && Number(/:(\d+)$/.exec(m[2])![1]) > 65535) {
      out.push(problemAt(node, 'error', 'invalid-host', l10n.t('"{0}" has an invalid port: dockerd refuses to start.', value)));
    }
  }
  return out;
};
