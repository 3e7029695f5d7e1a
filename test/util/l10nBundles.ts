import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson, type l10nJsonFormat } from '@vscode/l10n-dev';

/**
 * The localisation data of #23 and the checks on it, shared by `npm run l10n` (which
 * writes) and test/unit/l10n.test.ts (which fails when anything is out of step):
 * - `l10n/bundle.l10n.json`: every `l10n.t` / `vscode.l10n.t` string of client/src and
 *   server/src, as @vscode/l10n-dev extracts them; `bundle.l10n.<language>.json` beside it;
 * - `package.nls.json` / `package.nls.<language>.json`: the manifest's `%key%` texts;
 * - the docs in `schemas/`, with their translations beside the English as `x-<language>`
 *   objects (server/src/modes/localized.ts reads them).
 */

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const LANGUAGES = ['zh-cn'] as const;
export const L10N_DIR = path.join(REPO_ROOT, 'l10n');

/** The source folders whose `l10n.t` calls make the bundle. */
const SOURCE_DIRS = ['client/src', 'server/src'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

/** The English bundle as the sources have it now: message → message, sorted. */
export async function extractBundle(): Promise<Record<string, string>> {
  const files = SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(REPO_ROOT, d)))
    // Only files that mention l10n: the parser is slow on the 150 others.
    .map((f) => ({ extension: '.ts', contents: fs.readFileSync(f, 'utf8') }))
    .filter((f) => f.contents.includes('l10n'));
  return sortedMessages(await getL10nJson(files));
}

function sortedMessages(json: l10nJsonFormat): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(json).sort()) {
    const v = json[key];
    out[key] = typeof v === 'string' ? v : v.message;
  }
  return out;
}

export function readJson<T = Record<string, string>>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

export function bundleFile(language?: string): string {
  return path.join(L10N_DIR, language ? `bundle.l10n.${language}.json` : 'bundle.l10n.json');
}

export function nlsFile(language?: string): string {
  return path.join(REPO_ROOT, language ? `package.nls.${language}.json` : 'package.nls.json');
}

/**
 * What must survive translation unchanged: `{0}`-style placeholders and code spans
 * (key names, values, commands), sorted, so their order may follow the language.
 */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\w+\}|`[^`]*`/g)].map((m) => m[0]).sort();
}

/**
 * The `{n}` placeholders @vscode/l10n cannot fill: its format() takes `{…}` up to the first
 * `}`, so a placeholder right after an opening brace (`{ "{0}": … }`) is never replaced.
 */
export function unreachablePlaceholders(text: string): string[] {
  const reached = new Set([...text.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
  return [...text.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).filter((n) => !reached.has(n)).map((n) => `{${n}}`);
}

/**
 * The lines wrong between an English table and its translation: a key without
 * translation, a translation of a key that no longer exists, different placeholders.
 */
export function translationProblems(where: string, english: Record<string, string>, translated: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [key, text] of Object.entries(english)) {
    const t = translated[key];
    for (const p of [...unreachablePlaceholders(text), ...unreachablePlaceholders(t ?? '')]) problems.push(`${where}: ${p} of ${JSON.stringify(key)} is never filled (a brace right before it)`);
    if (typeof t !== 'string' || t.trim() === '') problems.push(`${where}: no translation of ${JSON.stringify(key)}`);
    else if (placeholdersOf(t).join('\u0000') !== placeholdersOf(text).join('\u0000')) {
      problems.push(`${where}: placeholders of ${JSON.stringify(key)} differ: ${JSON.stringify(placeholdersOf(text))} vs ${JSON.stringify(placeholdersOf(t))}`);
    }
  }
  for (const key of Object.keys(translated)) if (!(key in english)) problems.push(`${where}: translation of a string no longer used: ${JSON.stringify(key)}`);
  return problems;
}

/** The `%key%` references of package.json. */
export function manifestKeys(): string[] {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8');
  return [...new Set([...text.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]))].sort();
}

/**
 * The fields of each schema file that hold documentation a user reads (hover,
 * completion): every one needs its translation in the entry's `x-<language>` object.
 */
export const SCHEMA_DOC_FIELDS: Record<string, readonly string[]> = {
  'daemon.schema.json': ['description', 'markdownDescription', 'x-optionDocs', 'message'],
  'compose-networks.schema.json': ['title', 'description', 'x-deprecated', 'effect'],
  'systemd-directives.json': ['docs', 'specifiers', 'ignoredProxyVariables', 'proxyFacts'],
  'docker-unit.json': ['name', 'alsoSays'],
};

/** The `x-` properties that hold documented entries (the other `x-` properties hold data, not text). */
const TRANSLATED_X_KEYS = new Set(['x-values', 'x-engine-min', 'x-rejectedKeys', 'x-flagOnlyKeys', 'x-logDrivers', 'x-optionValues']);

/** Strings of a doc field (a string, or an object or array of them) by their place in it. */
function docStrings(value: unknown, at = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(at, value);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) docStrings(v, `${at}/${k}`).forEach((s, p) => out.set(p, s));
  return out;
}

/** Every doc field of a schema file whose translation is missing or keeps other placeholders. */
export function schemaDocProblems(file: string, language: string): string[] {
  const fields = SCHEMA_DOC_FIELDS[file];
  const problems: string[] = [];
  const tKey = `x-${language}`;
  const walk = (node: unknown, at: string): void => {
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    const translations = obj[tKey] as Record<string, unknown> | undefined;
    for (const field of fields) {
      if (!(field in obj) || Array.isArray(node)) continue;
      const english = docStrings(obj[field]);
      const translated = docStrings(translations?.[field]);
      for (const [p, text] of english) {
        const t = translated.get(p);
        const where = `${file}${at}/${field}${p}`;
        if (typeof t !== 'string' || t.trim() === '') problems.push(`${where}: no ${language} text`);
        else if (placeholdersOf(t).join('\u0000') !== placeholdersOf(text).join('\u0000')) {
          problems.push(`${where}: placeholders differ: ${JSON.stringify(placeholdersOf(text))} vs ${JSON.stringify(placeholdersOf(t))}`);
        }
      }
    }
    for (const [k, v] of Object.entries(obj)) {
      if (k === tKey || k === '$comment' || k.startsWith('x-') && !TRANSLATED_X_KEYS.has(k) || fields.includes(k)) continue;
      walk(v, `${at}/${k}`);
    }
  };
  walk(readJson(path.join(REPO_ROOT, 'schemas', file)), '');
  return problems;
}

/** Every snippet of `snippets/<file>` without its `x-<language>` name and description, or with other placeholders. */
export function snippetProblems(file: string, language: string): string[] {
  const snippets = readJson<Record<string, Record<string, unknown>>>(path.join(REPO_ROOT, 'snippets', file));
  const problems: string[] = [];
  for (const [name, s] of Object.entries(snippets)) {
    const t = (s[`x-${language}`] ?? {}) as Record<string, unknown>;
    for (const [field, english] of [['name', name], ['description', String(s.description)]]) {
      const text = t[field];
      if (typeof text !== 'string' || text.trim() === '') problems.push(`snippets/${file} "${name}": no ${language} ${field}`);
      else if (placeholdersOf(text).join('\u0000') !== placeholdersOf(english).join('\u0000')) problems.push(`snippets/${file} "${name}": placeholders of the ${field} differ`);
    }
  }
  return problems;
}

export const SNIPPET_FILES = ['compose.json', 'daemonJson.json', 'systemdDropin.json'];

/**
 * The walkthrough's Markdown pages (package.json `contributes.walkthroughs[].steps[].media.markdown`)
 * without their translation: VS Code shows `<page>.nls.<language>.md` beside the page when the display
 * language is `<language>` (its Getting Started renderer looks for that name), so each page needs one,
 * with the same code spans.
 */
export function walkthroughProblems(language: string): string[] {
  const manifest = readJson<{ contributes?: { walkthroughs?: Array<{ steps: Array<{ media?: { markdown?: string } }> }> } }>(path.join(REPO_ROOT, 'package.json'));
  const pages = new Set((manifest.contributes?.walkthroughs ?? []).flatMap((w) => w.steps.flatMap((s) => (s.media?.markdown ? [s.media.markdown] : []))));
  const problems: string[] = [];
  for (const page of [...pages].sort()) {
    const translated = page.replace(/\.md$/, `.nls.${language}.md`);
    const file = path.join(REPO_ROOT, translated);
    if (!fs.existsSync(file)) problems.push(`${translated}: missing (the ${language} text of ${page})`);
    else if (placeholdersOf(fs.readFileSync(file, 'utf8')).join('\u0000') !== placeholdersOf(fs.readFileSync(path.join(REPO_ROOT, page), 'utf8')).join('\u0000')) problems.push(`${translated}: code spans differ from ${page}`);
  }
  return problems;
}
