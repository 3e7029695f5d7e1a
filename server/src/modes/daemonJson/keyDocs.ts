import { describeRange, parseCidr } from '../../shared/cidr';
import { type LogDriverInfo, mainType, type SchemaNode, type ValueInfo } from './daemonSchema';

/**
 * The one renderer of schema entries: hover and completion documentation both come
 * from here, so they can never disagree.
 */
function versions(info: ValueInfo & { 'x-ignoredSince'?: string }): string | undefined {
  const parts: string[] = [];
  if (info['x-since']) parts.push(info['x-since'] === '17.03' ? 'since 17.03 or earlier' : `added in ${info['x-since']}`);
  if (info['x-deprecated']) parts.push(`deprecated in ${info['x-deprecated']}`);
  if (info['x-ignoredSince']) parts.push(`ignored since ${info['x-ignoredSince']}`);
  if (info['x-removed']) parts.push(`removed in ${info['x-removed']}`);
  if (info['x-replacement']) parts.push(`use \`${info['x-replacement']}\``);
  return parts.length ? parts.join(' · ') : undefined;
}

/** "linux (windows before 23.0)" */
function platformsText(info: ValueInfo): string {
  const before = Object.entries(info['x-platformRemoved'] ?? {}).map(([p, v]) => `${p} before ${v}`);
  return `${(info['x-platforms'] ?? []).join(', ')}${before.length ? ` (${before.join(', ')})` : ''}`;
}

/**
 * Rendered key docs by schema entry and label. Schema entries never change, and key
 * completion renders every key of a level on each request: 73 top-level keys, 50 KB of
 * markdown per request, which the server then sets aside for completionItem/resolve (#8).
 */
const keyDocsMemo = new WeakMap<SchemaNode, Map<string, string>>();

/** Full documentation of a key (top-level or nested), as markdown. */
export function renderKeyDocs(label: string, node: SchemaNode): string {
  let byLabel = keyDocsMemo.get(node);
  if (!byLabel) keyDocsMemo.set(node, (byLabel = new Map()));
  let text = byLabel.get(label);
  if (text === undefined) byLabel.set(label, (text = renderKeyDocsAfresh(label, node)));
  return text;
}

function renderKeyDocsAfresh(label: string, node: SchemaNode): string {
  const type = mainType(node) ?? 'any';
  const head = [`**\`${label}\`** · ${type}`];
  if (node.default !== undefined) head.push(`default \`${JSON.stringify(node.default)}\``);
  const lines = [head.join(' · '), '', node.markdownDescription ?? node.description ?? ''];
  const facts: string[] = [];
  if (node['x-flag']) facts.push(`- Flag: \`${node['x-flag']}\``);
  const v = versions(node);
  if (v) facts.push(`- Engine: ${v}`);
  if (node['x-platforms']) facts.push(`- Platforms: ${platformsText(node)}`);
  if (node['x-reload'] !== undefined) facts.push(`- Reload: ${node['x-reload'] ? 'applied by `systemctl reload docker` (SIGHUP)' : 'needs a dockerd restart'}`);
  const values = node['x-values'];
  if (values) facts.push(`- Values: ${Object.keys(values).map((k) => `\`${k}\``).join(', ')}`);
  if (facts.length) lines.push('', ...facts);
  return lines.join('\n');
}

/** Documentation of one enumerated value. */
export function renderValueDocs(key: string, value: string, info: ValueInfo): string {
  const lines = [`**\`${value}\`** (value of \`${key}\`)`, '', info.description ?? ''];
  const v = versions(info);
  if (v) lines.push('', `- Engine: ${v}`);
  if (info['x-platforms']) lines.push(`- Platforms: ${info['x-platforms'].join(', ')}`);
  return lines.join('\n');
}

export function renderLogDriverDocs(name: string, info: LogDriverInfo): string {
  const lines = [`**\`${name}\`** logging driver`, '', info.description ?? ''];
  const v = versions(info);
  if (v) lines.push('', `- Engine: ${v}`);
  if (info.options.length) lines.push(`- Options: ${info.options.map((o) => `\`${o}\``).join(', ')}`);
  if (info.required?.length) lines.push(`- Required: ${info.required.map((o) => `\`${o}\``).join(', ')}`);
  return lines.join('\n');
}

export function renderLogOptionDocs(option: string, driver: string, doc: string | undefined, history?: ValueInfo): string {
  const lines = [`**\`${option}\`** · log option of \`${driver}\``, '', doc ?? `An option of the \`${driver}\` logging driver; the value is a string.`];
  const v = history ? versions(history) : undefined;
  if (v) lines.push('', `- Engine: ${v}`);
  return lines.join('\n');
}

/** "10.0.0.0 – 10.0.0.255 (256 addresses)" for a CIDR value, else undefined. */
export function renderCidr(value: string): string | undefined {
  const c = parseCidr(value);
  if (!c) return undefined;
  const lines = [`**\`${value}\`**: ${describeRange(c)}`];
  if (c.hostBitsSet) lines.push('', `Address \`${c.address.text}\` in network \`${c.network}\`.`);
  return lines.join('\n');
}
