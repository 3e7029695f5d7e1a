import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkspaceFiles } from '../../../server/src/modes/languageMode';
import { systemdDropinMode } from '../../../server/src/modes/systemdDropin/systemdDropinMode';
import { modeKit } from '../../util/modeKit';

const URI = 'file:///etc/systemd/system/docker.service.d/override.conf';
const CODE = 'exec-program-missing';
const k = modeKit(systemdDropinMode, URI);

/** A workspace whose machine has `present`, and that answers only for `local` files (the server's MachineHostFiles). */
function machine(present: string[], local = [URI]): WorkspaceFiles {
  return {
    list: () => [],
    read: () => undefined,
    machinePathExists: (fileUri, p) => (local.includes(fileUri) ? present.includes(p) : undefined),
  };
}

const unit = (...execStart: string[]) => ['[Service]', 'ExecStart=', ...execStart.map((e) => `ExecStart=${e}`), ''].join('\n');
/** This rule's problems as `LINE: the path it covers`. */
function missing(text: string, workspace?: WorkspaceFiles): string[] {
  const f = k.parse(text);
  return k
    .problems(text, { workspace })
    .filter((p) => p.code === CODE)
    .map((p) => `${f.document.positionAt(p.range[0]).line + 1}: ${f.text.slice(p.range[0], p.range[1])}`);
}

describe('ExecStart= names a program this machine does not have (#17)', () => {
  it('an absolute path that does not exist on the machine is an error on the path, prefixes left out', () => {
    assert.deepEqual(missing(unit('/opt/docker/bin/dockerd -H fd://'), machine(['/usr/bin/dockerd'])), ['3: /opt/docker/bin/dockerd']);
    assert.deepEqual(missing(unit('+@/opt/docker/bin/dockerd dockerd -H fd://'), machine([])), ['3: /opt/docker/bin/dockerd']);
    assert.deepEqual(missing(unit('"/opt/docker/bin/dockerd" -H fd://'), machine([])), ['3: /opt/docker/bin/dockerd']);
    assert.deepEqual(k.lines(unit('/opt/docker/bin/dockerd -H fd://'), { workspace: machine([]) }), [
      `3: ${CODE}: /opt/docker/bin/dockerd does not exist on this machine: systemd cannot run it and the service fails with status=203/EXEC. Write the path where the program is (dockerd is /usr/bin/dockerd in Docker's packages, /usr/sbin/dockerd in Debian's docker.io).`,
    ]);
  });

  it('under the "-" prefix systemd skips the command: a warning, saying so', () => {
    const problems = k.problems(unit('-/opt/docker/bin/dockerd'), { workspace: machine([]) });
    assert.deepEqual(problems.map((p) => p.severity), ['warning']);
    assert.match(problems[0].message, /^\/opt\/docker\/bin\/dockerd does not exist on this machine: with the "-" prefix systemd skips the command/);
    assert.deepEqual(k.problems(unit('/opt/docker/bin/dockerd'), { workspace: machine([]) }).map((p) => p.severity), ['error']);
  });

  it('a program that exists, and any program of a wrapper that exists, is fine', () => {
    assert.deepEqual(missing(unit('/usr/bin/dockerd -H fd://'), machine(['/usr/bin/dockerd'])), []);
    assert.deepEqual(missing(unit('/usr/local/bin/start-docker.sh'), machine(['/usr/local/bin/start-docker.sh'])), []);
    // Any program, not only dockerd: a missing wrapper script fails the same way.
    assert.deepEqual(missing(unit('/usr/local/bin/start-docker.sh'), machine([])), ['3: /usr/local/bin/start-docker.sh']);
  });

  it('silent where systemd resolves the path itself: a bare name, a specifier, a variable', () => {
    const none = machine([]);
    assert.deepEqual(missing(unit('dockerd -H fd://'), none), []);
    assert.deepEqual(missing(unit('/opt/%N/dockerd'), none), []);
    assert.deepEqual(missing(unit('/opt/$DOCKER/dockerd'), none), []);
    assert.deepEqual(missing(unit('${DOCKERD} -H fd://'), none), []);
  });

  it('silent for files of another host: no answer from the workspace, or no workspace', () => {
    assert.deepEqual(missing(unit('/opt/docker/bin/dockerd'), machine([], ['file:///etc/systemd/system/docker.service.d/other.conf'])), []);
    assert.deepEqual(missing(unit('/opt/docker/bin/dockerd'), { list: () => [], read: () => undefined }), []);
    assert.deepEqual(missing(unit('/opt/docker/bin/dockerd')), []);
  });

  it('only ExecStart= lines systemd keeps: not other Exec*= lines, not a line it drops, not the reset', () => {
    const none = machine([]);
    assert.deepEqual(missing('[Service]\nExecStartPre=/opt/missing\nExecStart=\n', none), []);
    // A relative path: systemd drops the line (exec-command-invalid says so), nothing runs it.
    assert.deepEqual(missing(unit('./dockerd'), none), []);
    assert.deepEqual(missing('[Unit]\nExecStart=/opt/missing\n', none), []);
  });
});
