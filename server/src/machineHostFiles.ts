import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { FileKind } from './shared/fileKinds';

/**
 * The Docker host files of the machine the server runs on (#17), offered to the
 * workspace index (read only, never watched: read again when a mode asks, at most every
 * OUTSIDE_READ_MS, workspaceIndex.ts) so that
 * a daemon.json or drop-in opened from /etc is judged with the rest of its host:
 * /etc/docker/daemon.json and /etc/systemd/system/docker.service.d/*.conf, and for
 * rootless Docker ~/.config/docker/daemon.json and ~/.config/systemd/user/docker.service.d/*.conf
 * (moby daemon/command/daemon_unix.go getDefaultDaemonConfigDir; systemd.unit(5) search path).
 *
 * On only when the setting `dockerNetworking.readMachineHostFiles` allows it and the
 * workspace is trusted (the client says so at start); a test's server is never told so.
 */
export interface HostPlace {
  daemonJson: string;
  dropins: string;
}

const MACHINE_PLACES: readonly HostPlace[] = [
  { daemonJson: '/etc/docker/daemon.json', dropins: '/etc/systemd/system/docker.service.d' },
  { daemonJson: path.join(os.homedir(), '.config', 'docker', 'daemon.json'), dropins: path.join(os.homedir(), '.config', 'systemd', 'user', 'docker.service.d') },
];

export class MachineHostFiles {
  constructor(private readonly enabled: () => boolean, private readonly places: readonly HostPlace[] = MACHINE_PLACES) {}

  private daemonJsons(): string[] {
    return this.places.map((p) => p.daemonJson);
  }

  private dropinDirs(): string[] {
    return this.places.map((p) => p.dropins);
  }

  /** The machine's files of a kind that exist, as URIs. */
  list(kind?: FileKind | 'env'): string[] {
    if (!this.enabled()) return [];
    const out: string[] = [];
    if (kind === undefined || kind === 'daemonJson') for (const f of this.daemonJsons()) if (isFile(f)) out.push(URI.file(f).toString());
    if (kind === undefined || kind === 'systemdDropin') {
      for (const dir of this.dropinDirs()) {
        let names: string[] = [];
        try {
          names = fs.readdirSync(dir);
        } catch {
          continue;
        }
        for (const n of names.sort()) if (isFile(path.join(dir, n))) out.push(URI.file(path.join(dir, n)).toString());
      }
    }
    return out;
  }

  /** The text of one of these files as saved on disk (not an editor's unsaved text); undefined when it cannot be read. */
  readSaved(uri: string): string | undefined {
    if (!this.covers(uri)) return undefined;
    try {
      const p = URI.parse(uri).fsPath;
      return fs.statSync(p).size > 4 * 1024 * 1024 ? undefined : fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** True for a URI this may read: one of the files `list` gives. */
  covers(uri: string): boolean {
    if (!this.enabled() || !uri.startsWith('file:')) return false;
    const p = URI.parse(uri).fsPath;
    return this.daemonJsons().includes(p) || this.dropinDirs().includes(path.dirname(p));
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
