import * as fs from 'node:fs';
import { bundleFile, extractBundle, LANGUAGES, manifestKeys, nlsFile, readJson, SCHEMA_DOC_FIELDS, schemaDocProblems, SNIPPET_FILES, snippetProblems, translationProblems, walkthroughProblems } from '../util/l10nBundles';

/**
 * `npm run l10n` (#23): keeps the bundles in step with the sources. Writes
 * l10n/bundle.l10n.json from the `l10n.t` calls (@vscode/l10n-dev), rewrites each
 * l10n/bundle.l10n.<language>.json in the same order without the strings no longer used,
 * and lists what still needs translating (the bundle, package.nls, the schemas' docs, the
 * walkthrough's pages),
 * exiting 1 while anything does. test/unit/l10n.test.ts checks the same.
 */
async function main(): Promise<void> {
  const english = await extractBundle();
  fs.writeFileSync(bundleFile(), JSON.stringify(english, null, 2) + '\n');
  const problems: string[] = [];
  const nls = readJson(nlsFile());
  for (const key of manifestKeys()) if (!(key in nls)) problems.push(`package.nls.json: no text for %${key}%`);
  for (const language of LANGUAGES) {
    const file = bundleFile(language);
    const old = fs.existsSync(file) ? readJson(file) : {};
    const kept: Record<string, string> = {};
    for (const key of Object.keys(english)) if (typeof old[key] === 'string') kept[key] = old[key];
    fs.writeFileSync(file, JSON.stringify(kept, null, 2) + '\n');
    problems.push(...translationProblems(`bundle.l10n.${language}.json`, english, kept));
    problems.push(...translationProblems(`package.nls.${language}.json`, nls, readJson(nlsFile(language))));
    for (const schema of Object.keys(SCHEMA_DOC_FIELDS)) problems.push(...schemaDocProblems(schema, language));
    for (const file of SNIPPET_FILES) problems.push(...snippetProblems(file, language));
    problems.push(...walkthroughProblems(language));
  }
  console.log(`${Object.keys(english).length} strings in l10n/bundle.l10n.json`);
  for (const p of problems) console.log(p);
  if (problems.length) process.exitCode = 1;
}

void main();
