import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { MachineHostFiles } from '../../../server/src/machineHostFiles';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { systemdDropinMode } from '../../../server/src/modes/systemdDropin/systemdDropinMode';
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

  /** A temporary root, removed after `fn`. */
  const inTemp = (fn: (root: string) => void): void => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dn-machine-')));
    try {
      fn(root);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  };
  const write = (file: string, text: string): string => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  const dropinCodes = (file: string, workspace: WorkspaceIndex): string[] => {
    const doc = TextDocument.create(URI.file(file).toString(), 'ini', 1, fs.readFileSync(file, 'utf8'));
    return systemdDropinMode.validate!(systemdDropinMode.parse(doc), modeContext({ workspace })).map((p) => `${p.severity} ${p.code}`);
  };

  it('an ExecStart= program is looked up on the real disk for the machine\'s own drop-ins, and only for them', () => {
    inTemp((root) => {
      const dockerd = path.join(root, 'usr', 'bin', 'dockerd');
      const dropins = path.join(root, 'etc', 'systemd', 'system', 'docker.service.d');
      const text = `[Service]\nExecStart=\nExecStart=${dockerd} -H fd://\n`;
      const own = write(path.join(dropins, 'override.conf'), text);
      const folder = path.join(root, 'repo');
      const repoFile = write(path.join(folder, 'roles', 'docker', 'files', 'override.conf'), text);
      let enabled = true;
      const machine = new MachineHostFiles(() => enabled, [{ daemonJson: path.join(root, 'etc', 'docker', 'daemon.json'), dropins }]);
      const workspace = new WorkspaceIndex({ patterns: () => ({ systemdDropin: ['**/roles/*/files/*.conf'] }), openText: () => undefined, machine });
      workspace.addFolder(URI.file(folder).toString());
      assert.deepEqual(dropinCodes(own, workspace), ['error exec-program-missing']);
      // The same text in a repository of another host's files: its disk is not this one.
      assert.deepEqual(dropinCodes(repoFile, workspace), []);
      write(dockerd, '#!/bin/sh\n');
      assert.deepEqual(dropinCodes(own, workspace), []);
      fs.rmSync(dockerd);
      // Without leave to read the machine's files, nothing is looked up either.
      enabled = false;
      assert.deepEqual(dropinCodes(own, workspace), []);
    });
  });

  it('dockerNetworking.localEngineFiles: the named daemon.json is the local Engine\'s, and the named drop-ins are this machine\'s', () => {
    inTemp((root) => {
      const etcDaemonJson = write(path.join(root, 'etc', 'docker', 'daemon.json'), '{}\n');
      const engineDir = path.join(root, 'dn-dockerd');
      const daemonJson = write(path.join(engineDir, 'daemon.json'), '{\n  "hosts": ["unix:///run/x.sock"]\n}\n');
      const dropin = write(path.join(engineDir, 'engine.conf'), `[Service]\nExecStart=\nExecStart=${path.join(root, 'missing', 'dockerd')} -H unix:///run/y.sock\n`);
      let named: string[] = [];
      const machine = new MachineHostFiles(() => true, [{ daemonJson: etcDaemonJson, dropins: path.join(root, 'etc', 'systemd', 'system', 'docker.service.d') }], () => named);
      const workspace = new WorkspaceIndex({ patterns: () => ({ systemdDropin: ['**/engine.conf'] }), openText: () => undefined, machine });
      assert.equal(machine.engineDaemonJson(), URI.file(etcDaemonJson).toString());
      assert.deepEqual(dropinCodes(dropin, workspace), []);
      named = [daemonJson, dropin];
      assert.equal(machine.engineDaemonJson(), URI.file(daemonJson).toString());
      assert.deepEqual(workspace.list('systemdDropin'), [URI.file(dropin).toString()]);
      // One host: the program is looked up, and the drop-in's -H meets daemon.json's hosts.
      const settings = { localEngineFiles: named };
      const doc = TextDocument.create(URI.file(dropin).toString(), 'ini', 1, fs.readFileSync(dropin, 'utf8'));
      const codes = systemdDropinMode.validate!(systemdDropinMode.parse(doc), modeContext({ workspace, settings })).map((p) => `${p.severity} ${p.code}`);
      assert.deepEqual(codes, ['error exec-program-missing', 'error flag-conflicts-with-config']);
      // A named file that is neither a daemon.json nor a drop-in is not listed, so neither read nor watched.
      const notes = write(path.join(engineDir, 'notes.txt'), 'x\n');
      named = [...named, notes];
      assert.equal(machine.covers(URI.file(notes).toString()), false);
      assert.deepEqual(
        machine.watchPatterns().map((w) => `${path.relative(root, w.folder)} ${w.pattern}`),
        ['dn-dockerd daemon.json', 'dn-dockerd engine.conf', 'etc/docker daemon.json'],
      );
    });
  });
});

