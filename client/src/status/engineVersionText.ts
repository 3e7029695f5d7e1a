/**
 * What the Engine-version status item says and offers (#20), without `vscode`: the words
 * and the choices are plain data, tested as such (test/unit/status/engineVersionText.test.ts);
 * engineVersionStatus.ts only puts them on screen.
 */
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
  const ignored = inForce.ignoredSetting === undefined ? '' : ` The setting dockerNetworking.engineVersion is "${inForce.ignoredSetting}", neither "auto" nor MAJOR.MINOR, so it is not used.`;
  const beyond = compareEngineVersions(inForce.version, NEWEST_KNOWN) > 0 ? ` ${v} is newer than the newest release this extension knows (${formatEngineVersion(NEWEST_KNOWN)}): changes after that are not checked.` : '';
  switch (inForce.source) {
    case 'setting': {
      const other = engineVersion ? ` The connected Engine runs ${engineVersion}.` : '';
      return {
        text: `Engine ${v} · from settings`,
        tooltip: `Diagnostics follow Docker Engine ${v}, as the setting dockerNetworking.engineVersion says.${other}${beyond}`,
        log: `Diagnostics follow Engine ${v}: set in dockerNetworking.engineVersion.`,
      };
    }
    case 'engine':
      return {
        text: `Engine ${v} · connected`,
        tooltip: `Diagnostics follow the connected Docker Engine, ${engineVersion ?? v}.${beyond}${ignored}`,
        log: `Diagnostics follow Engine ${v}: the connected Engine runs ${engineVersion ?? v}.`,
      };
    case 'newest':
      return {
        text: `Engine ${v} · newest known, no Engine`,
        tooltip: `No Docker Engine is connected, so diagnostics follow the newest release this extension knows, ${v}.${ignored}`,
        log: `Diagnostics follow Engine ${v}: no Engine is connected, ${v} is the newest release the extension knows.`,
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
      label: `${auto ? '$(check) ' : ''}Follow the connected Engine`,
      description: 'auto',
      detail: connected ? undefined : `No Engine is connected: the newest known release, ${formatEngineVersion(NEWEST_KNOWN)}, applies.`,
      picked: auto,
    },
    { kind: 'separator', label: 'Releases' },
  ];
  for (const r of [...KNOWN_RELEASES].reverse()) {
    const picked = !auto && r.version === current;
    const confirmed = (r as { 'x-confirmed'?: string })['x-confirmed'];
    choices.push({
      kind: 'value',
      value: r.version,
      label: `${picked ? '$(check) ' : ''}${r.version}`,
      description: `API ${r.api}${confirmed ? ` · checked against dockerd ${confirmed}` : ''}`,
      picked,
    });
  }
  choices.push({ kind: 'separator', label: 'Engine connection' });
  if (!connected) choices.push({ kind: 'command', command: commands.retry, label: '$(debug-restart) Retry connecting to the Engine' });
  choices.push({ kind: 'command', command: commands.showView, label: '$(list-tree) Show the Docker Networks view' });
  choices.push({ kind: 'command', command: commands.showOutput, label: '$(output) Show the log', description: 'every change of the version in force' });
  return choices;
}
