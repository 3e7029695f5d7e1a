import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { engineRequest } from '../util/engine';
import { REPO_ROOT } from '../util/lspClient';
import { dockerdOf, ENGINE_SUITES, label, requireThrowaway, startRelease } from '../util/releases';

/**
 * schemas/engine-releases.json against the Engines themselves (#18): each release we have
 * (the machine's dockerd, trixie's and sid's) is started as an isolated throw-away Engine
 * and must serve the API version its MAJOR.MINOR entry names. An entry marked
 * `x-confirmed` names the release whose run showed it; when sid moves on to a release the
 * data does not mark yet, the test says so instead of failing.
 */
const RELEASES = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas', 'engine-releases.json'), 'utf8')) as { releases: { version: string; api: string; 'x-confirmed'?: string }[] }).releases;

describe('schemas/engine-releases.json agrees with real Engines', () => {
  for (const suite of ENGINE_SUITES) {
    const dockerd = dockerdOf(suite);
    it(label(dockerd), async (t) => {
      if (!requireThrowaway(t, dockerd)) return;
      const engine = (await startRelease(dockerd, { image: false }))!;
      try {
        const served = String((await engineRequest('GET', '/_ping', undefined, engine.socketPath)).headers['api-version']);
        const version = (await engineRequest('GET', `/v${served}/version`, undefined, engine.socketPath)).json<{ Version: string }>().Version;
        t.diagnostic(`dockerd ${version} serves API ${served}`);
        assert.ok(version.startsWith(`${dockerd.version}`), `the Engine reports ${version}, its binary ${dockerd.version}`);
        const entry = RELEASES.find((r) => r.version === dockerd.majorMinor);
        assert.ok(entry, `engine-releases.json has no entry for ${dockerd.majorMinor}`);
        assert.equal(entry.api, served, `engine-releases.json says ${entry.version} serves API ${entry.api}; dockerd ${version} serves ${served}`);
        if (entry['x-confirmed'] !== dockerd.version) t.diagnostic(`entry ${entry.version} is marked x-confirmed: ${entry['x-confirmed'] ?? 'none'}; this run confirms it for ${dockerd.version}`);
      } finally {
        await engine.dispose();
      }
    });
  }
});
