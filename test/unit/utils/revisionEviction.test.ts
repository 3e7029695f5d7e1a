import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { diagnosticsOf } from '../../../server/src/diagnosticsOf';
import type { LanguageMode, ModeContext } from '../../../server/src/modes/languageMode';
import { getLanguageModes } from '../../../server/src/modes/languageModes';
import { WorkspaceIndex } from '../../../server/src/workspaceIndex';
import { WorkspaceParses } from '../../../server/src/workspaceParses';
import { modeContext } from '../../util/modeKit';

/**
 * A workspace with a revision (the CLI's, #21) whose kept parse of a file is dropped or
 * replaced: the Compose project kept for that file holds the old model, and finds the file
 * judged by identity. Found by review: the file's problems vanished while the revision
 * promised nothing had changed.
 */
describe('a revised workspace whose parse of a file is dropped', () => {
  for (const how of ['evicted', 'parsed as another kind'] as const) {
    for (const revision of [undefined, 0]) {
      it(`keeps the file's problems when its parse was ${how} (revision ${revision})`, () => {
        const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dn-rev-')));
        try {
          fs.mkdirSync(path.join(root, 'a'));
          fs.mkdirSync(path.join(root, 'b'));
          fs.writeFileSync(path.join(root, 'a/compose.yaml'), 'services:\n  web:\n    networks: [missing]\n');
          fs.writeFileSync(path.join(root, 'b/compose.yaml'), 'services:\n  db: {}\n');
          const index = new WorkspaceIndex({ patterns: () => ({}), openText: () => undefined });
          index.addFolder(URI.file(root).toString());
          const modes = getLanguageModes();
          const ws = new WorkspaceParses(index, {
            openModel: () => undefined,
            parse: (kind, doc) => (modes[kind] as LanguageMode).parse(doc),
            maxEntries: how === 'evicted' ? 1 : 100,
            revision: () => revision,
          });
          const ctx: ModeContext = { ...modeContext(), workspace: ws };
          const uriOf = (rel: string) => URI.file(path.join(root, rel)).toString();
          const judge = (rel: string) => {
            const uri = uriOf(rel);
            const doc = TextDocument.create(uri, 'plaintext', 1, ws.read(uri)!);
            return diagnosticsOf(modes.compose as LanguageMode, doc, ctx, () => ws.parse(uri, 'compose')).map((d) => d.code);
          };
          const first = judge('a/compose.yaml');
          assert.ok(first.includes('undefined-network'));
          if (how === 'evicted') judge('b/compose.yaml');
          else ws.parse(uriOf('a/compose.yaml'), 'daemonJson');
          assert.deepEqual(judge('a/compose.yaml'), first);
        } finally {
          fs.rmSync(root, { recursive: true, force: true });
        }
      });
    }
  }
});
