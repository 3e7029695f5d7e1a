import type { Problem, Rule } from '../../languageMode';
import { execCommandProblem, type ExecProblem } from '../execCommandLine';
import type { DropinFix, DropinModel } from '../model';

/**
 * Exec*= command lines systemd 252 refuses (prefixes, path); the grammar and the
 * verdicts are in ../execCommandLine.ts. The parser already stopped at a fatal one.
 */
function message(key: string, p: ExecProblem): string {
  const drop = p.fatal
    ? `systemd stops reading this file at this ${key}= line (nothing below it applies)`
    : `systemd ignores this ${key}= line`;
  switch (p.kind) {
    case 'empty':
      return `${drop}: no command follows the prefix "${p.prefix}". Write the path right after the prefix, without a space.`;
    case 'special':
      return `${drop}: the command "${p.path}" contains a quote, backslash or control character. Write a plain path.`;
    case 'directory':
      return `${drop}: the command "${p.path}" ends in "/", so it names a directory. Write the path of the program.`;
    case 'prefix':
      return `${drop}: "${p.path[0]}" cannot follow the prefix "${p.prefix}". Each of - @ : may appear once, and only one of +, ! or !! may be used.`;
    case 'relative':
      return `${drop}: "${p.path}" is a relative path. Write an absolute path such as /usr/bin/dockerd, or a bare program name.`;
    case 'argv0':
      return `${drop}: the prefix "@" takes the word after the path as argv[0], and there is none. Add it (e.g. "@/usr/bin/dockerd dockerd") or remove the "@".`;
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
