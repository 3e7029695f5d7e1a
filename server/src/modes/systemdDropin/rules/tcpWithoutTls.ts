import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { execStartsIn } from '../../host/execStartsIn';
import { hostOf } from '../../host/hostModel';
import type { DockerdCommand } from '../../host/dockerdFlags';
import type { DropinFix, DropinModel } from '../model';

/** True for `--tlsverify`, `--tlsverify=true` (a boolean flag without a value is true: spf13/pflag). */
function verifies(command: DockerdCommand): boolean {
  const f = command.flags.filter((x) => x.name === 'tlsverify').pop();
  return f !== undefined && (f.value === undefined || /^(1|t|true)$/i.test(f.value));
}

/** The host part of `tcp://HOST:PORT` is a loopback address (`localhost`, 127.0.0.0/8, ::1). */
function loopback(address: string): boolean {
  const m = /^tcp:\/\/(\[[^\]]*\]|[^:/]*)/i.exec(address);
  const h = (m?.[1] ?? '').replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || /^127\./.test(h) || h === '::1';
}

/**
 * `-H tcp://…` on an address other than loopback, without client-certificate
 * verification: anyone who reaches the port controls the Engine, which is root on the
 * machine. dockerd warns "Binding to IP address without --tlsverify is insecure and
 * gives root access on this machine to everyone who has access to your network" and,
 * for an address that is not loopback, delays its start by 15 s (moby
 * cmd/dockerd/daemon.go `loadListeners`; still so in 28.5). `tlsverify` may come from
 * the flags or from the host's daemon.json (#17).
 */
export const tcpWithoutTls: Rule<DropinModel, DropinFix> = (model, ctx) => {
  if (!model.effective.some((a) => a.key === 'ExecStart')) return [];
  const host = hostOf({ uri: model.uri, model }, 'systemdDropin', ctx);
  const file = host.daemonJson?.model.top.get('tlsverify')?.value;
  const out: Problem<DropinFix>[] = [];
  for (const { command } of execStartsIn(model, host)) {
    if (verifies(command) || (file?.type === 'boolean' && file.value === true)) continue;
    for (const f of command.flags) {
      if (f.name !== 'host' || !f.value || !/^tcp:\/\//i.test(f.value) || loopback(f.value) || !f.word.span) continue;
      out.push({
        range: [f.word.span.start, f.word.span.end],
        severity: 'warning',
        code: 'tcp-without-tls',
        message: l10n.t('dockerd listens on {0} without --tlsverify: anyone who can reach this port controls Docker, and so has root on this machine (dockerd also delays its start by 15 s). Add --tlsverify with --tlscacert, --tlscert and --tlskey, or listen on unix:// or 127.0.0.1 only and reach it through ssh:// .', f.value ?? ''),
      });
    }
  }
  return out;
};
