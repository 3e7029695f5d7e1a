import { didYouMean } from '../../suggest';
import type { ComposeFix, ComposeModel } from '../model';
import type { Problem, Rule } from '../../languageMode';

/** `network_mode: service:X` without a service X (compose-go: "service %q not found for network_mode 'service:%s'"). */
export const undefinedService: Rule<ComposeModel, ComposeFix> = (model: ComposeModel) => {
  if (model.incomplete) return [];
  const out: Problem<ComposeFix>[] = [];
  for (const ref of model.modeRefs) {
    if (model.servicesByName.has(ref.target) || ref.target.includes('$')) continue;
    const guess = didYouMean(ref.target, model.servicesByName.keys());
    const range: [number, number] = ref.target === '' ? [ref.range[0] - 'service:'.length, ref.range[1]] : ref.range;
    out.push({
      range,
      code: 'undefined-service',
      severity: 'error',
      message:
        ref.target === ''
          ? '`service:` needs the name of a service of this project: `service:NAME`.'
          : `\`network_mode\` of service \`${ref.from.name}\` names service \`${ref.target}\`, which this file does not define.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
    });
  }
  return out;
};
