import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import type { ExtraPatterns } from '../../../server/src/shared/fileKinds';
import { WorkspaceIndex } from '../../../server/src/workspaceIndex';
import { WorkspaceParses } from '../../../server/src/workspaceParses';

/** The parses modes get of other files (#16): one per text, the open document's from the server's cache. */
describe('WorkspaceParses', () => {
  let root: string;
  const NONE: ExtraPatterns = {};
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dn-parses-')));
    fs.writeFileSync(path.join(root, 'compose.yaml'), 'services: {}\n');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('parses a closed file once per text, again after the watcher reports a change, and not at all when open', () => {
    const index = new WorkspaceIndex({ patterns: () => NONE, openText: () => undefined });
    index.addFolder(URI.file(root).toString());
    const parsed: string[] = [];
    let open: unknown;
    const files = new WorkspaceParses(index, {
      openModel: () => open,
      parse: (_kind, doc) => {
        parsed.push(doc.getText());
        return { text: doc.getText() };
      },
    });
    const uri = URI.file(path.join(root, 'compose.yaml')).toString();
    const first = files.parse(uri, 'compose');
    assert.equal(files.parse(uri, 'compose'), first, 'the same model while the text is the same');
    assert.deepEqual(parsed, ['services: {}\n']);
    fs.writeFileSync(path.join(root, 'compose.yaml'), 'services: { a: {} }\n');
    assert.equal(files.parse(uri, 'compose'), first, 'no watcher event yet: the index keeps the text it read');
    index.onWatchedFilesChanged([{ uri, type: 2 }]);
    assert.deepEqual(files.parse(uri, 'compose'), { text: 'services: { a: {} }\n' });
    assert.equal(parsed.length, 2);
    open = undefined;
    assert.equal(files.parse(URI.file(path.join(root, 'missing.yaml')).toString(), 'compose'), undefined, 'unreadable: no model');
    open = { open: true };
    assert.equal(files.parse(uri, 'compose'), open, "an open document's parse comes from the server's cache");
    assert.equal(parsed.length, 2);
  });

  it("moves the host's revision whenever a kept parse is dropped or replaced: a new parse is a new answer (#21)", () => {
    fs.mkdirSync(path.join(root, 'b'));
    fs.writeFileSync(path.join(root, 'b', 'compose.yaml'), 'services: {}\n');
    const index = new WorkspaceIndex({ patterns: () => NONE, openText: () => undefined });
    index.addFolder(URI.file(root).toString());
    const files = new WorkspaceParses(index, { openModel: () => undefined, parse: (kind) => ({ kind }), maxEntries: 1, revision: () => 0 });
    const a = URI.file(path.join(root, 'compose.yaml')).toString();
    const b = URI.file(path.join(root, 'b', 'compose.yaml')).toString();
    const first = files.parse(a, 'compose');
    const r0 = files.revision();
    assert.equal(files.parse(a, 'compose'), first);
    assert.equal(files.revision(), r0, 'the same parse: the same revision');
    files.parse(b, 'compose'); // a's parse goes: one parse kept at most
    assert.notEqual(files.revision(), r0, 'a dropped parse');
    const r1 = files.revision();
    assert.notEqual(files.parse(a, 'compose'), first, 'parsed anew');
    assert.notEqual(files.revision(), r1);
    const r2 = files.revision();
    files.parse(b, 'daemonJson');
    assert.notEqual(files.revision(), r2, 'a parse replaced by one of another kind');
    assert.equal(new WorkspaceParses(index, { openModel: () => undefined, parse: () => ({}) }).revision(), undefined, 'no revision without the host’s');
  });
});
