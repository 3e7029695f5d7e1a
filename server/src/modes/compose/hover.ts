import * as l10n from '@vscode/l10n';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { ModeContext } from '../languageMode';
import { spotAt, type ComposeModel } from './model';
import { renderProperty, renderValue } from './composeSchema';
import { interpolate } from './interpolation';
import { projectOf } from './project/projectOf';
import { addressSummary, hasNetworking, projectNetworkSummary, serviceSummary } from './summary';

/** Hover: property docs (the same renderer as completion), network summaries (over the project, #16), CIDR ranges. */
export function hover(document: TextDocument, position: Position, model: ComposeModel, ctx: ModeContext): Hover | null {
  const spot = spotAt(model, document.offsetAt(position));
  if (!spot) return null;
  let value: string | undefined;
  switch (spot.kind) {
    case 'property':
      value = renderProperty(spot.def, spot.key);
      break;
    case 'value':
      value = renderValue(spot.def, spot.key, spot.value) ?? renderProperty(spot.def, spot.key);
      break;
    case 'network-decl':
    case 'network-ref':
      value = projectNetworkSummary(model, spot.name, projectOf(model, ctx), ctx);
      break;
    case 'service-ref': {
      // The service may be defined in another file of the project (#16).
      const other = model.servicesByName.has(spot.name) ? undefined : projectOf(model, ctx).services.get(spot.name)?.layers.at(-1)?.file.model;
      const summary = serviceSummary(other ?? model, spot.name);
      value = summary ? `${l10n.t('Shares the network stack of service `{0}` (and starts after it).', spot.name)}\n\n${summary}` : l10n.t('No service `{0}` in this project.', spot.name);
      break;
    }
    case 'service-decl':
      // Service keys are not network parts: stay silent unless the service has networking to show.
      value = hasNetworking(model, spot.name) ? serviceSummary(model, spot.name) : undefined;
      break;
    case 'address': {
      const v = interpolate(spot.text);
      value = v.kind === 'dynamic' ? undefined : addressSummary(v.text);
      if (value && v.kind === 'default') value += `\n\n${l10n.t('(the default, when the variable is unset)')}`;
      break;
    }
    default:
      return null;
  }
  if (!value) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: document.positionAt(spot.range[0]), end: document.positionAt(spot.range[1]) },
  };
}
