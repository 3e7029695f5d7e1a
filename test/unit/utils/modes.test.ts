import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageModes } from '../../../server/src/modes/languageModes';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/settings';
import { NEWEST_KNOWN } from '../../../server/src/shared/engineVersion';
import { WARM_UP_SAMPLES, warmUp } from '../../../server/src/warmUp';
import type { LanguageMode } from '../../../server/src/modes/languageMode';
import type { TextDocument as Doc } from 'vscode-languageserver-textdocument';

describe('the mode registry', () => {
  for (const [kind, mode] of Object.entries(getLanguageModes())) {
    it(`${kind}: the warm-up sample is a correct file on which completion and hover answer`, () => {
      assert.equal(mode.kind, kind);
      const text = WARM_UP_SAMPLES[mode.kind];
      assert.ok(text, 'has a warm-up sample');
      const doc = TextDocument.create(`warmup:///${kind}`, 'plaintext', 1, text);
      const parsed = mode.parse(doc);
      const ctx = { settings: DEFAULT_SETTINGS, engineVersion: NEWEST_KNOWN, engineVersionKnown: true };
      assert.deepEqual(mode.validate?.(parsed, ctx), [], 'a representative, correct file');
      // A key of each sample: completion lists keys there, and hover explains it.
      const at = (needle: string) => doc.positionAt(text.indexOf(needle) + 1);
      const key = { daemonJson: at('"debug"'), compose: at('ipam:'), systemdDropin: at('Environment=') }[mode.kind];
      assert.ok((mode.complete?.(doc, key, parsed, ctx).items.length ?? 0) > 0, 'completion lists items');
      const hover = mode.hover?.(doc, key, parsed, ctx);
      assert.ok(hover, 'hover answers');
      const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : JSON.stringify(hover.contents);
      assert.ok(value.length > 20, `hover explains: ${value}`);
    });
  }
});

describe('the warm-up', () => {
  it("parses each sample once: the features use the parse the server's validation made", () => {
    const parses = new Map<string, number>();
    const modes = Object.values(getLanguageModes()).map(
      (mode): LanguageMode => ({
        ...mode,
        parse: (doc: Doc) => {
          parses.set(mode.kind, (parses.get(mode.kind) ?? 0) + 1);
          return mode.parse(doc);
        },
      }),
    );
    // The server's side, as server.ts gives it: validation parses through its cache, which parsed() reads.
    const cache = new Map<string, unknown>();
    const ctx = { settings: DEFAULT_SETTINGS, engineVersion: NEWEST_KNOWN, engineVersionKnown: true };
    const errors: string[] = [];
    warmUp(modes, {}, () => ctx, { error: (m) => errors.push(m), warn: () => {}, info: () => {} }, {
      diagnosticsFor: (doc) => {
        const mode = modes.find((m) => doc.uri.includes(m.kind === 'daemonJson' ? 'daemon.json' : m.kind === 'compose' ? 'compose.yaml' : '.conf'))!;
        cache.set(doc.uri, mode.parse(doc));
        return [];
      },
      parsed: (doc) => cache.get(doc.uri),
      forget: (uri) => cache.delete(uri),
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(Object.fromEntries(parses), { daemonJson: 1, compose: 1, systemdDropin: 1 });
  });
});
