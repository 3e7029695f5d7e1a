import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { toDiagnostics } from '../../server/src/diagnostics';
import { composeMode } from '../../server/src/modes/compose/composeMode';
import type { ComposeModel } from '../../server/src/modes/compose/model';
import { addressing, readValue } from '../../server/src/modes/compose/networkAddressing';
import type { ModeContext } from '../../server/src/modes/languageMode';
import { DEFAULT_SETTINGS } from '../../server/src/shared/settings';
import { parseEngineVersion } from '../../server/src/shared/engineVersion';
import { api, engineReachable, engineVersion, removeTestObjects, requireEngine, TEST_IMAGE, testLabels, testName } from '../util/engine';
import { REPO_ROOT } from '../util/lspClient';

/**
 * The Engine as the judge: each compose file of test/fixtures/compose/engine is created
 * on the real dockerd through the Engine API, network by network, then each static
 * address through a container on that network. The server, set to the installed
 * Engine's version, must report an error exactly where the Engine refuses, and no
 * error where it accepts. When two networks overlap, or two services share an address,
 * the Engine refuses whichever comes second; we flag every party, so for those codes
 * the check is that the Engine refused all but one of the flagged parties.
 */
const SCOPE = 'composeNetworksEngine';
const DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'compose', 'engine');
const PAIR_CODES = new Set(['subnet-overlap', 'duplicate-static-ip']);

interface Verdict {
  what: string;
  refused: string | undefined;
  errors: Diagnostic[];
}

function inside(d: Diagnostic, doc: TextDocument, start: number, end: number): boolean {
  const s = doc.offsetAt(d.range.start);
  return s >= start && s < end;
}

async function createNetworks(model: ComposeModel, doc: TextDocument, errors: Diagnostic[], names: Map<string, string>): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  for (const decl of model.networks) {
    const a = addressing(model, decl);
    if (a.external) continue;
    const name = testName('cn');
    const body = {
      Name: name,
      Driver: a.driver ?? 'bridge',
      CheckDuplicate: true,
      EnableIPv6: a.enableIpv6 === true,
      Labels: testLabels(SCOPE),
      IPAM: {
        Driver: 'default',
        Config: a.blocks.map((b) => ({
          Subnet: b.subnet?.text,
          IPRange: b.ipRange?.text,
          Gateway: b.gateway?.text,
          AuxiliaryAddresses: b.aux.length ? Object.fromEntries(b.aux.map((x) => [x.name, x.text])) : undefined,
        })),
      },
    };
    const r = await api('POST', '/networks/create', body);
    if (r.status < 300) names.set(decl.key, name);
    const start = decl.keyNode.range![0];
    const end = decl.value?.range ? decl.value.range[1] : decl.keyNode.range![1];
    verdicts.push({ what: `network ${decl.key}`, refused: r.status >= 300 ? `${r.status} ${r.body.trim()}` : undefined, errors: errors.filter((d) => inside(d, doc, start, end)) });
  }
  return verdicts;
}

async function connectStaticAddresses(model: ComposeModel, doc: TextDocument, errors: Diagnostic[], names: Map<string, string>): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  for (const ref of model.refs) {
    const network = names.get(ref.network);
    for (const e of ref.configEntries) {
      if (e.key !== 'ipv4_address' && e.key !== 'ipv6_address') continue;
      const v = readValue(e.value);
      if (!v) continue;
      const ours = errors.filter((d) => inside(d, doc, v.range[0], v.range[1] + 1));
      if (!network) {
        // The network itself was refused: nothing to connect, and the address was not judged.
        continue;
      }
      const ipam = e.key === 'ipv4_address' ? { IPv4Address: v.text } : { IPv6Address: v.text };
      const create = await api('POST', `/containers/create?name=${testName('cs')}`, {
        Image: TEST_IMAGE,
        Cmd: ['/bin/sleep', '300'],
        Labels: testLabels(SCOPE),
        HostConfig: { NetworkMode: network },
        NetworkingConfig: { EndpointsConfig: { [network]: { IPAMConfig: ipam } } },
      });
      let refused: string | undefined = create.status >= 300 ? `${create.status} ${create.body.trim()}` : undefined;
      if (!refused) {
        const id = create.json<{ Id: string }>().Id;
        const start = await api('POST', `/containers/${id}/start`);
        if (start.status >= 300) refused = `${start.status} ${start.body.trim()}`;
      }
      verdicts.push({ what: `${ref.service.name} ${e.key} ${v.text}`, refused, errors: ours });
    }
  }
  return verdicts;
}

/** Lines that read like a report, so a failure shows every disagreement at once. */
function disagreements(verdicts: Verdict[]): string[] {
  const out: string[] = [];
  const pairParties = verdicts.filter((v) => v.errors.length > 0 && v.errors.every((d) => PAIR_CODES.has(String(d.code))));
  for (const v of verdicts) {
    if (pairParties.includes(v)) continue;
    if (v.refused && v.errors.length === 0) out.push(`${v.what}: the Engine refused (${v.refused}) but we report no error`);
    if (!v.refused && v.errors.length > 0) out.push(`${v.what}: the Engine accepted but we report ${v.errors.map((d) => d.code).join(', ')}`);
  }
  for (const code of PAIR_CODES) {
    const parties = pairParties.filter((v) => v.errors.some((d) => d.code === code));
    if (parties.length === 0) continue;
    const accepted = parties.filter((v) => !v.refused);
    if (accepted.length !== 1) out.push(`${code}: expected the Engine to accept exactly one of ${parties.map((p) => p.what).join(' / ')}, it accepted ${accepted.length}`);
  }
  return out;
}

describe('compose networks against the real dockerd', () => {
  let ctx: ModeContext;
  before(async () => {
    if (await engineReachable()) return;
    await removeTestObjects(SCOPE);
    const version = await engineVersion();
    ctx = {
      settings: { ...DEFAULT_SETTINGS, compose: { ...DEFAULT_SETTINGS.compose, unusedNetworks: false } },
      engineVersion: parseEngineVersion(version)!,
      engineVersionKnown: true,
    };
  });
  after(async () => {
    if (!(await engineReachable())) await removeTestObjects(SCOPE);
  });

  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort()) {
    it(`agrees with the Engine on ${file}`, async (t) => {
      if (!(await requireEngine(t))) return;
      const text = readFileSync(path.join(DIR, file), 'utf8');
      const doc = TextDocument.create(`file://${DIR}/${file}`, 'dockercompose', 1, text);
      const model = composeMode.parse(doc);
      const errors = toDiagnostics(doc, composeMode.validate!(model, ctx)).filter((d) => d.severity === DiagnosticSeverity.Error);
      const names = new Map<string, string>();
      try {
        const verdicts = [...(await createNetworks(model, doc, errors, names)), ...(await connectStaticAddresses(model, doc, errors, names))];
        assert.ok(verdicts.length > 0, 'the file should give the Engine something to judge');
        for (const v of verdicts) t.diagnostic(`${v.what}: ${v.refused ? `refused (${v.refused})` : 'accepted'}; ours: ${v.errors.map((d) => d.code).join(', ') || 'none'}`);
        assert.deepEqual(disagreements(verdicts), []);
        // Every error we report is about something the Engine judged.
        const judged = new Set(verdicts.flatMap((v) => v.errors));
        assert.deepEqual(errors.filter((d) => !judged.has(d)).map((d) => `${d.range.start.line + 1}: ${d.code}`), []);
      } finally {
        await removeTestObjects(SCOPE);
      }
    });
  }
});
