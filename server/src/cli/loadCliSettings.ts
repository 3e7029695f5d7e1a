import * as fs from 'fs';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { normalizeSettings, SETTINGS_SECTION, type Settings } from '../shared/settings';
import { UsageError } from './cliOptions';
import { describeFsError } from './describeFsError';

/**
 * `--config FILE`: the extension's `dockerNetworking.*` settings as JSON (#21), so a
 * repository can share one set between VS Code and CI. Either nested, as the server
 * receives them (`{"files": {"compose": […]}}`), or spelled as settings.json spells them
 * (`"dockerNetworking.files.compose": […]`), so `.vscode/settings.json` itself works;
 * comments and trailing commas are allowed, as in settings.json. Anything the settings
 * do not know is ignored, as VS Code ignores it.
 */
export function loadCliSettings(file: string | undefined): { settings: Settings; engineVersionSet: boolean } {
  if (file === undefined) return { settings: normalizeSettings({}), engineVersionSet: false };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--config ${file}: cannot be read (${describeFsError(err)}).`);
  }
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length) {
    const e = errors[0];
    const line = text.slice(0, e.offset).split('\n').length;
    throw new UsageError(`--config ${file}: line ${line}: ${printParseErrorCode(e.error)}; it must be a JSON object of settings.`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`--config ${file}: must be a JSON object of settings.`);
  const nested: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === SETTINGS_SECTION && value && typeof value === 'object') Object.assign(nested, value);
    else if (key.startsWith(`${SETTINGS_SECTION}.`)) setPath(nested, key.slice(SETTINGS_SECTION.length + 1).split('.'), value);
    else if (!key.includes('.')) nested[key] = value;
  }
  return { settings: normalizeSettings(nested), engineVersionSet: typeof nested.engineVersion === 'string' && nested.engineVersion.trim() !== '' };
}

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): void {
  let o = target;
  for (const k of keys.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]] = value;
}
