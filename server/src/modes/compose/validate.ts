import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, type ModeContext } from '../languageMode';
import type { ComposeModel } from './composeModel';
import { addressContainment } from './rules/addressContainment';
import { addressSyntax } from './rules/addressSyntax';
import { bridgeMultipleSubnets } from './rules/bridgeMultipleSubnets';
import { duplicateStaticAddress } from './rules/duplicateStaticAddress';
import { engineSupport } from './rules/engineSupport';
import { externalName } from './rules/externalName';
import { externalWithCreationProps } from './rules/externalWithCreationProps';
import { macAddressMismatch } from './rules/macAddressMismatch';
import { networkModeWithNetworks } from './rules/networkModeWithNetworks';
import { portsWithHostNetwork } from './rules/portsWithHostNetwork';
import { predefinedNetworkName } from './rules/predefinedNetworkName';
import type { Problem, Rule, RuleContext } from './rules/problem';
import { schemaShape } from './rules/schemaShape';
import { staticAddress } from './rules/staticAddress';
import { subnetOverlap } from './rules/subnetOverlap';
import { subnetOverlapWithinNetwork } from './rules/subnetOverlapWithinNetwork';
import { undefinedNetwork } from './rules/undefinedNetwork';
import { undefinedService } from './rules/undefinedService';
import { unusedNetwork } from './rules/unusedNetwork';

/** Every rule, in reporting order. Each is a plain function in rules/, one per file. */
export const RULES: readonly Rule[] = [
  schemaShape,
  externalName,
  undefinedNetwork,
  networkModeWithNetworks,
  undefinedService,
  unusedNetwork,
  portsWithHostNetwork,
  addressSyntax,
  addressContainment,
  subnetOverlap,
  subnetOverlapWithinNetwork,
  bridgeMultipleSubnets,
  staticAddress,
  duplicateStaticAddress,
  externalWithCreationProps,
  predefinedNetworkName,
  macAddressMismatch,
  engineSupport,
];

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information } as const;

export function ruleContext(ctx: ModeContext): RuleContext {
  return { engineVersion: ctx.engineVersion, unusedNetworks: ctx.settings.compose.unusedNetworks, liveNetworks: ctx.liveNetworks };
}

export function validateCompose(document: TextDocument, model: ComposeModel, ctx: ModeContext): Diagnostic[] {
  const rc = ruleContext(ctx);
  const problems: Problem[] = [];
  for (const rule of RULES) problems.push(...rule(model, rc));
  // A mapping merged into several services (anchors) is one place in the text: report
  // each problem there once, with the first service's wording.
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const p of problems) {
    const key = `${p.range[0]}:${p.range[1]}:${p.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const d: Diagnostic = {
      range: { start: document.positionAt(p.range[0]), end: document.positionAt(p.range[1]) },
      severity: SEVERITY[p.severity],
      code: p.code,
      source: DIAGNOSTIC_SOURCE,
      message: p.message,
    };
    if (p.data) d.data = p.data;
    out.push(d);
  }
  return out;
}
