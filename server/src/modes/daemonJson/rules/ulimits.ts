import * as l10n from '@vscode/l10n';
import { TOP_LEVEL } from '../daemonSchema';
import { type DaemonJsonProblem, type DaemonJsonRule, pathOf, properties, topValue } from '../model';
import { problemAt } from '../problemAt';

/**
 * `default-ulimits`: names from go-units ulimit.go; dockerd 20.10 starts with an unknown
 * name or soft > hard (run) and containers then fail to start, so these are warnings.
 * Go matches Name/Soft/Hard case-insensitively (no JSON tags).
 */
function field(obj: Parameters<typeof properties>[0], name: string) {
  return properties(obj).filter((p) => p.name.toLowerCase() === name.toLowerCase()).pop()?.value;
}

export const ulimits: DaemonJsonRule = (model) => {
  const out: DaemonJsonProblem[] = [];
  const names = TOP_LEVEL['default-ulimits']['x-ulimitNames'] ?? [];
  for (const p of properties(topValue(model, 'default-ulimits'))) {
    if (!names.includes(p.name)) {
      out.push(problemAt(p.key, 'warning', 'unknown-ulimit', l10n.t('"{0}" is not a ulimit name; dockerd starts but every container fails to start. Use one of {1}.', p.name, names.join(', '))));
    }
    if (p.value?.type !== 'object') continue;
    const nameNode = field(p.value, 'name');
    if (nameNode?.type === 'string' && nameNode.value !== p.name) {
      out.push(problemAt(nameNode, 'warning', 'ulimit-name-mismatch', l10n.t('Name "{0}" differs from its key "{1}"; make them the same.', String(nameNode.value), p.name), [{ title: l10n.t('Change to "{0}"', p.name), kind: 'replaceValue', path: pathOf(nameNode), from: nameNode.value, to: p.name }]));
    }
    const soft = field(p.value, 'soft');
    const hard = field(p.value, 'hard');
    if (soft?.type === 'number' && hard?.type === 'number' && (hard.value as number) >= 0 && ((soft.value as number) > (hard.value as number) || (soft.value as number) < 0)) {
      out.push(problemAt(soft, 'warning', 'ulimit-soft-above-hard', l10n.t('The soft limit {0} is above the hard limit {1}; containers would fail to start.', String(soft.value), String(hard.value))));
    }
  }
  return out;
};
