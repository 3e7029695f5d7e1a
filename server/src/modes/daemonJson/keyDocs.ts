import * as l10n from '@vscode/l10n';
import { localized } from '../localized';
import { describeRange, parseCidr } from '../../shared/cidr';
import { type LogDriverInfo, mainType, type SchemaNode, type ValueInfo } from './daemonSchema';

/**
 * The one renderer of schema entries: hover and completion documentation both come
 * from here, so they can never disagree.
 */
function versions(info: ValueInfo & { 'x-ignoredSince'?: string }): string | undefined {
  const parts: string[] = [];
  if (info['x-since']) parts.push(info['x-since'] === '17.03' ? l10n.t('since 17.03 or earlier') : l10n.t('added in {0}', info['x-since']));
  if (info['x-deprecated']) parts.push(l10n.t('deprecated in {0}', info['x-deprecated']));
  if (info['x-ignoredSince']) parts.push(l10n.t('ignored since {0}', info['x-ignoredSince']));
  if (info['x-removed']) parts.push(l10n.t('removed in {0}', info['x-removed']));
  if (info['x-replacement']) parts.push(l10n.t('use `{0}`', info['x-replacement']));
  return parts.length ? parts.join(' · ') : undefined;
}

/** "linux (windows before 23.0)" */
function platformsText(info: ValueInfo): string {
  const before = Object.entries(info['x-platformRemoved'] ?? {}).map(([p, v]) => l10n.t('{0} before {1}', p, v));
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
  if (node.default !== undefined) head.push(l10n.t('default `{0}`', JSON.stringify(node.default)));
  const lines = [head.join(' · '), '', localized(node, 'markdownDescription') ?? localized(node, 'description') ?? ''];
  const facts: string[] = [];
  if (node['x-flag']) facts.push(`- ${l10n.t('Flag: `{0}`', node['x-flag'])}`);
  const v = versions(node);
  if (v) facts.push(`- ${l10n.t('Engine: {0}', v)}`);
  if (node['x-platforms']) facts.push(`- ${l10n.t('Platforms: {0}', platformsText(node))}`);
  if (node['x-reload'] !== undefined) facts.push(`- ${node['x-reload'] ? l10n.t('Reload: applied by `systemctl reload docker` (SIGHUP)') : l10n.t('Reload: needs a dockerd restart')}`);
  const values = node['x-values'];
  if (values) facts.push(`- ${l10n.t('Values: {0}', Object.keys(values).map((k) => `\`${k}\``).join(', '))}`);
  if (facts.length) lines.push('', ...facts);
  return lines.join('\n');
}

/** Documentation of one enumerated value. */
export function renderValueDocs(key: string, value: string, info: ValueInfo): string {
  const lines = [l10n.t('**`{0}`** (value of `{1}`)', value, key), '', localized(info, 'description') ?? ''];
  const v = versions(info);
  if (v) lines.push('', `- ${l10n.t('Engine: {0}', v)}`);
  if (info['x-platforms']) lines.push(`- ${l10n.t('Platforms: {0}', info['x-platforms'].join(', '))}`);
  return lines.join('\n');
}

export function renderLogDriverDocs(name: string, info: LogDriverInfo): string {
  const lines = [l10n.t('**`{0}`** logging driver', name), '', localized(info, 'description') ?? ''];
  const v = versions(info);
  if (v) lines.push('', `- ${l10n.t('Engine: {0}', v)}`);
  if (info.options.length) lines.push(`- ${l10n.t('Options: {0}', info.options.map((o) => `\`${o}\``).join(', '))}`);
  if (info.required?.length) lines.push(`- ${l10n.t('Required: {0}', info.required.map((o) => `\`${o}\``).join(', '))}`);
  return lines.join('\n');
}

export function renderLogOptionDocs(option: string, driver: string, doc: string | undefined, history?: ValueInfo): string {
  const lines = [l10n.t('**`{0}`** · log option of `{1}`', option, driver), '', doc ?? l10n.t('An option of the `{0}` logging driver; the value is a string.', driver)];
  const v = history ? versions(history) : undefined;
  if (v) lines.push('', `- ${l10n.t('Engine: {0}', v)}`);
  return lines.join('\n');
}

/** "10.0.0.0 – 10.0.0.255 (256 addresses)" for a CIDR value, else undefined. */
export function renderCidr(value: string): string | undefined {
  const c = parseCidr(value);
  if (!c) return undefined;
  const lines = [`**\`${value}\`**: ${describeRange(c)}`];
  if (c.hostBitsSet) lines.push('', l10n.t('Address `{0}` in network `{1}`.', c.address.text, c.network));
  return lines.join('\n');
}
