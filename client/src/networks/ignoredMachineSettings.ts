import * as l10n from '@vscode/l10n';
import { parse } from 'jsonc-parser';

/**
 * The machine-scoped settings of ours that a workspace's `.vscode/settings.json` sets, where
 * VS Code does not apply them (#20: `dockerNetworking.host` set there silently had no
 * effect). VS Code leaves such values out of the configuration the extension can read, so
 * the file itself is read (with comments and trailing commas, as VS Code reads it).
 * `machineKeys` are the full setting names (`dockerNetworking.host`).
 */
export function ignoredMachineSettings(settingsJson: string, machineKeys: readonly string[]): string[] {
  const value: unknown = parse(settingsJson, [], { allowTrailingComma: true, disallowComments: false });
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const obj = value as Record<string, unknown>;
  return machineKeys.filter((key) => Object.prototype.hasOwnProperty.call(obj, key));
}

/** The view's message about them: where they are set, and where to set them instead. */
export function ignoredMachineSettingsMessage(found: ReadonlyArray<{ folder: string; keys: string[] }>): string | undefined {
  const all = found.filter((f) => f.keys.length > 0);
  if (all.length === 0) return undefined;
  const keys = [...new Set(all.flatMap((f) => f.keys))];
  const where = all.map((f) => f.folder).join(', ');
  return keys.length === 1
    ? l10n.t('{0} is set in the workspace settings of {1}, where VS Code ignores machine settings. Set it in your User settings (in a remote window, in the Remote settings).', keys[0], where)
    : l10n.t('{0} are set in the workspace settings of {1}, where VS Code ignores machine settings. Set them in your User settings (in a remote window, in the Remote settings).', keys.join(', '), where);
}
