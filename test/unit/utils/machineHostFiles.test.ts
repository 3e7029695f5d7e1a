import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { MachineHostFiles } from '../../../server/src/machineHostFiles';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { WorkspaceIndex } from '../../../server/src/workspaceIndex';
import { modeContext } from '../../util/modeKit';

describe('the machine\'s own Docker host files (#17)', () => {
  it('a daemon.json opened from the machine is judged with the machine\'s drop-ins, only while enabled; nothing else is read', () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dn-machine-')));
    try {
      const etc = path.join(root, 'etc');
      fs.mkdirSync(path.join(etc, 'docker'), { recursive: true });
      fs.mkdirSync(path.join(etc, 'systemd', 'system', 'docker.service.d'), { recursive: true });
      fs.writeFileSync(path.join(etc, 'docker', 'daemon.json'), '{\n  "hosts": ["unix:///var/run/docker.sock"]\n}\n');
      fs.writeFileSync(path.join(etc, 'systemd', 'system', 'docker.service.d', 'http-proxy.conf'), '[Service]\nEnvironment=HTTPS_PROXY=http://p:3128\n');
      fs.writeFileSync(path.join(etc, 'shadow'), 'secret');
      let enabled = true;
      const machine = new MachineHostFiles(() => enabled, [{ daemonJson: path.join(etc, 'docker', 'daemon.json'), dropins: path.join(etc, 'systemd', 'system', 'docker.service.d') }]);
      const workspace = new WorkspaceIndex({ patterns: () => ({}), openText: () => undefined, machine });
      const uri = URI.file(path.join(etc, 'docker', 'daemon.json')).toString();
      const doc = TextDocument.create(uri, 'json', 1, fs.readFileSync(path.join(etc, 'docker', 'daemon.json'), 'utf8'));
      const codes = () => daemonJsonMode.validate!(daemonJsonMode.parse(doc), modeContext({ workspace })).map((p) => `${p.severity} ${p.code}`);
      assert.deepEqual(codes(), ['error flag-conflicts-with-config']);
      assert.equal(workspace.read(URI.file(path.join(etc, 'shadow')).toString()), undefined);
      enabled = false;
      assert.deepEqual(codes(), ['information flag-conflict-assumed']);
      assert.deepEqual(workspace.list(), []);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
