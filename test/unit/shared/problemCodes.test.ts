import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { describeProblemCode } from '../../../server/src/cli/describeProblemCode';
import { REPO_ROOT } from '../../util/lspClient';

const codes = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'problemCodes.json'), 'utf8')) as { codes: Record<string, { summary: string; help: string; docs?: string }> }).codes;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/**
 * The codes the modes' sources report, found where a code is written: `code: '…'` (also in
 * a `cond ? '…' : '…'`), the code argument of `problemAt(…)`, `err(…)`, `problem(…)`, and
 * a code alone on its line among a call's arguments.
 */
function reportedCodes(): Map<string, string> {
  const code = "'([a-z0-9]+(?:-[a-z0-9]+)+)'";
  const patterns = [
    new RegExp(`\\bcode:\\s*${code}`, 'g'),
    new RegExp(`\\bcode:\\s*[^,\\n]*?\\?\\s*${code}\\s*:\\s*${code}`, 'g'),
    new RegExp(`problemAt\\([^;]*?'(?:error|warning|information|hint)'\\s*\\)?\\s*(?:\\?[^:]*:[^,]*)?,\\s*${code}`, 'g'),
    new RegExp(`problemAt\\([^,;]+,\\s*[a-zA-Z.]+\\s*(?:\\?\\s*'[a-z]+'\\s*:\\s*'[a-z]+'\\s*)?,\\s*${code}`, 'g'),
    new RegExp(`\\b(?:err|problem)\\([^,;]+,\\s*${code}`, 'g'),
    new RegExp(`^\\s*${code},\\s*$`, 'gm'),
  ];
  const found = new Map<string, string>();
  for (const file of [...sources(path.join(REPO_ROOT, 'server', 'src', 'modes')), path.join(REPO_ROOT, 'server', 'src', 'diagnostics.ts'), path.join(REPO_ROOT, 'server', 'src', 'largeFiles.ts')]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const p of patterns) for (const m of text.matchAll(p)) for (const c of m.slice(1)) if (c) found.set(c, path.relative(REPO_ROOT, file));
  }
  return found;
}

/** schemas/problemCodes.json, the rule metadata of the CLI's SARIF output (#21). */
describe('problem codes', () => {
  it('every code a rule reports has a summary, help and is in schemas/problemCodes.json', () => {
    const found = reportedCodes();
    assert.ok(found.size > 100, `only ${found.size} codes found: the scan no longer matches how rules are written`);
    const missing = [...found].filter(([c]) => !Object.prototype.hasOwnProperty.call(codes, c)).map(([c, file]) => `${c} (${file})`);
    assert.deepEqual(missing, [], 'add these to schemas/problemCodes.json');
  });

  it('has no entry that no rule reports', () => {
    const found = reportedCodes();
    assert.deepEqual(Object.keys(codes).filter((c) => !found.has(c)), []);
  });

  it('entries are sentences, with links where given', () => {
    for (const [c, e] of Object.entries(codes)) {
      assert.match(e.summary, /^[A-Z"].*\.$/, c);
      assert.match(e.help, /\.$/, c);
      if (e.docs) assert.match(e.docs, /^https:\/\//, c);
    }
    const d = describeProblemCode('undefined-network');
    assert.equal(d.summary, codes['undefined-network'].summary);
    assert.equal(d.helpUri, codes['undefined-network'].docs);
    assert.match(describeProblemCode('no-such-code').help, /message of each result/);
  });
});
