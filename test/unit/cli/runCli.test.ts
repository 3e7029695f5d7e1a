import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/runCli';
import { makeTree } from '../../util/cliProcess';

/** What only an in-process run can show: colour depends on a terminal and on NO_COLOR (#21). */
describe('runCli output colour', () => {
  const root = makeTree({ 'daemon.json': '{"bip": "172.26.0.1", "label": "a=b"}\n' }, 'dn-cli-colour-');
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  async function run(isTTY: boolean, env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
    let out = '';
    const stream = { isTTY, write: (s: string | Uint8Array) => (out += String(s)) };
    const code = await runCli(['check'], { cwd: root, env, stdout: stream, stderr: { write: () => true }, readStdin: async () => new Uint8Array() });
    return { code, out };
  }

  it('colours on a terminal: errors red, warnings yellow, the path underlined', async () => {
    const { code, out } = await run(true, {});
    assert.equal(code, 1);
    assert.match(out, /\u001b\[4mdaemon\.json\u001b\[24m/);
    assert.match(out, /\u001b\[31merror  \u001b\[39m/);
    assert.match(out, /\u001b\[33mwarning\u001b\[39m/);
  });

  it('FORCE_COLOR colours off a terminal too, and wins over NO_COLOR, as in Node; "0" turns it off', async () => {
    for (const env of [{ FORCE_COLOR: '1' }, { FORCE_COLOR: '' }, { FORCE_COLOR: '1', NO_COLOR: '1' }]) {
      assert.match((await run(false, env)).out, /\u001b\[31merror  \u001b\[39m/, JSON.stringify(env));
    }
    assert.doesNotMatch((await run(true, { FORCE_COLOR: '0', NO_COLOR: '1' })).out, /\u001b\[/);
    assert.doesNotMatch((await run(false, { FORCE_COLOR: 'false' })).out, /\u001b\[/);
  });

  it('prints no escape codes off a terminal, or with NO_COLOR set', async () => {
    for (const [tty, env] of [[false, {}], [true, { NO_COLOR: '1' }]] as const) {
      const { out } = await run(tty, env);
      assert.ok(out.includes('daemon.json\n'), out);
      assert.doesNotMatch(out, /\u001b\[/);
    }
  });
});
