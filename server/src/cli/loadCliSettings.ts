import * as fs from 'fs';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_SECTION, type Settings } from '../shared/settings';
import { checkEngineVersion, UsageError } from './cliOptions';
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
    if (key === SETTINGS_SECTION) {
      if (jsonType(value) !== 'object') throw new UsageError(`--config ${file}: "${key}" must be an object of settings, not ${withArticle(jsonType(value))}.`);
      Object.assign(nested, value);
    }
    else if (key.startsWith(`${SETTINGS_SECTION}.`)) setPath(nested, key.slice(SETTINGS_SECTION.length + 1).split('.'), value);
    else if (!key.includes('.')) nested[key] = value;
  }
  // VS Code passes over a setting of the wrong type with a squiggle in settings.json; a CI run
  // would pass over it in silence and check under other settings than the file says (#21).
  checkTypes(nested, DEFAULT_SETTINGS as unknown as Record<string, unknown>, file, '');
  if (typeof nested.engineVersion === 'string' && nested.engineVersion.trim() !== '') checkEngineVersion(nested.engineVersion.trim(), `--config ${file}: "engineVersion"`);
  return { settings: normalizeSettings(nested), engineVersionSet: typeof nested.engineVersion === 'string' && nested.engineVersion.trim() !== '' };
}

/** Throws UsageError for a known setting in `given` whose JSON type is not that of its default (unknown ones are ignored, as VS Code ignores them). */
function checkTypes(given: Record<string, unknown>, defaults: Record<string, unknown>, file: string, prefix: string): void {
  for (const [key, value] of Object.entries(given)) {
    if (!Object.prototype.hasOwnProperty.call(defaults, key)) continue;
    const want = jsonType(defaults[key]);
    const found = jsonType(value);
    if (found !== want) throw new UsageError(`--config ${file}: "${prefix}${key}" must be ${withArticle(want)}, not ${withArticle(found)}.`);
    if (want === 'object') checkTypes(value as Record<string, unknown>, defaults[key] as Record<string, unknown>, file, `${prefix}${key}.`);
  }
}

function withArticle(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value;
}

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): void {
  // "dockerNetworking.__proto__.enable" would otherwise write into Object.prototype, and every setting object would inherit it.
  if (keys.some((k) => k === '__proto__' || k === 'constructor' || k === 'prototype')) return;
  let o = target;
  for (const k of keys.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]] = value;
}
