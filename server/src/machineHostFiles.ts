import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { FileKind } from './shared/fileKinds';

/**
 * The Docker host files of the machine the server runs on (#17), offered to the
 * workspace index (read only; watched where the client can watch outside the workspace,
 * `watchPatterns`, and otherwise read again when a mode asks, at most every
 * OUTSIDE_READ_MS, workspaceIndex.ts) so that
 * a daemon.json or drop-in opened from /etc is judged with the rest of its host:
 * /etc/docker/daemon.json and /etc/systemd/system/docker.service.d/*.conf, and for
 * rootless Docker ~/.config/docker/daemon.json and ~/.config/systemd/user/docker.service.d/*.conf
 * (moby daemon/command/daemon_unix.go getDefaultDaemonConfigDir; systemd.unit(5) search path).
 *
 * On only when the setting `dockerNetworking.readMachineHostFiles` allows it and the
 * workspace is trusted (the client says so at start); a test's server is never told so.
 *
 * Besides these places, the files the machine setting `dockerNetworking.localEngineFiles`
 * names (`named`, given only in a trusted workspace): the daemon.json and drop-ins of a
 * local dockerd started with `--config-file` elsewhere. Named ones win: their daemon.json
 * is the one the connected local Engine runs with (restart pending).
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
  constructor(
    private readonly enabled: () => boolean,
    private readonly places: readonly HostPlace[] = MACHINE_PLACES,
    private readonly named: () => readonly string[] = () => [],
  ) {}

  private daemonJsons(): string[] {
    return this.enabled() ? this.places.map((p) => p.daemonJson) : [];
  }

  private dropinDirs(): string[] {
    return this.enabled() ? this.places.map((p) => p.dropins) : [];
  }

  /** The named files of a kind, as paths: daemon.json by its name, drop-ins by `.conf` (the only files systemd reads there). */
  private namedFiles(kind: 'daemonJson' | 'systemdDropin'): string[] {
    return this.named().filter((p) => (kind === 'daemonJson' ? path.basename(p) === 'daemon.json' : p.endsWith('.conf')));
  }

  /** The named files `list` can give (a daemon.json, `.conf` drop-ins): nothing else named is read or watched. */
  private usableNamed(): string[] {
    return [...this.namedFiles('daemonJson'), ...this.namedFiles('systemdDropin')];
  }

  /**
   * The daemon.json the connected local Engine was started with: the one the setting
   * names, else the machine's own (/etc, then rootless). Undefined when none exists or
   * none may be read.
   */
  engineDaemonJson(): string | undefined {
    return this.list('daemonJson')[0];
  }

  /**
   * Whether a path exists on this machine, asked for a program in one of these files
   * (an ExecStart= path): undefined for any other file, whose machine is not known to be
   * this one (a repository of another host's files).
   */
  pathExists(fileUri: string, p: string): boolean | undefined {
    if (!this.covers(fileUri)) return undefined;
    return fs.existsSync(p);
  }

  /** The machine's files of a kind that exist, as URIs. */
  list(kind?: FileKind | 'env'): string[] {
    const out: string[] = [];
    if (kind === undefined || kind === 'daemonJson') for (const f of [...this.namedFiles('daemonJson'), ...this.daemonJsons()]) if (isFile(f)) out.push(URI.file(f).toString());
    if (kind === undefined || kind === 'systemdDropin') {
      for (const f of this.namedFiles('systemdDropin')) if (isFile(f)) out.push(URI.file(f).toString());
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

  /**
   * What a file watcher must watch to see these files change on disk (they lie outside the
   * workspace folders, which the server's workspace watcher covers): a folder and a glob
   * in it, for LSP's RelativePattern. Only folders that exist.
   */
  watchPatterns(): { folder: string; pattern: string }[] {
    const out: { folder: string; pattern: string }[] = [];
    for (const f of [...this.usableNamed(), ...this.daemonJsons()]) out.push({ folder: path.dirname(f), pattern: path.basename(f) });
    for (const dir of this.dropinDirs()) out.push({ folder: dir, pattern: '*.conf' });
    return out.filter((w) => isDirectory(w.folder));
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
    if (!uri.startsWith('file:')) return false;
    const p = URI.parse(uri).fsPath;
    return this.usableNamed().includes(p) || this.daemonJsons().includes(p) || this.dropinDirs().includes(path.dirname(p));
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
