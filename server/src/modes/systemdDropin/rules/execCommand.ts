import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { execCommandProblem, type ExecProblem } from '../execCommandLine';
import type { DropinFix, DropinModel } from '../model';

/**
 * Exec*= command lines systemd 252 refuses (prefixes, path); the grammar and the
 * verdicts are in ../execCommandLine.ts. The parser already stopped at a fatal one.
 */
function message(key: string, p: ExecProblem): string {
  const drop = p.fatal
    ? l10n.t('systemd stops reading this file at this {0}= line (nothing below it applies)', key)
    : l10n.t('systemd ignores this {0}= line', key);
  switch (p.kind) {
    case 'empty':
      return l10n.t('{0}: no command follows the prefix "{1}". Write the path right after the prefix, without a space.', drop, p.prefix);
    case 'special':
      return l10n.t('{0}: the command "{1}" contains a quote, backslash or control character. Write a plain path.', drop, p.path);
    case 'directory':
      return l10n.t('{0}: the command "{1}" ends in "/", so it names a directory. Write the path of the program.', drop, p.path);
    case 'prefix':
      return l10n.t('{0}: "{1}" cannot follow the prefix "{2}". Each of - @ : may appear once, and only one of +, ! or !! may be used.', drop, p.path[0], p.prefix);
    case 'relative':
      return l10n.t('{0}: "{1}" is a relative path. Write an absolute path such as /usr/bin/dockerd, or a bare program name.', drop, p.path);
    case 'argv0':
      return l10n.t('{0}: the prefix "@" takes the word after the path as argv[0], and there is none. Add it (e.g. "@/usr/bin/dockerd dockerd") or remove the "@".', drop);
  }
}

export const execCommand: Rule<DropinModel, DropinFix> = (model) => {
  const out: Problem<DropinFix>[] = [];
  for (const a of model.effective) {
    const p = execCommandProblem(a);
    if (p) out.push({ range: [p.span.start, p.span.end], severity: 'error', code: 'exec-command-invalid', message: message(a.key, p) });
  }
  return out;
};
