import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundleFile, extractBundle, LANGUAGES, manifestKeys, nlsFile, readJson, SCHEMA_DOC_FIELDS, schemaDocProblems, SNIPPET_FILES, snippetProblems, translationProblems, walkthroughProblems } from '../util/l10nBundles';

/**
 * #23: every string the user can read has its zh-CN text, with the same placeholders
 * (`{0}`, code spans) as the English. `npm run l10n` rewrites the bundles and lists the same problems.
 */
describe('localisation bundles', () => {
  it('l10n/bundle.l10n.json holds exactly the l10n.t strings of the sources (run npm run l10n)', async () => {
    assert.deepEqual(readJson(bundleFile()), await extractBundle());
  });

  it('the manifest has a text for every %key% and no other', () => {
    assert.deepEqual(Object.keys(readJson(nlsFile())).sort(), manifestKeys());
  });

  for (const language of LANGUAGES) {
    it(`bundle.l10n.${language}.json translates every string, with the same placeholders`, () => {
      assert.deepEqual(translationProblems(language, readJson(bundleFile()), readJson(bundleFile(language))), []);
    });

    it(`package.nls.${language}.json translates every manifest text, with the same placeholders`, () => {
      assert.deepEqual(translationProblems(language, readJson(nlsFile()), readJson(nlsFile(language))), []);
    });

    it(`every walkthrough page has its .nls.${language}.md, with the same code spans`, () => {
      assert.deepEqual(walkthroughProblems(language), []);
    });

    it(`every snippet has its x-${language} name and description`, () => {
      assert.deepEqual(SNIPPET_FILES.flatMap((f) => snippetProblems(f, language)), []);
    });

    for (const schema of Object.keys(SCHEMA_DOC_FIELDS)) {
      it(`schemas/${schema}: every doc has its x-${language} text, with the same placeholders`, () => {
        assert.deepEqual(schemaDocProblems(schema, language), []);
      });
    }
  }

  it('finds a placeholder that @vscode/l10n would never fill', () => {
    assert.deepEqual(translationProblems('t', { 'in { "{0}": … }': 'in { "{0}": … }' }, { 'in { "{0}": … }': '在 { "{0}": … } 中' }), [
      't: {0} of "in { \\"{0}\\": … }" is never filled (a brace right before it)',
      't: {0} of "in { \\"{0}\\": … }" is never filled (a brace right before it)',
    ]);
  });

  it('finds a missing translation and a changed placeholder', () => {
    assert.deepEqual(translationProblems('t', { 'Use `{0}`.': 'Use `{0}`.', 'b {0}': 'b {0}' }, { 'Use `{0}`.': '使用 `{1}`。' }), [
      't: placeholders of "Use `{0}`." differ: ["`{0}`"] vs ["`{1}`"]',
      't: no translation of "b {0}"',
    ]);
  });
});
