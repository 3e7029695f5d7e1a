import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageModes } from '../../../server/src/modes/languageModes';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/settings';
import { NEWEST_KNOWN } from '../../../server/src/shared/engineVersion';
import { WARM_UP_SAMPLES } from '../../../server/src/warmUp';

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
