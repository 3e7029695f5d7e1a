import * as l10n from '@vscode/l10n';
import { type DaemonJsonProblem, type DaemonJsonRule, stringItems } from '../model';
import { problemAt } from '../problemAt';
import { target } from '../target';
import { VALUE_RULES } from '../valueRules';

/**
 * `hosts`: each address needs a scheme dockerd listens on (opts.ParseHost: unix, tcp,
 * fd; npipe on Windows; run on 20.10: "Invalid bind address format"). And any `hosts`
 * key conflicts with `-H fd://` in the packaged systemd unit, so dockerd refuses to start
 * there (docker-facts §5; docker docs troubleshoot.md gives the fix in the message).
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
  if (t.platform === 'linux') {
    out.push(
      problemAt(prop.key, 'warning', 'hosts-conflicts-with-systemd', l10n.t('The systemd unit of most packages starts dockerd with -H fd://, and dockerd refuses to start when "hosts" is also set here. Either remove "hosts", or add a drop-in /etc/systemd/system/docker.service.d/override.conf with "[Service]", "ExecStart=" and "ExecStart=/usr/bin/dockerd", then run systemctl daemon-reload.')),
    );
  }
  return out;
};
