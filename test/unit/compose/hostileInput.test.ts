import assert from 'node:assert/strict';
import { EngineStateStore } from '../../../server/src/engineStateStore';
import { describe, it } from 'node:test';
import { composeMode } from '../../../server/src/modes/compose/composeMode';
import type { LiveNetwork } from '../../../server/src/shared/protocol';
import { answerInWorker } from '../../util/answerInWorker';
import { modeContext, modeKit } from '../../util/modeKit';

const k = modeKit(composeMode, 'file:///srv/app/compose.yaml', 'dockercompose');

/**
 * Completion labels at `position`, computed in a worker thread so that a completion
 * that never returns (#15 item 1: it froze the whole server) fails this test instead of
 * freezing the test run. The watchdog is a hang detector, not a speed check: the
 * answer takes milliseconds; the limit only has to end a run that would never end.
 */
async function completeInWorker(text: string, position: { line: number; character: number }): Promise<string[]> {
  const result = await answerInWorker<string[]>(
    `const { parentPort, workerData: w } = require('node:worker_threads');
     const { composeMode } = require(w.mode);
     const { TextDocument } = require(w.textDocument);
     const doc = TextDocument.create('file:///srv/app/compose.yaml', 'dockercompose', 1, w.text);
     const list = composeMode.complete(doc, w.position, composeMode.parse(doc), w.ctx);
     parentPort.postMessage(list.items.map((i) => i.label));`,
    {
      mode: require.resolve('../../../server/src/modes/compose/composeMode'),
      textDocument: require.resolve('vscode-languageserver-textdocument'),
      text,
      position,
      ctx: modeContext(),
    },
    30_000,
    true,
  );
  if ('hang' in result) throw new Error(`completion in ${JSON.stringify(text)} at ${position.line}:${position.character} never returned`);
  return result.answer;
}

describe('compose: hostile input (#15)', () => {
  it('returns from completion on an indented line below a leading empty line (item 1)', async () => {
    // Nothing to complete above the first top-level key: an empty list, but an answer.
    assert.deepEqual(await completeInWorker('\n  x', { line: 1, character: 3 }), []);
    assert.deepEqual(await completeInWorker('\n  \nservices:\n  web:\n', { line: 1, character: 2 }), []);
    // The walk up still finds parents above an empty first line.
    assert.deepEqual(k.complete('\nservices:\n  web:\n    $0\n').labels, ['networks', 'network_mode']);
    assert.deepEqual(k.complete('$0\n  x').labels, []);
  });

  it('validates a 1 MB `networks: [n1, …]` line (item 3)', () => {
    // 1,000 names, each repeated: about 170,000 entries, more than one call takes as arguments.
    const names: string[] = [];
    for (let i = 0, size = 0; size < 1_000_000; i++) size += (names[names.length] = `n${i % 1000}`).length + 2;
    const problems = k.problems(`services:\n  web:\n    networks: [${names.join(', ')}]\n`);
    // Every entry is undeclared and every repeat a duplicate: one problem each, none lost, nothing thrown.
    assert.equal(problems.filter((p) => p.code === 'undefined-network').length, names.length);
    assert.equal(problems.filter((p) => p.code === 'duplicate-network').length, names.length - 1000);
  });

  it('names a network declared with an empty key in document symbols (item 10)', () => {
    const f = k.parse(`networks:\n  "":\n    driver: bridge\n  '':\n  front:\n`);
    const symbols = composeMode.findDocumentSymbols!(f.document, f.model, modeContext());
    // LSP requires a non-empty name (VS Code rejects the whole answer otherwise).
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['""', "''", 'front'],
    );
  });

  it('tolerates malformed live networks from the client (item 7)', () => {
    const src = `services:\n  web:\n    networks: [a]\nnetworks:\n  a:\n    ipam:\n      config:\n        - subnet: 172.20.0.0/16\n  shared:\n    external: true\n    name: $0\n`;
    const good: LiveNetwork = { id: '1', name: 'proxy', driver: 'bridge', scope: 'local', internal: false, enableIPv6: false, subnets: [{ subnet: '172.20.0.0/24' }], labels: {} };
    const junk = [null, 42, 'net', [], { name: 'no-subnets' }, { name: 7, subnets: [{ subnet: '10.0.0.0/8' }] }, { ...good, name: 'odd', subnets: [null, { subnet: 5 }, 'x'] }, good] as unknown as LiveNetwork[];
    // The server's Engine state (where the push crosses the process boundary) skips entries
    // without a string name, and subnets that are not objects with a string `subnet`.
    const store = new EngineStateStore();
    store.set({ info: {}, networks: junk });
    const received = store.liveNetworks as LiveNetwork[];
    const codes = k.codes(src, { liveNetworks: received });
    assert.ok(codes.includes('8: subnet-overlaps-live-network'), codes.join('; '));
    assert.deepEqual(codes, k.codes(src, { liveNetworks: [good] }));
    assert.deepEqual(k.complete(src, { liveNetworks: received }).labels, ['no-subnets', 'odd', 'proxy']);
  });
});
