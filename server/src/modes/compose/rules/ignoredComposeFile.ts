import * as l10n from '@vscode/l10n';
import type { Node } from 'yaml';
import type { Problem } from '../../languageMode';
import type { ComposeFix, ComposeRule } from '../model';
import { parsedFile } from '../project/composeProject';
import { baseName, DEFAULT_FILE_NAMES, DEFAULT_OVERRIDE_FILE_NAMES, dirOf } from '../project/projectSpecs';
import { mapEntries } from '../yamlNodes';

/**
 * A default-named file that `docker compose` (run in its folder, without `-f`) ignores
 * because a name it prefers is there too: it warns "Found multiple config files with
 * supported names: …" and uses the first of DefaultFileNames (or of
 * DefaultOverrideFileNames), compose-go `cli/options.go` WithDefaultConfigPath (#16).
 * Reported on the file's first key; not while the file is part of a project anyway
 * (listed in COMPOSE_FILE or the setting).
 */
export const ignoredComposeFile: ComposeRule = (model, ctx) => {
  const ws = ctx.workspace;
  if (!ws || ctx.project.source === 'COMPOSE_FILE' || ctx.project.source === 'setting') return [];
  const name = baseName(model.uri);
  const group: readonly string[] = (DEFAULT_FILE_NAMES as readonly string[]).includes(name)
    ? DEFAULT_FILE_NAMES
    : (DEFAULT_OVERRIDE_FILE_NAMES as readonly string[]).includes(name)
      ? DEFAULT_OVERRIDE_FILE_NAMES
      : [];
  const preferred = group.slice(0, group.indexOf(name)).find((n) => parsedFile(ws, `${dirOf(model.uri)}/${n}`) !== undefined);
  if (!preferred) return [];
  const doc = model.docs[0];
  const first = doc ? mapEntries(doc, doc.contents as Node | null)[0]?.keyNode.range : undefined;
  const out: Problem<ComposeFix>[] = [
    {
      range: first ? [first[0], first[1]] : [0, 0],
      code: 'ignored-compose-file',
      severity: 'warning',
      message: l10n.t('`docker compose` run in this folder reads `{0}` and ignores this file ("Found multiple config files with supported names"). Merge the two, rename one, or name the files with `-f`.', preferred),
    },
  ];
  return out;
};
