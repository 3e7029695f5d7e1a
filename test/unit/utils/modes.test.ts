import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageModes } from '../../../server/src/modes';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { NEWEST_KNOWN } from '../../../server/src/utils/engineVersion';

describe('the mode registry', () => {
  for (const [kind, mode] of Object.entries(getLanguageModes())) {
    it(`${kind}: the warm-up sample runs every feature cleanly`, () => {
      assert.equal(mode.kind, kind);
      assert.ok(mode.warmUpSample, 'has a warm-up sample');
      const doc = TextDocument.create(`warmup:///${kind}`, 'plaintext', 1, mode.warmUpSample);
      const parsed = mode.parse(doc);
      const ctx = { settings: DEFAULT_SETTINGS, engineVersion: NEWEST_KNOWN, engineVersionKnown: true };
      assert.deepEqual(mode.doValidation?.(doc, parsed, ctx), [], 'a representative, correct file');
      const middle = doc.positionAt(Math.floor(doc.getText().length / 2));
      assert.ok(mode.doComplete?.(doc, middle, parsed, ctx));
      mode.doHover?.(doc, middle, parsed, ctx);
    });
  }
});
