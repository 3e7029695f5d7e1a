/**
 * What the Engine-version status item says and offers (#20), without `vscode`: the words
 * and the choices are plain data, tested as such (test/unit/status/engineVersionText.test.ts);
 * engineVersionStatus.ts only puts them on screen. Texts through @vscode/l10n, which the
 * extension gives VS Code's bundle at activation (#23).
 */
import * as l10n from '@vscode/l10n';
import { formatEngineVersion, KNOWN_RELEASES, NEWEST_KNOWN, compareEngineVersions, type EngineVersionInForce } from '../../../server/src/shared/engineVersion';

export interface EngineVersionText {
  /** The status bar text, short: "Engine 20.10 · connected". */
  text: string;
  /** The tooltip: which version, why, and what a click does. */
  tooltip: string;
  /** One line for the output channel when this becomes the version in force. */
  log: string;
}

/**
 * The version the diagnostics follow, in words. `engineVersion` is what the connected
 * Engine reports ("20.10.24"), undefined when none answers.
 */
export function describeEngineVersion(inForce: EngineVersionInForce, engineVersion: string | undefined): EngineVersionText {
  const v = formatEngineVersion(inForce.version);
  // Each sentence is one l10n.t call (#23); the tooltip is Markdown, so they are joined as
  // paragraphs, which needs no space between them in Chinese nor in English.
  const ignored = inForce.ignoredSetting === undefined ? [] : [l10n.t('The setting dockerNetworking.engineVersion is "{0}", neither "auto" nor MAJOR.MINOR, so it is not used.', inForce.ignoredSetting)];
  const beyond = compareEngineVersions(inForce.version, NEWEST_KNOWN) > 0 ? [l10n.t('{0} is newer than the newest release this extension knows ({1}): changes after that are not checked.', v, formatEngineVersion(NEWEST_KNOWN))] : [];
  const paragraphs = (...parts: string[]): string => parts.join('\n\n');
  switch (inForce.source) {
    case 'setting': {
      const other = engineVersion ? [l10n.t('The connected Engine runs {0}.', engineVersion)] : [];
      return {
        text: l10n.t('Engine {0} · from settings', v),
        tooltip: paragraphs(l10n.t('Diagnostics follow Docker Engine {0}, as the setting dockerNetworking.engineVersion says.', v), ...other, ...beyond),
        log: l10n.t('Diagnostics follow Engine {0}: set in dockerNetworking.engineVersion.', v),
      };
    }
    case 'engine':
      return {
        text: l10n.t('Engine {0} · connected', v),
        tooltip: paragraphs(l10n.t('Diagnostics follow the connected Docker Engine, {0}.', engineVersion ?? v), ...beyond, ...ignored),
        log: l10n.t('Diagnostics follow Engine {0}: the connected Engine runs {1}.', v, engineVersion ?? v),
      };
    case 'newest':
      return {
        text: l10n.t('Engine {0} · newest known, no Engine', v),
        tooltip: paragraphs(l10n.t('No Docker Engine is connected, so diagnostics follow the newest release this extension knows, {0}.', v), ...ignored),
        log: l10n.t('Diagnostics follow Engine {0}: no Engine is connected, {0} is the newest release the extension knows.', v),
      };
  }
}

/** One row of the status item's quick pick: a value for the setting, a command, or a separator. */
export type EngineVersionChoice =
  | { kind: 'separator'; label: string }
  | { kind: 'value'; value: string; label: string; description?: string; detail?: string; picked: boolean }
  | { kind: 'command'; command: string; label: string; description?: string };

/** Commands the quick pick offers about the Engine connection (ids declared in package.json). */
export interface ConnectionCommands {
  retry: string;
  showView: string;
  showOutput: string;
}

/**
 * The quick pick of the status item: follow the connected Engine (`auto`), or one of the
 * releases the extension knows, newest first; then the Engine connection. `setting` is
 * the setting's current text (trimmed), `connected` whether an Engine answers.
 */
export function engineVersionChoices(setting: string, inForce: EngineVersionInForce, connected: boolean, commands: ConnectionCommands): EngineVersionChoice[] {
  const auto = setting === 'auto' || inForce.ignoredSetting !== undefined;
  const current = formatEngineVersion(inForce.version);
  const choices: EngineVersionChoice[] = [
    {
      kind: 'value',
      value: 'auto',
      label: `${auto ? '$(check) ' : ''}${l10n.t('Follow the connected Engine')}`,
      description: 'auto',
      detail: connected ? undefined : l10n.t('No Engine is connected: the newest known release, {0}, applies.', formatEngineVersion(NEWEST_KNOWN)),
      picked: auto,
    },
    { kind: 'separator', label: l10n.t('Releases') },
  ];
  for (const r of [...KNOWN_RELEASES].reverse()) {
    const picked = !auto && r.version === current;
    const confirmed = (r as { 'x-confirmed'?: string })['x-confirmed'];
    choices.push({
      kind: 'value',
      value: r.version,
      label: `${picked ? '$(check) ' : ''}${r.version}`,
      description: confirmed ? l10n.t('API {0} · checked against dockerd {1}', r.api, confirmed) : `API ${r.api}`,
      picked,
    });
  }
  choices.push({ kind: 'separator', label: l10n.t('Engine connection') });
  if (!connected) choices.push({ kind: 'command', command: commands.retry, label: `$(debug-restart) ${l10n.t('Retry connecting to the Engine')}` });
  choices.push({ kind: 'command', command: commands.showView, label: `$(list-tree) ${l10n.t('Show the Docker Networks view')}` });
  choices.push({ kind: 'command', command: commands.showOutput, label: `$(output) ${l10n.t('Show the log')}`, description: l10n.t('every change of the version in force') });
  return choices;
}
