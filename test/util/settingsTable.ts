import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The README's settings table, rendered from package.json's `contributes.configuration`
 * (#20: four settings were missing from a hand-kept table). `node test/tools/genSettingsTable.mjs`
 * writes it between the README's `settings:start`/`settings:end` markers, and
 * test/unit/manifest.test.ts fails when the README holds anything else.
 */
export const REPO = join(__dirname, '..', '..', '..');
export const START = '<!-- settings:start (generated from package.json by test/tools/genSettingsTable.mjs) -->';
export const END = '<!-- settings:end -->';

export interface SettingSchema {
  type?: string | string[];
  order?: number;
  default?: unknown;
  description?: string;
  markdownDescription?: string;
  scope?: string;
  enum?: unknown[];
}

export function manifestSettings(manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'))): Array<[string, SettingSchema]> {
  // Texts are `%key%`s of package.nls.json (#23): the README shows the English.
  const nls = JSON.parse(readFileSync(join(REPO, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const text = (t: string | undefined): string | undefined => (t === undefined ? undefined : t.replace(/^%([^%]+)%$/, (_, k: string) => nls[k] ?? t));
  const props = Object.fromEntries(
    Object.entries(manifest.contributes.configuration.properties as Record<string, SettingSchema>).map(([k, s]) => [k, { ...s, description: text(s.description), markdownDescription: text(s.markdownDescription) }]),
  );
  // The Settings UI's order (`order`, then the key), which the table keeps.
  return Object.entries(props).sort(([a, x], [b, y]) => (x.order ?? Infinity) - (y.order ?? Infinity) || a.localeCompare(b));
}

/** One cell of a Markdown table: one line, pipes escaped, `#setting#` links as code. */
function cell(text: string): string {
  return text.replace(/`#([\w.]+)#`/g, '`$1`').replace(/#(dockerNetworking\.[\w.]+)#/g, '`$1`').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

export function renderSettingsTable(settings = manifestSettings()): string {
  const rows = settings.map(([key, s]) => {
    const text = s.markdownDescription ?? s.description ?? '';
    return `| \`${key}\` | \`${JSON.stringify(s.default)}\` | ${cell(text)} |`;
  });
  return [START, '', '| setting | default | what it does |', '|---|---|---|', ...rows, '', END].join('\n');
}

/** The README's text with the table between the markers replaced by `table`. */
export function withSettingsTable(readme: string, table: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md lacks the markers ${START} … ${END}`);
  return readme.slice(0, a) + table + readme.slice(b + END.length);
}
