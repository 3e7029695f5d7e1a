import * as l10n from '@vscode/l10n';
import { isScalar } from 'yaml';
import { sentences } from '../../localized';
import { didYouMean } from '../../suggest';
import { replaceValueFix } from '../codeActions';
import { substitute } from '../interpolation';
import type { ComposeFix, ComposeRule } from '../model';
import type { Problem } from '../../languageMode';

/**
 * `network_mode: service:X` without a service X in the project (compose-go: "service %q
 * not found for network_mode 'service:%s'"), judged on the merged project (#16): X may
 * be defined in another file of it. Only the `network_mode` a service keeps after
 * merging counts; a name from an unknown variable, or a project we cannot read whole,
 * is not judged.
 */
export const undefinedService: ComposeRule = (model, ctx) => {
  const project = ctx.project;
  if (model.incomplete) return [];
  const out: Problem<ComposeFix>[] = [];
  const modes = new Set(
    [...project.services.values()].map((s) => s.networkMode).filter((m) => m && m.file.model === model).map((m) => m!.decl),
  );
  for (const ref of model.modeRefs) {
    if (!modes.has(ref.from)) continue;
    const target = substitute(ref.target, ctx.file.lookup);
    if (target === undefined || project.services.has(target)) continue;
    if (target !== '' && project.incomplete) continue;
    const guess = didYouMean(target, project.services.keys());
    const range: [number, number] = ref.target === '' ? [ref.range[0] - 'service:'.length, ref.range[1]] : ref.range;
    // "Did you mean" names the fix (#20). Only for a name written out: a variable's value is not ours to replace.
    const value = ref.from.networkMode?.value;
    const fixes =
      guess && value && isScalar(value) && !ref.target.includes('$') && ref.from.networkMode && !ref.from.networkMode.merged
        ? [replaceValueFix(model, model.docs.indexOf(ref.from.doc), ['services', ref.from.name, 'network_mode'], value, `service:${guess}`, l10n.t('Change to `{0}`', `service:${guess}`))]
        : undefined;
    out.push({
      fixes,
      range,
      code: 'undefined-service',
      severity: 'error',
      message:
        target === ''
          ? l10n.t('`service:` needs the name of a service of this project: `service:NAME`.')
          : sentences(
              project.files.length > 1
                ? l10n.t('`network_mode` of service `{0}` names service `{1}`, which no file of the project defines.', ref.from.name, target)
                : l10n.t('`network_mode` of service `{0}` names service `{1}`, which this file does not define.', ref.from.name, target),
              guess ? l10n.t('Did you mean `{0}`?', guess) : '',
            ),
    });
  }
  return out;
};
