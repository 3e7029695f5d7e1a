import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostFixtures, judgeHost } from '../../util/hostFixtures';

describe('docker hosts: daemon.json and drop-ins judged together (test/fixtures/hosts)', () => {
  for (const fx of hostFixtures()) {
    it(fx.name, () => {
      const got = judgeHost(fx.dir).map((p) => `${p.file}:${p.line} ${p.severity} ${p.code}`);
      if (process.env.SHOW_HOSTS) for (const p of judgeHost(fx.dir)) console.log(fx.name, p);
      assert.deepEqual(got.sort(), [...fx.expect].sort());
    });
  }
});
