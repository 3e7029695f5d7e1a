import * as fs from 'fs';
import * as os from 'os';
import type { ListEnv } from './engineSources';

/**
 * The real machine as `engineEndpoint.ts` and `engineSources.ts` see it: the process
 * environment, the home folder and the file system (read only). Tests pass another home
 * folder or environment (a fixture context store) and get the same reads.
 */
export function nodeResolveEnv(overrides: Partial<Pick<ListEnv, 'env' | 'homeDir'>> = {}): ListEnv {
  return {
    env: overrides.env ?? process.env,
    homeDir: overrides.homeDir ?? os.homedir(),
    platform: process.platform,
    uid: typeof process.getuid === 'function' ? process.getuid() : undefined,
    exists: (f) => fs.existsSync(f),
    readFile: (f) => {
      try {
        return fs.readFileSync(f, 'utf8');
      } catch {
        return undefined;
      }
    },
    listDir: (dir) => {
      try {
        return fs.readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}
