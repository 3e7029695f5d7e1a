import * as fs from 'fs';
import * as path from 'path';

/**
 * A minimal docker.service for `systemd-analyze verify` (Type=notify, ExecStart of an
 * existing binary, no default dependencies), so that systemd has nothing to say about the
 * base unit and speaks only about the drop-in beside it.
 */
export const BASE_UNIT = '[Unit]\nDescription=Docker (test unit)\nDefaultDependencies=no\n[Service]\nType=notify\nExecStart=/usr/bin/dockerd -H fd://\n';

/**
 * Lays the unit tree `systemd-analyze verify --root=ROOT` reads below `root`: the base
 * unit, an empty docker.service.d/, and the binaries the units name (systemd complains
 * about missing ones). Returns the unit folder (ROOT/etc/systemd/system).
 */
export function makeUnitRoot(root: string): string {
  const unitDir = path.join(root, 'etc', 'systemd', 'system');
  fs.mkdirSync(path.join(unitDir, 'docker.service.d'), { recursive: true });
  // /usr/bin/docker: a host has the client too, and a drop-in may name it (`docker daemon`, #17).
  for (const bin of ['usr/bin/dockerd', 'usr/bin/docker', 'bin/kill']) {
    fs.mkdirSync(path.join(root, path.dirname(bin)), { recursive: true });
    fs.copyFileSync('/bin/true', path.join(root, bin));
  }
  fs.writeFileSync(path.join(unitDir, 'docker.service'), BASE_UNIT);
  return unitDir;
}
