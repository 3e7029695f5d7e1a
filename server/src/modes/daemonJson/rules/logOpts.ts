import * as l10n from '@vscode/l10n';
import { availability, logDrivers, TOP_LEVEL } from '../daemonSchema';
import { type DaemonJsonFix, type DaemonJsonProblem, type DaemonJsonRule, pathOf, properties, stringValue, topValue } from '../model';
import { problemAt } from '../problemAt';
import { target } from '../target';
import { SIZE, VALUE_RULES } from '../valueRules';

/**
 * `log-driver` and `log-opts` (moby daemon/logs.go defaultLogConfig and each driver's
 * ValidateLogOpt; docker-facts §1.4.1; runs on 20.10). dockerd validates the options of
 * the default driver at start only when `log-opts` is non-empty: unknown option, bad
 * mode, a missing required option, or an unknown driver then refuse the start. Values
 * such as max-size are parsed only when a container starts: warnings.
 */
export const logOpts: DaemonJsonRule = (model, ctx) => {
  const t = target(ctx);
  const out: DaemonJsonProblem[] = [];
  const drivers = logDrivers();
  const driverNode = topValue(model, 'log-driver');
  const driver = stringValue(driverNode) || String(TOP_LEVEL['log-driver'].default);
  const info = drivers[driver];
  const opts = properties(topValue(model, 'log-opts'));
  if (driverNode && stringValue(driverNode)) {
    const a = info ? availability({ ...info, 'x-platforms': info.platforms }, t.version, t.platform) : undefined;
    if (!info) {
      const sev = opts.length > 0 ? 'error' : 'warning';
      const builtIn = Object.keys(drivers).filter((d) => drivers[d].platforms === undefined && !drivers[d]['x-removed']).join(', ');
      out.push(problemAt(driverNode, sev, 'unknown-log-driver', opts.length > 0
          ? l10n.t('No logging driver "{0}" is built in: with log-opts set, dockerd refuses to start. Use one of {1}.', driver, builtIn)
          : l10n.t('No logging driver "{0}" is built in; unless a plugin of that name is installed, containers fail to start. Use one of {1}.', driver, builtIn)));
    } else if (a?.state === 'removed') {
      // A removed driver is an unknown one: dockerd looks it up only to check log-opts
      // (fixtures logdriver-logentries*.json: 26.1 and 28.5 start without options).
      const sev = opts.length > 0 ? 'error' : 'warning';
      out.push(problemAt(driverNode, sev, 'log-driver-removed', opts.length > 0
          ? l10n.t('The {0} logging driver was removed in Engine {1}; Engine {2} has no such driver: with log-opts set, dockerd refuses to start. Choose another driver.', driver, a.removed, t.versionText)
          : l10n.t('The {0} logging driver was removed in Engine {1}; Engine {2} has no such driver, so containers fail to start with it. Choose another driver.', driver, a.removed, t.versionText)));
      return out;
    } else if (a?.state === 'deprecated') {
      out.push(problemAt(driverNode, 'warning', 'log-driver-deprecated', l10n.t('The {0} logging driver is deprecated since Engine {1}. Choose another driver.', driver, a.deprecated)));
    } else if (a?.state === 'platform') {
      out.push(problemAt(driverNode, 'error', 'log-driver-wrong-platform', l10n.t('The {0} logging driver exists only on {1}.', driver, a.platforms.join(', '))));
    }
  }
  if (!info || info.anyOptions || opts.length === 0) return out;
  const every = TOP_LEVEL['log-opts']['x-everyDriverOptions'] ?? [];
  const valueOf = (k: string) => stringValue(opts.filter((o) => o.name === k).pop()?.value);
  for (const o of opts) {
    const hist = info.optionHistory?.[o.name];
    const known = info.options.includes(o.name) || every.includes(o.name);
    const a = hist ? availability(hist, t.version, t.platform) : undefined;
    if (!known || a?.state === 'notYet' || a?.state === 'removed') {
      const fixes: DaemonJsonFix[] = a?.state === 'removed' && a.replacement ? [{ title: l10n.t('Change to "{0}"', a.replacement), kind: 'renameKey', path: pathOf(o.key), to: a.replacement }] : [];
      const why =
        a?.state === 'removed'
          ? a.replacement
            ? l10n.t(' (removed in Engine {0}; use "{1}")', a.removed, a.replacement)
            : l10n.t(' (removed in Engine {0})', a.removed)
          : a?.state === 'notYet'
            ? l10n.t(' (added in Engine {0})', a.since)
            : '';
      out.push(problemAt(o.key, 'error', 'unknown-log-opt', l10n.t('"{0}" is not an option of the {1} logging driver in Engine {2}{3}: dockerd refuses to start.', o.name, driver, t.versionText, why), fixes));
      continue;
    }
    if (a?.state === 'deprecated') out.push(problemAt(o.key, 'warning', 'log-opt-deprecated', a.replacement ? l10n.t('"{0}" is deprecated since Engine {1}; use "{2}".', o.name, a.deprecated, a.replacement) : l10n.t('"{0}" is deprecated since Engine {1}.', o.name, a.deprecated), a.replacement ? [{ title: l10n.t('Change to "{0}"', a.replacement), kind: 'renameKey', path: pathOf(o.key), to: a.replacement }] : []));
    const v = stringValue(o.value);
    if (v === undefined) continue;
    if (o.name === 'mode' && v !== '' && !VALUE_RULES.logModes.includes(v)) {
      out.push(problemAt(o.value!, 'error', 'invalid-log-mode', l10n.t('Log mode "{0}" is not supported: dockerd refuses to start. Use "blocking" or "non-blocking".', v)));
    }
    if (['max-size', 'max-buffer-size', 'cache-max-size'].includes(o.name) && v !== '' && (!SIZE.test(v) || /^0+(\.0+)?\D*$/.test(v))) {
      out.push(problemAt(o.value!, 'warning', 'invalid-log-size', l10n.t('"{0}" is not a positive size; containers fail to start with it. Write e.g. "10m" or "1g".', v)));
    }
    if (['max-file', 'cache-max-file'].includes(o.name) && v !== '' && !(/^\d+$/.test(v) && Number(v) >= 1)) {
      out.push(problemAt(o.value!, 'warning', 'invalid-log-max-file', l10n.t('"{0}" is not a file count of at least 1; containers fail to start with it.', v)));
    }
  }
  if (valueOf('max-buffer-size') !== undefined && valueOf('mode') !== 'non-blocking') {
    const at = opts.filter((o) => o.name === 'max-buffer-size').pop()!;
    out.push(problemAt(at.key, 'error', 'log-buffer-needs-non-blocking', l10n.t('"max-buffer-size" only works with "mode": "non-blocking": dockerd refuses to start.')));
  }
  for (const req of info.required ?? []) {
    if (!valueOf(req)) {
      const at = topValue(model, 'log-opts')!;
      out.push(problemAt({ offset: at.offset, length: 1 }, 'error', 'missing-log-opt', l10n.t('The {0} logging driver needs "{1}" in log-opts: dockerd refuses to start.', driver, req)));
    }
  }
  return out;
};
