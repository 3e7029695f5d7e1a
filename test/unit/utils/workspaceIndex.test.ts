import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { URI } from 'vscode-uri';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { isEnvFile } from '../../../server/src/shared/fileKinds';
import { fileUriOf, fsPathOf, normalizeFileUri, OUTSIDE_READ_MS, WorkspaceIndex, type WorkspaceIndexOptions } from '../../../server/src/workspaceIndex';
import type { ExtraPatterns } from '../../../server/src/shared/fileKinds';

/** The workspace index (#14) against a real directory tree. */
describe('WorkspaceIndex', () => {
  let root: string;
  const uri = (rel: string) => pathToFileURL(path.join(root, rel)).href;
  const rel = (uris: readonly string[]) => uris.map((u) => path.relative(root, new URL(u).pathname)).sort();
  function write(relPath: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(root, relPath)), { recursive: true });
    fs.writeFileSync(path.join(root, relPath), text);
  }
  function index(o: Partial<WorkspaceIndexOptions> = {}, folders = [root]): WorkspaceIndex {
    const none: ExtraPatterns = {};
    const idx = new WorkspaceIndex({ patterns: () => none, openText: () => undefined, ...o });
    folders.forEach((f) => idx.addFolder(pathToFileURL(f).href));
    return idx;
  }

  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dn-index-')));
    write('daemon.json', '{}');
    write('app/compose.yaml', 'services: {}\n');
    write('app/docker-compose.prod.yml', 'services: {}\n');
    write('app/.env', 'A=1\n');
    write('app/web.env', 'B=2\n');
    write('etc/docker.service.d/http-proxy.conf', '[Service]\n');
    write('README.md', '# not ours\n');
    write('app/settings.json', '{}');
    write('node_modules/pkg/compose.yaml', 'services: {}\n');
    write('node_modules/pkg/.env', 'X=1\n');
    write('.git/daemon.json', '{}');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lists the files of the three kinds and .env files, skipping node_modules and .git', () => {
    const idx = index();
    assert.deepEqual(rel(idx.list()), [
      'app/.env',
      'app/compose.yaml',
      'app/docker-compose.prod.yml',
      'app/web.env',
      'daemon.json',
      'etc/docker.service.d/http-proxy.conf',
    ]);
    assert.deepEqual(rel(idx.list('compose')), ['app/compose.yaml', 'app/docker-compose.prod.yml']);
    assert.deepEqual(rel(idx.list('env')), ['app/.env', 'app/web.env']);
    assert.deepEqual(rel(idx.list('systemdDropin')), ['etc/docker.service.d/http-proxy.conf']);
  });

  it("follows the user's extra patterns, and walks again when they change", () => {
    write('deploy/stack.yml', 'services: {}\n');
    let patterns: ExtraPatterns = {};
    const idx = index({ patterns: () => patterns });
    assert.ok(!rel(idx.list('compose')).includes('deploy/stack.yml'));
    patterns = { compose: ['deploy/*.yml'] };
    assert.ok(rel(idx.list('compose')).includes('deploy/stack.yml'));
  });

  it('stops walking after its bound of files and directories', () => {
    for (let i = 0; i < 30; i++) write(`many/d${String(i).padStart(2, '0')}/compose.yaml`, '');
    const all = index().list('compose').length;
    const bounded = index({ maxEntries: 20 }).list('compose').length;
    assert.equal(all, 32);
    assert.ok(bounded < 20, `${bounded} files listed with a bound of 20 entries`);
  });

  it('reads lazily, keeps what it read until the watcher reports a change, and prefers open documents', () => {
    const open = new Map<string, string>();
    const idx = index({ openText: (u) => open.get(u) });
    assert.equal(idx.read(uri('app/.env')), 'A=1\n');
    fs.writeFileSync(path.join(root, 'app/.env'), 'A=2\n');
    assert.equal(idx.read(uri('app/.env')), 'A=1\n', 'no event yet: the text read before');
    idx.onWatchedFilesChanged([{ uri: uri('app/.env'), type: 2 }]);
    assert.equal(idx.read(uri('app/.env')), 'A=2\n');
    open.set(uri('app/.env'), 'A=typed\n');
    assert.equal(idx.read(uri('app/.env')), 'A=typed\n');
    assert.equal(idx.read(uri('missing.env')), undefined);
    assert.equal(idx.read(pathToFileURL(path.join(os.tmpdir(), 'elsewhere.env')).href), undefined, 'nothing outside the folders');
  });

  it('reads a file beside a loose document again after OUTSIDE_READ_MS, or at once when the editor saved or closed it', () => {
    // No folder: the open compose.yaml is a loose document, its .env is read from disk.
    let now = 1_000_000;
    const idx = index({ openUris: () => [uri('app/compose.yaml')], now: () => now }, []);
    assert.equal(idx.read(uri('app/.env')), 'A=1\n');
    assert.equal(idx.read(uri('app/missing.env')), undefined);
    fs.writeFileSync(path.join(root, 'app/.env'), 'A=2\n');
    write('app/missing.env', 'M=1\n');
    now += OUTSIDE_READ_MS - 1;
    assert.equal(idx.read(uri('app/.env')), 'A=1\n', 'read less than OUTSIDE_READ_MS ago: as read');
    assert.equal(idx.read(uri('app/missing.env')), undefined, 'a missing file too');
    now += 1;
    assert.equal(idx.read(uri('app/.env')), 'A=2\n');
    assert.equal(idx.read(uri('app/missing.env')), 'M=1\n');
    fs.writeFileSync(path.join(root, 'app/.env'), 'A=3\n');
    idx.forgetDiskText(uri('app/.env'));
    assert.equal(idx.read(uri('app/.env')), 'A=3\n', 'saved or closed in the editor: read again');
    assert.equal(idx.read(uri('elsewhere/.env')), undefined, 'not beside the loose document: not read');
  });

  it('reads a text without its UTF-8 byte order mark, as VS Code opens it (#21)', () => {
    write('app/.env', '\ufeffA=1\n');
    assert.equal(index().read(uri('app/.env')), 'A=1\n');
  });

  it('does not read files above its size bound', () => {
    write('app/big.env', 'X='.padEnd(5000, 'x'));
    const idx = index({ maxFileBytes: 1000 });
    assert.ok(rel(idx.list('env')).includes('app/big.env'), 'listed');
    assert.equal(idx.read(uri('app/big.env')), undefined);
    assert.equal(idx.read(uri('app/.env')), 'A=1\n');
  });

  it('adds created files and directories and drops deleted ones', () => {
    const idx = index();
    idx.list();
    write('new/compose.yml', '');
    write('newdir/sub/daemon.json', '{}');
    write('node_modules/other/compose.yml', '');
    idx.onWatchedFilesChanged([
      { uri: uri('new/compose.yml'), type: 1 },
      { uri: uri('newdir'), type: 1 },
      { uri: uri('node_modules/other/compose.yml'), type: 1 },
    ]);
    assert.deepEqual(rel(idx.list('compose')), ['app/compose.yaml', 'app/docker-compose.prod.yml', 'new/compose.yml']);
    assert.deepEqual(rel(idx.list('daemonJson')), ['daemon.json', 'newdir/sub/daemon.json']);
    fs.rmSync(path.join(root, 'app'), { recursive: true });
    idx.onWatchedFilesChanged([{ uri: uri('app'), type: 3 }]);
    assert.deepEqual(rel(idx.list('compose')), ['new/compose.yml']);
    assert.deepEqual(rel(idx.list('env')), []);
  });

  it('covers every workspace folder, and forgets a removed one', () => {
    const second = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dn-index2-')));
    try {
      fs.writeFileSync(path.join(second, 'compose.yaml'), 'services: {}\n');
      const idx = index({}, [root, second]);
      assert.equal(idx.list('compose').length, 3);
      idx.removeFolder(pathToFileURL(root).href);
      assert.deepEqual(idx.list(), [pathToFileURL(path.join(second, 'compose.yaml')).href]);
      assert.equal(idx.read(uri('app/.env')), undefined, 'a removed folder is not read');
    } finally {
      fs.rmSync(second, { recursive: true, force: true });
    }
  });

  it('spells file URIs one way', () => {
    assert.equal(normalizeFileUri('file:///a%20b/c.env'), 'file:///a%20b/c.env');
    assert.equal(normalizeFileUri('file:///a b/c.env'), 'file:///a%20b/c.env');
    assert.equal(normalizeFileUri('untitled:Untitled-1'), 'untitled:Untitled-1');
    // VS Code's spelling, the one open documents come with: a ':' in a path is escaped.
    assert.equal(normalizeFileUri('file:///srv/a:b/compose.yaml'), 'file:///srv/a%3Ab/compose.yaml');
    const odd = path.join(root, 'a:b');
    write('a:b/compose.yaml', 'services: {}\n');
    assert.ok(index().list('compose').includes(`file://${odd.replace(':', '%3A')}/compose.yaml`), 'listed as VS Code spells it');
    assert.deepEqual(['.env', '.env.prod', 'web.env', 'env', 'x.envrc'].map(isEnvFile), [true, true, true, false, false]);
  });

  it("spells paths and URIs as vscode-uri does, whether or not the fast path applies (#21)", () => {
    const paths = ['/srv/app/compose.yaml', '/a b/c.env', '/srv/a:b/compose.yaml', '/é/daemon.json', '//server/share/x.conf', '/a/%41/x', '/a/~x_y-z.1/q', '/', '/a#b/c?d'];
    for (const p of paths) {
      assert.equal(fileUriOf(p), URI.file(p).toString(), p);
      assert.equal(fsPathOf(fileUriOf(p)), URI.parse(URI.file(p).toString()).fsPath, p);
    }
    assert.equal(fsPathOf('file:///srv/a%20b/compose.yaml'), '/srv/a b/compose.yaml');
    // A path starting with `//` is none the fast path takes: vscode-uri refuses it, and so does fsPathOf.
    assert.throws(() => URI.parse('file:////srv/x').fsPath);
    assert.throws(() => fsPathOf('file:////srv/x'));
  });
});
