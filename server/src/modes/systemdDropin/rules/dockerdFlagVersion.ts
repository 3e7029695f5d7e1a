import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { flagMissingIn } from '../../host/dockerdFlags';
import { execStartsIn } from '../../host/execStartsIn';
import { hostOf } from '../../host/hostModel';
import { formatEngineVersion } from '../../../shared/engineVersion';
import type { DropinFix, DropinModel } from '../model';

/**
 * A dockerd flag that the targeted Engine does not have (the `x-since` and `x-removed` of
 * its daemon.json key in schemas/daemon.schema.json, which dockerd adds and drops with the
 * flag; the few exceptions in schemas/docker-unit.json; checked flag by flag against the
 * installed dockerd by test/integration/hostDockerd.test.ts): dockerd
 * refuses its command line and the service fails to start ("unknown flag: --http-proxy",
 * dockerd 20.10, #17).
 */
export const dockerdFlagVersion: Rule<DropinModel, DropinFix> = (model, ctx) => {
  if (!model.effective.some((a) => a.key === 'ExecStart')) return [];
  const out: Problem<DropinFix>[] = [];
  const version = formatEngineVersion(ctx.engineVersion);
  for (const { command } of execStartsIn(model, hostOf({ uri: model.uri, model }, 'systemdDropin', ctx))) {
    if (command.subcommand) continue;
    for (const f of command.flags) {
      const why = f.word.span ? flagMissingIn(f, ctx.engineVersion) : undefined;
      if (!why || !f.word.span) continue;
      out.push({
        range: [f.word.span.start, f.word.span.end],
        severity: 'error',
        code: 'dockerd-flag-not-available',
        message: l10n.t('dockerd {0} has no --{1} ({2}): it refuses the command line ("unknown flag: --{1}") and the service fails to start. Remove the flag or target a newer Engine.', version, f.name, why),
      });
    }
  }
  return out;
};
