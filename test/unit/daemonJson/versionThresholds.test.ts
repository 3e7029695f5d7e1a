import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(daemonJsonMode, 'file:///etc/docker/daemon.json', 'json');

/**
 * The "refused from Engine X" thresholds of schemas/daemonValueRules.json, checked
 * against moby's release tags (the last release that accepts, the first that refuses).
 * Each case: the text, the diagnostic code, the last accepting and the first refusing Engine.
 */
function severityAt(text: string, code: string, version: string): DiagnosticSeverity | undefined {
  const found = k.diagnostics(text, { engine: version }).filter((d) => d.code === code);
  assert.ok(found.length <= 1, `one ${code} at most`);
  return found[0]?.severity;
}

function assertThreshold(text: string, code: string, lastAccepting: string, firstRefusing: string): void {
  assert.equal(severityAt(text, code, lastAccepting), DiagnosticSeverity.Warning, `${code} on ${lastAccepting}: a warning`);
  assert.equal(severityAt(text, code, firstRefusing), DiagnosticSeverity.Error, `${code} on ${firstRefusing}: an error`);
}

describe('daemon.json version thresholds (verified against moby tags)', () => {
  it('negative mtu: refused from 23.0 (Validate "invalid default MTU", f8231c62f4)', () => {
    assertThreshold('{"mtu": -1}', 'invalid-number', '20.10', '23.0');
  });

  it('link-local fixed-cidr-v6 inside fe80::/64: refused from 25.0 (bridge.ValidateFixedCIDRV6)', () => {
    assertThreshold('{"ipv6": true, "fixed-cidr-v6": "fe80::/80"}', 'invalid-fixed-cidr-v6', '24.0', '25.0');
    assertThreshold('{"ipv6": true, "fixed-cidr-v6": "fe80::/10"}', 'invalid-fixed-cidr-v6', '24.0', '25.0');
  });

  it('other overlaps with fe80::/64 and multicast blocks: refused from 27.0', () => {
    assertThreshold('{"ipv6": true, "fixed-cidr-v6": "fe00::/7"}', 'invalid-fixed-cidr-v6', '26.1', '27.0');
    assertThreshold('{"ipv6": true, "fixed-cidr-v6": "ff05::/64"}', 'invalid-fixed-cidr-v6', '26.1', '27.0');
  });

  it('fe80::/64 itself and ordinary blocks are accepted by every release', () => {
    for (const v of ['20.10', '25.0', '29.7']) {
      assert.equal(severityAt('{"ipv6": true, "fixed-cidr-v6": "fe80::/64"}', 'invalid-fixed-cidr-v6', v), undefined);
      assert.equal(severityAt('{"ipv6": true, "fixed-cidr-v6": "fd00:1::/64"}', 'invalid-fixed-cidr-v6', v), undefined);
    }
  });

  it('relative userland-proxy-path: refused from 25.0 (4f9db655ed), not 28.0', () => {
    assertThreshold('{"userland-proxy-path": "docker-proxy"}', 'userland-proxy-path-relative', '24.0', '25.0');
  });

  it('containerd-snapshotter with userns-remap: refused from 29.0 (e1722eb8d8), not 24.0', () => {
    const text = '{"features": {"containerd-snapshotter": true}, "userns-remap": "default"}';
    assertThreshold(text, 'snapshotter-with-userns', '28.5', '29.0');
    assert.match(k.diagnostics(text, { engine: '28.5' })[0].message, /Engine 28\.5 starts, but builds break \(moby#47377\) and Engine 29\.0 refuses it/);
  });
});
