import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCidr } from '../../../server/src/shared/cidr';
import type { WorkspaceSubnet } from '../../../server/src/shared/protocol';
import { mapBlocks, renderSubnetMapHtml } from '../../../client/src/networks/subnetMapHtml';
import type { SubnetMapEntry } from '../../../client/src/networks/subnetMap';

const live = (name: string, subnet: string): SubnetMapEntry => ({ subnet, family: 4, networkName: name, networkId: `id-${name}`, driver: 'bridge', overlapsWith: [], cidr: parseCidr(subnet) });
const file = (subnet: string, what: string, line: number): WorkspaceSubnet => ({ subnet, what, uri: 'file:///w/compose.yaml', line, character: 4 });

/** #20: the subnet map as a picture: live networks and the workspace's subnets, overlaps marked, each block a button. */
describe('the subnet map webview', () => {
  it('puts live and declared subnets in address order, marking overlaps but not a Compose network that is up', () => {
    const blocks = mapBlocks([live('lab', '198.18.5.0/24'), live('front', '10.202.0.0/24')], [file('10.202.0.0/24', 'network `front`', 7), file('198.18.0.0/16', 'address pool', 4)], () => 'compose.yaml');
    assert.deepEqual(
      blocks.map((b) => `${b.subnet} ${b.label} [${b.overlapsWith.join('; ')}]`),
      [
        '10.202.0.0/24 network front []',
        '10.202.0.0/24 network front in compose.yaml:8 []',
        '198.18.0.0/16 address pool in compose.yaml:5 [network lab]',
        '198.18.5.0/24 network lab [address pool in compose.yaml:5]',
      ],
    );
    assert.deepEqual(blocks.map((b) => b.id), [0, 1, 2, 3]);
  });

  it('is a page under a strict content security policy: no style or script without the nonce, no inline handlers', () => {
    const blocks = mapBlocks([live('a<b>', '10.1.0.0/16')], [file('10.1.2.0/24', 'network `x"y`', 0)], () => 'compose.yaml');
    const html = renderSubnetMapHtml(blocks, 'unix:///var/run/docker.sock', 'N0NCE', 'vscode-resource:');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src vscode-resource: 'nonce-N0NCE'; script-src 'nonce-N0NCE';">/);
    assert.doesNotMatch(html, /style="|\son[a-z]+="/i, 'style attributes and inline handlers are refused by the policy');
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.match(html, /<script nonce="N0NCE">/);
    assert.match(html, /<style nonce="N0NCE">/);
    // Names from the Engine and the files are escaped.
    assert.ok(html.includes('network a&#60;b&#62;') && !html.includes('a<b>'));
    // Every block is a button (Tab, Enter, Space), overlaps said in words, colours from the theme.
    assert.equal(html.match(/<button data-id="/g)?.length, 2);
    assert.match(html, /overlaps network a&#60;b&#62;/);
    assert.match(html, /var\(--vscode-charts-red\)/);
    assert.match(html, /Copy as Markdown/);
    // A value that is no CIDR block (a bip without prefix) is listed, said so, and has no bar.
    const odd = renderSubnetMapHtml(mapBlocks([], [file('172.26.0.1', 'bip', 1)], () => 'daemon.json'), 'h', 'N', 'c');
    assert.match(odd, /172\.26\.0\.1<\/code> <span class="what">bip in daemon\.json:2<\/span> <span class="warn">not a CIDR block<\/span>/);
    assert.doesNotMatch(odd, /class="track"/);
  });
});
