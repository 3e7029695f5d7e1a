import { localized } from '../localized';
import * as jsonc from 'jsonc-parser';
import type { Node } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Hover, MarkupKind, type Position } from 'vscode-languageserver-types';
import type { ModeContext } from '../languageMode';
import { effectiveProxies, renderEffectiveProxy } from '../host/effectiveProxies';
import { hostOf } from '../host/hostModel';
import { logDrivers, TOP_LEVEL } from './daemonSchema';
import { renderCidr, renderKeyDocs, renderLogDriverDocs, renderLogOptionDocs, renderValueDocs } from './keyDocs';
import { type DaemonJsonModel, logDriverOf, nodeAt } from './model';
import { pathText, schemaAtPath, valuesAt } from './schemaAtPath';

/**
 * Hover on keys (the schema entry through keyDocs, the same renderer completion uses)
 * and on values (enumerated values, logging drivers, and the range of a CIDR).
 */
export function hover(document: TextDocument, position: Position, model: DaemonJsonModel, ctx?: ModeContext): Hover | null {
  if (!model.root) return null;
  const offset = document.offsetAt(position);
  const node = nodeAt(model.root, offset);
  if (!node || node.type !== 'string' && node.type !== 'number' && node.type !== 'boolean') return null;
  const parent = node.parent;
  const isKey = parent?.type === 'property' && parent.children?.[0] === node;
  let md = isKey ? keyHover(model, parent!) : valueHover(node);
  if (isKey && ctx) md = withEffectiveProxy(md, model, parent!, ctx);
  return md ? { contents: { kind: MarkupKind.Markdown, value: md }, range: { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) } } : null;
}

/**
 * A key inside `proxies`: what dockerd will use for it, from the whole host (#17): a flag
 * of the unit's ExecStart= or this file from Engine 23.0, else the drop-ins' environment.
 */
function withEffectiveProxy(md: string | undefined, model: DaemonJsonModel, prop: Node, ctx: ModeContext): string | undefined {
  const path = jsonc.getNodePath(prop.children![0]);
  if (path.length !== 2 || path[0] !== 'proxies' || !/^(http|https|no)-proxy$/.test(String(path[1]))) return md;
  const variable = String(path[1]).replace('-', '_').toUpperCase();
  const effective = effectiveProxies(hostOf({ uri: model.uri, model }, 'daemonJson', ctx), ctx).get(variable);
  const line = renderEffectiveProxy(effective, variable);
  return md ? `${md}\n\n---\n\n${line}` : line;
}

function keyHover(model: DaemonJsonModel, prop: Node): string | undefined {
  const path = jsonc.getNodePath(prop.children![0]);
  if (path.length === 2 && path[0] === 'log-opts') {
    const driver = logDriverOf(model);
    const option = String(path[1]);
    return renderLogOptionDocs(option, driver, localized(TOP_LEVEL['log-opts'], 'x-optionDocs')?.[option], logDrivers()[driver]?.optionHistory?.[option]);
  }
  const schema = schemaAtPath(path);
  return schema ? renderKeyDocs(pathText(path), schema) : undefined;
}

function valueHover(node: Node): string | undefined {
  const path = jsonc.getNodePath(node);
  const key = [...path].reverse().find((s) => typeof s === 'string');
  const schema = schemaAtPath(path);
  const parts: string[] = [];
  if (node.type === 'string') {
    const value = String(node.value);
    if (path.length === 1 && key === 'log-driver' && logDrivers()[value]) parts.push(renderLogDriverDocs(value, logDrivers()[value]));
    const documented = valuesAt(path);
    const info = documented && Object.prototype.hasOwnProperty.call(documented.values, value) ? documented.values[value] : undefined;
    if (info) parts.push(renderValueDocs(documented!.key, value, info));
    const cidr = renderCidr(value.replace(/^\w+:\/\//, ''));
    if (cidr) parts.push(cidr);
  }
  if (parts.length === 0 && schema && path.length === 1) parts.push(renderKeyDocs(String(key), schema));
  return parts.length ? parts.join('\n\n---\n\n') : undefined;
}
