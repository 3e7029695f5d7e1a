import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { composeMode } from '../../../server/src/modes/compose/composeMode';
import { projectOf } from '../../../server/src/modes/compose/project/projectOf';
import { normalizeProjectName } from '../../../server/src/modes/compose/project/composeProject';
import { parseDotEnv } from '../../../server/src/modes/compose/project/dotEnv';
import { substitute } from '../../../server/src/modes/compose/interpolation';
import type { ModeContext } from '../../../server/src/modes/languageMode';
import type { ExtraPatterns } from '../../../server/src/shared/fileKinds';
import type { ComposeProjectSetting } from '../../../server/src/shared/settings';
import type { LiveNetwork } from '../../../server/src/shared/protocol';
import { WorkspaceIndex } from '../../../server/src/workspaceIndex';
import { projectFixtures, yamlFiles } from '../../util/composeProjectFixtures';
import { modeContext } from '../../util/modeKit';

/** The errors that depend on the whole project: where Compose refuses a project, these say why (compose-go loader/validate.go, extends.go). */
const PROJECT_CODES = new Set(['undefined-network', 'undefined-service', 'network-mode-with-networks', 'extends-service-not-found', 'extends-cycle', 'extends-file-missing', 'include-missing']);
const NONE: ExtraPatterns = {};

interface JudgeOptions {
  /** Workspace folders (absolute); none: no workspace at all. Default: the folder itself. */
  folders?: string[];
  env?: Record<string, string>;
  projects?: ComposeProjectSetting[];
  /** Open documents (relative to the folder judged), for files outside every workspace folder. */
  open?: string[];
}

function context(folder: string, o: JudgeOptions): ModeContext {
  const folders = o.folders ?? [folder];
  let workspace: WorkspaceIndex | undefined;
  if (folders.length) {
    const open = (o.open ?? []).map((f) => URI.file(path.join(folder, f)).toString());
    workspace = new WorkspaceIndex({ patterns: () => NONE, openText: () => undefined, openUris: () => open });
    folders.forEach((f) => workspace!.addFolder(URI.file(f).toString()));
  }
  return { ...modeContext({ workspace, settings: { compose: { ...modeContext().settings.compose, projects: o.projects ?? [] } } }), env: o.env ?? {} };
}

/** Our problems for one file of a folder, as `FILE:LINE CODE` (LINE 1-based). */
function judge(folder: string, file: string, o: JudgeOptions = {}): string[] {
  const uri = URI.file(path.join(folder, file)).toString();
  const doc = TextDocument.create(uri, 'dockercompose', 1, fs.readFileSync(path.join(folder, file), 'utf8'));
  const model = composeMode.parse(doc);
  return composeMode.validate!(model, context(folder, o)).map((p) => `${file}:${doc.positionAt(p.range[0]).line + 1} ${p.code}`);
}

describe('compose projects: the fixtures Compose v2 judged (test/fixtures/composeProjects)', () => {
  for (const fx of projectFixtures()) {
    it(`${fx.name}: ${fx.verdict === 'accept' ? 'no project error' : fx.errors.join(', ')}`, () => {
      const all = yamlFiles(fx.dir).flatMap((f) => judge(fx.dir, f));
      const projectErrors = all.filter((l) => PROJECT_CODES.has(l.split(' ')[1]));
      assert.deepEqual(projectErrors.sort(), [...fx.errors].sort());
      // Only the override that drops web's networks leaves one unused; the false positives of #16 are gone.
      const unused = all.filter((l) => l.endsWith(' unused-network'));
      assert.deepEqual(unused, fx.name === 'overrideReset' ? ['compose.yaml:6 unused-network'] : []);
      // Warnings between projects (overlappingProjects) have a test of their own below.
      const others = all.filter((l) => !PROJECT_CODES.has(l.split(' ')[1]) && !l.endsWith(' unused-network') && !l.endsWith(' subnet-overlaps-other-project'));
      assert.deepEqual(others, []);
    });
  }
});

describe('compose projects: what a file is judged with', () => {
  let root: string;
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  beforeEach(() => (root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dn-projects-')))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const OVERRIDE = 'services:\n  web:\n    networks: [front]\n    network_mode: service:vpn\n';

  it('an override whose base cannot be read gets no undefined-network or undefined-service error', () => {
    write('compose.override.yml', 'services:\n  web:\n    networks: [front]\n  side:\n    network_mode: service:vpn\n');
    assert.deepEqual(judge(root, 'compose.override.yml'), []);
    assert.deepEqual(judge(root, 'compose.override.yml', { folders: [] }), [], 'no workspace at all');
    // A file of another name is judged alone, as before.
    write('compose.yaml', 'services:\n  web:\n    networks: [front]\n');
    fs.rmSync(path.join(root, 'compose.override.yml'));
    assert.deepEqual(judge(root, 'compose.yaml'), ['compose.yaml:3 undefined-network']);
  });

  it('judges a file outside every workspace folder with the project beside it, read from disk', () => {
    const fx = projectFixtures().find((f) => f.name === 'outsideWorkspace')!;
    const elsewhere = { folders: [root] }; // an empty workspace folder
    assert.deepEqual(judge(fx.dir, 'compose.override.yml', { ...elsewhere, open: ['compose.override.yml'] }), ['compose.override.yml:3 undefined-network']);
    // Unreadable (not open, so not read): no guess about `edge` nor `admin`.
    assert.deepEqual(judge(fx.dir, 'compose.override.yml', elsewhere), []);
  });

  it('an override by its name (compose.<stage>.yaml) is judged after the default base beside it', () => {
    write('compose.yaml', 'services:\n  vpn:\n    image: x\nnetworks:\n  front:\n');
    write('compose.prod.yaml', OVERRIDE.replace('    network_mode: service:vpn\n', '') + '  side:\n    network_mode: service:vpn\n');
    assert.deepEqual(judge(root, 'compose.prod.yaml'), []);
    write('compose.prod.yaml', 'services:\n  web:\n    networks: [back]\n');
    assert.deepEqual(judge(root, 'compose.prod.yaml'), ['compose.prod.yaml:3 undefined-network']);
  });

  it('warns on a default-named file that Compose ignores because a preferred name is beside it', () => {
    write('compose.yaml', 'services:\n  web:\n    image: x\n');
    write('docker-compose.yml', 'services:\n  old:\n    image: x\n');
    assert.deepEqual(judge(root, 'docker-compose.yml'), ['docker-compose.yml:1 ignored-compose-file']);
    assert.deepEqual(judge(root, 'compose.yaml'), []);
    write('docker-compose.override.yml', 'services:\n  web:\n    image: y\n');
    write('compose.override.yml', 'services:\n  web:\n    image: z\n');
    assert.deepEqual(judge(root, 'docker-compose.override.yml'), ['docker-compose.override.yml:1 ignored-compose-file']);
    assert.deepEqual(judge(root, 'compose.override.yml'), []);
  });

  it('does not call a network unused that an override of another name beside the base uses', () => {
    write('compose.yaml', 'services:\n  web:\n    image: x\nnetworks:\n  metrics:\n');
    assert.deepEqual(judge(root, 'compose.yaml'), ['compose.yaml:5 unused-network']);
    write('compose.prod.yaml', 'services:\n  exporter:\n    networks: [metrics]\n');
    assert.deepEqual(judge(root, 'compose.yaml'), []);
  });

  it('reports network_mode and networks merged from two files on the line of this file', () => {
    write('compose.yaml', 'services:\n  vpn:\n    image: x\n  web:\n    image: x\n    networks: [front]\nnetworks:\n  front:\n');
    write('compose.override.yml', 'services:\n  web:\n    network_mode: service:vpn\n');
    assert.deepEqual(judge(root, 'compose.override.yml'), ['compose.override.yml:3 network-mode-with-networks']);
    assert.deepEqual(judge(root, 'compose.yaml'), ['compose.yaml:6 network-mode-with-networks']);
  });

  it('does not call a network unused while a service extends a file it cannot read', () => {
    write('compose.yaml', 'services:\n  api:\n    extends:\n      file: missing.yml\n      service: web\nnetworks:\n  backend:\n');
    assert.deepEqual(judge(root, 'compose.yaml'), ['compose.yaml:4 extends-file-missing']);
    write('missing.yml', 'services:\n  web:\n    networks: [other]\n');
    // Readable now: `other` is declared nowhere (here, on the extends), and `backend` is unused.
    assert.deepEqual(judge(root, 'compose.yaml').sort(), ['compose.yaml:3 undefined-network', 'compose.yaml:7 unused-network']);
    assert.deepEqual(judge(root, 'missing.yml'), ['missing.yml:3 undefined-network']);
  });

  it('warns on both lines when subnets of two projects overlap', () => {
    const fx = projectFixtures().find((f) => f.name === 'overlappingProjects')!;
    assert.deepEqual(judge(fx.dir, 'one/compose.yaml'), ['one/compose.yaml:9 subnet-overlaps-other-project']);
    assert.deepEqual(judge(fx.dir, 'two/compose.yaml'), ['two/compose.yaml:9 subnet-overlaps-other-project']);
    assert.deepEqual(judge(fx.dir, 'one/compose.yaml', { folders: [path.join(fx.dir, 'one')] }), [], 'the other project outside the workspace');
  });

  it('sees the projects of every workspace folder (multi-root)', () => {
    const fx = projectFixtures().find((f) => f.name === 'overlappingProjects')!;
    const folders = [path.join(fx.dir, 'one'), path.join(fx.dir, 'two')];
    assert.deepEqual(judge(fx.dir, 'one/compose.yaml', { folders }), ['one/compose.yaml:9 subnet-overlaps-other-project']);
    const uri = URI.file(path.join(fx.dir, 'one/compose.yaml')).toString();
    const doc = TextDocument.create(uri, 'dockercompose', 1, fs.readFileSync(URI.parse(uri).fsPath, 'utf8'));
    assert.deepEqual(
      composeMode.relatedFiles!(composeMode.parse(doc), context(fx.dir, { folders })).map((u) => path.relative(fx.dir, URI.parse(u).fsPath)),
      ['two/compose.yaml'],
      'a file declaring networks: the other projects are validated again when it changes',
    );
  });

  it('warns when two projects declare the same network name with different settings', () => {
    const net = (subnet: string, extra = '') => `services:\n  s:\n    networks: [n]\nnetworks:\n  n:\n    name: shared${extra}\n    ipam:\n      config:\n        - subnet: ${subnet}\n`;
    write('a/compose.yaml', net('198.18.20.0/24'));
    write('b/compose.yaml', net('198.18.21.0/24'));
    assert.deepEqual(judge(root, 'a/compose.yaml'), ['a/compose.yaml:6 same-network-name-different-settings']);
    assert.deepEqual(judge(root, 'b/compose.yaml'), ['b/compose.yaml:6 same-network-name-different-settings']);
    write('b/compose.yaml', net('198.18.20.0/24'));
    assert.deepEqual(judge(root, 'a/compose.yaml'), [], 'the same settings: one network, shared');
    write('b/compose.yaml', 'services:\n  s:\n    networks: [n]\nnetworks:\n  n:\n    name: shared\n    external: true\n');
    assert.deepEqual(judge(root, 'a/compose.yaml'), [], 'external: takes it as it is');
  });

  it('looks for the service of `extends: NAME` in the file itself, not among the services an include brought', () => {
    // Compose 2.40.3 refuses this: cannot extend service "api" in compose.yaml: service "base" not found.
    write('compose.yaml', 'include:\n  - lib/compose.yaml\nservices:\n  api:\n    extends: base\n');
    write('lib/compose.yaml', 'services:\n  base:\n    image: x\n');
    assert.deepEqual(judge(root, 'compose.yaml'), ['compose.yaml:5 extends-service-not-found']);
  });

  it('takes remote includes and extends as unknown, and survives hostile shapes', () => {
    write('compose.yaml', 'include:\n  - oci://registry.example/stack:1\nservices:\n  web:\n    networks: [shared]\n');
    assert.deepEqual(judge(root, 'compose.yaml'), [], 'the remote include may declare `shared`');
    write('compose.yaml', 'services:\n  a:\n    extends:\n      file: git@github.com:org/repo.git\n      service: base\nnetworks:\n  n:\n');
    assert.deepEqual(judge(root, 'compose.yaml'), [], 'the remote base may join `n`');
    for (const text of [
      'include: 5\nservices: {}\n',
      'include:\n  - [1, 2]\n  - {path: {a: 1}}\n  - {path: [compose.yaml, compose.yaml]}\n',
      'services:\n  a:\n    extends: [x]\n  b:\n    extends: {file: 7}\n  c:\n    extends: {service: c}\n',
      'name: ${X:?}\nservices:\n  a:\n    extends: a\n',
    ]) {
      write('compose.yaml', text);
      assert.doesNotThrow(() => judge(root, 'compose.yaml'), text);
    }
  });

  it('tells a missing included file (an error) from one it cannot read (a warning)', () => {
    write('compose.yaml', 'include:\n  - lib/compose.yaml\nservices:\n  web:\n    networks: [shared]\n');
    assert.deepEqual(judge(root, 'compose.yaml'), ['compose.yaml:2 include-missing']);
    write('lib/compose.yaml', 'x'.repeat(3 * 1024 * 1024));
    assert.deepEqual(judge(root, 'compose.yaml'), ['compose.yaml:2 include-unreadable'], 'too large to read: there, but not known');
  });

  it('reports a cycle of extends across files on the extends line', () => {
    write('compose.yaml', 'services:\n  api:\n    extends:\n      file: a.yml\n      service: one\n');
    write('a.yml', 'services:\n  one:\n    extends:\n      file: b.yml\n      service: two\n');
    write('b.yml', 'services:\n  two:\n    extends:\n      file: a.yml\n      service: one\n');
    assert.deepEqual(judge(root, 'b.yml'), ['b.yml:5 extends-cycle']);
  });

  it('reports nothing that depends on a variable it does not know, and uses the .env for the rest', () => {
    write('compose.yaml', 'services:\n  vpn:\n    image: x\n  app:\n    network_mode: service:${TARGET}\n');
    assert.deepEqual(judge(root, 'compose.yaml'), []);
    write('.env', 'TARGET=nope\n');
    assert.deepEqual(judge(root, 'compose.yaml'), ['compose.yaml:5 undefined-service']);
    // The shell environment wins over .env (compose-go Mapping.Merge keeps what is set).
    assert.deepEqual(judge(root, 'compose.yaml', { env: { TARGET: 'vpn' } }), []);
    write('compose.yaml', 'services:\n  app:\n    extends:\n      file: ${BASE_FILE}\n      service: web\nnetworks:\n  backend:\n');
    assert.deepEqual(judge(root, 'compose.yaml'), [], 'an extends file from an unknown variable: no error, no unused network');
  });

  it('reads network names of the list form through .env, as Compose interpolates values', () => {
    write('compose.yaml', 'services:\n  web:\n    networks:\n      - ${NET}\nnetworks:\n  front:\n');
    assert.deepEqual(judge(root, 'compose.yaml'), [], 'unknown: not judged, and front may well be the one used');
    write('.env', 'NET=front\n');
    assert.deepEqual(judge(root, 'compose.yaml'), []);
    write('.env', 'NET=back\n');
    assert.deepEqual(judge(root, 'compose.yaml').sort(), ['compose.yaml:4 undefined-network', 'compose.yaml:6 unused-network']);
  });

  it('loads layouts only ever run with -f from the setting dockerNetworking.compose.projects', () => {
    write('deploy/a.yml', 'services:\n  db:\n    image: x\n    networks: [data]\nnetworks:\n  data:\n');
    write('deploy/b.yml', 'services:\n  app:\n    networks: [data]\n    network_mode: service:db\n');
    assert.deepEqual(judge(root, 'deploy/b.yml').sort(), ['deploy/b.yml:3 undefined-network', 'deploy/b.yml:4 network-mode-with-networks', 'deploy/b.yml:4 undefined-service']);
    const projects = [{ files: ['deploy/a.yml', 'deploy/b.yml'], projectName: 'ops', envFile: 'deploy/prod.env' }];
    assert.deepEqual(judge(root, 'deploy/b.yml', { projects }), ['deploy/b.yml:4 network-mode-with-networks']);
    write('deploy/prod.env', 'ROLE=db\n');
    const uri = URI.file(path.join(root, 'deploy/b.yml')).toString();
    const doc = TextDocument.create(uri, 'dockercompose', 1, fs.readFileSync(URI.parse(uri).fsPath, 'utf8'));
    const p = projectOf(composeMode.parse(doc), context(root, { projects }));
    assert.deepEqual([p.source, p.name, p.lookup('ROLE')], ['setting', 'ops', 'db']);
  });

  it('names the project as Compose does: COMPOSE_PROJECT_NAME, then name:, then the folder', () => {
    const name = (file: string, env: Record<string, string> = {}) => {
      const uri = URI.file(path.join(root, file)).toString();
      const doc = TextDocument.create(uri, 'dockercompose', 1, fs.readFileSync(path.join(root, file), 'utf8'));
      return projectOf(composeMode.parse(doc), context(root, { env })).name;
    };
    write('compose.yaml', 'services: {}\n');
    assert.equal(name('compose.yaml'), normalizeProjectName(path.basename(root)));
    write('compose.yaml', 'name: ${STAGE:-dev}-Shop\nservices: {}\n');
    assert.equal(name('compose.yaml'), 'dev-shop');
    write('.env', 'STAGE=prod\n');
    assert.equal(name('compose.yaml'), 'prod-shop');
    assert.equal(name('compose.yaml', { COMPOSE_PROJECT_NAME: 'x1' }), 'x1');
    assert.equal(normalizeProjectName('_My.App-2'), 'myapp-2');
  });
});

describe('compose projects: hover and navigation across files', () => {
  const fx = () => projectFixtures().find((f) => f.name === 'baseOverride')!;
  const hoverAt = (file: string, line: number, character: number, liveNetworks?: LiveNetwork[]) => {
    const dir = fx().dir;
    const uri = URI.file(path.join(dir, file)).toString();
    const doc = TextDocument.create(uri, 'dockercompose', 1, fs.readFileSync(path.join(dir, file), 'utf8'));
    const ctx = { ...context(dir, {}), liveNetworks };
    const h = composeMode.hover!(doc, { line, character }, composeMode.parse(doc), ctx);
    return (h?.contents as { value: string } | undefined)?.value;
  };

  it('goes from an extends to the service it names, across files', () => {
    const dir = projectFixtures().find((f) => f.name === 'extendsChain')!.dir;
    const definition = (file: string, line: number, character: number) => {
      const uri = URI.file(path.join(dir, file)).toString();
      const doc = TextDocument.create(uri, 'dockercompose', 1, fs.readFileSync(path.join(dir, file), 'utf8'));
      return composeMode.findDefinition!(doc, { line, character }, composeMode.parse(doc), context(dir, {})).map(
        (l) => `${path.relative(dir, URI.parse(l.uri).fsPath)}:${l.range.start.line + 1}:${l.range.start.character}`,
      );
    };
    assert.deepEqual(definition('compose.yaml', 4, 16), ['common/services.yml:2:2']);
    assert.deepEqual(definition('common/services.yml', 4, 16), ['base.yml:2:2']);
  });

  it("completes the base's networks and services in an override", () => {
    const dir = fx().dir;
    const uri = URI.file(path.join(dir, 'compose.override.yml')).toString();
    const text = 'services:\n  worker:\n    network_mode: \n  job:\n    networks:\n      - \n';
    const doc = TextDocument.create(uri, 'dockercompose', 1, text);
    const labels = (line: number, character: number) =>
      composeMode.complete!(doc, { line, character }, composeMode.parse(doc), context(dir, {})).items.map((i) => i.label);
    assert.deepEqual(labels(5, 8).sort(), ['back', 'default', 'front']);
    assert.ok(labels(2, 18).includes('service:web'), 'a service of the base file');
  });

  it('renames a service across files, the extends that name it included', () => {
    const dir = projectFixtures().find((f) => f.name === 'extendsChain')!.dir;
    const uri = URI.file(path.join(dir, 'base.yml')).toString();
    const doc = TextDocument.create(uri, 'dockercompose', 1, fs.readFileSync(path.join(dir, 'base.yml'), 'utf8'));
    const edit = composeMode.doRename!(doc, { line: 1, character: 3 }, 'kernel', composeMode.parse(doc), context(dir, {}));
    const where = Object.entries(edit?.changes ?? {}).flatMap(([u, edits]) => edits.map((e) => `${path.relative(dir, URI.parse(u).fsPath)}:${e.range.start.line + 1}`));
    assert.deepEqual(where.sort(), ['base.yml:2', 'common/services.yml:5']);
  });

  it("shows the base's declaration, every user in the project and the real name on an override's network", () => {
    assert.equal(
      hoverAt('compose.override.yml', 3, 7),
      '**network `back`**\n\n- from `compose.yaml`: driver: `bridge`; subnet `198.18.1.0/24`\n- used by: `web`, `worker`\n- name on the Engine: `baseoverride_back`',
    );
  });

  it('shows the live network of that name, and says when its subnet is not the file\'s', () => {
    const live = (subnet: string): LiveNetwork[] => [{ id: '1', name: 'baseoverride_back', driver: 'bridge', scope: 'local', internal: false, enableIPv6: false, subnets: [{ subnet }], labels: {} }];
    const same = hoverAt('compose.override.yml', 3, 7, live('198.18.1.0/24'))!;
    assert.match(same, /on the connected Engine: `198\.18\.1\.0\/24`/);
    assert.doesNotMatch(same, /recreate/);
    assert.match(hoverAt('compose.override.yml', 3, 7, live('198.18.2.0/24'))!, /differ.*recreate the network to apply/);
  });

  it('lists the containers on the live network', () => {
    const live: LiveNetwork[] = [
      { id: '1', name: 'baseoverride_back', driver: 'bridge', scope: 'local', internal: false, enableIPv6: false, subnets: [{ subnet: '198.18.1.0/24' }], labels: {}, containers: [{ name: 'app-web-1', ipv4Address: '198.18.1.2/24' }, { name: 'app-worker-1' }] },
    ];
    assert.match(hoverAt('compose.override.yml', 3, 7, live)!, /- containers on it: `app-web-1 198\.18\.1\.2\/24`, `app-worker-1`$/m);
  });
});

describe('compose projects: .env and interpolation', () => {
  it('reads .env as Compose does', () => {
    const env = parseDotEnv('# c\nexport A=1\nB="x\\ny" # c\nC=\'$A lit\'\nD=${A}-2 # c\nE=a#b\nbad line\n');
    assert.deepEqual(Object.fromEntries(env), { A: '1', B: 'x\ny', C: '$A lit', D: '1-2', E: 'a#b' });
  });

  it('substitutes with a known environment, and gives up on what it cannot know', () => {
    const env: Record<string, string> = { SET: 'v', EMPTY: '' };
    const lookup = (n: string) => env[n];
    assert.equal(substitute('a-${SET}-$SET-$$', lookup), 'a-v-v-$');
    assert.equal(substitute('${EMPTY:-d}|${EMPTY-d}|${UNSET:-d}', lookup), 'd||d');
    assert.equal(substitute('${SET:+alt}|${UNSET:+alt}', lookup), 'alt|');
    assert.equal(substitute('${UNSET}', lookup), undefined);
    assert.equal(substitute('${UNSET:?need}', lookup), undefined);
    assert.equal(substitute('${EMPTY:?need}', lookup), undefined);
    assert.equal(substitute('${SET:?need}', lookup), 'v');
    assert.equal(substitute('${', lookup), undefined);
  });
});
