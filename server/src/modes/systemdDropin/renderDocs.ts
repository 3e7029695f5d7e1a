import {
  DIRECTIVES,
  KNOWN_DIRECTIVES,
  MAN_BASE,
  PROXY_VARIABLES,
  proxyFacts,
  SECTIONS,
  specifierDocs,
  SYSTEMD_VERSION,
  isSectionName,
  manUrl,
  type SectionName,
} from './directiveSchema';
import * as l10n from '@vscode/l10n';
import { localized } from '../localized';
import type { DropinModel } from './model';
import { parseNoProxy } from './noProxy';

/**
 * The one renderer of schema entries: completion documentation and hover show the
 * same markdown for a section, a directive or a proxy variable.
 */

function manLink(man: string): string {
  const page = man.split('.html')[0];
  const m = /^(systemd\.[a-z-]+)$/.exec(page);
  const title = m ? `${m[1]}(${page === 'systemd.syntax' ? 7 : 5})` : page;
  return `[${title}](${manUrl(man)})`;
}

export function renderSection(name: SectionName): string {
  const s = SECTIONS[name];
  return `**[${name}]**\n\n${localized(s, 'docs')}\n\n${manLink(s.man)}`;
}

export function renderDirective(section: string, key: string): string | undefined {
  if (!isSectionName(section)) return undefined;
  const entry = Object.prototype.hasOwnProperty.call(DIRECTIVES[section], key) ? DIRECTIVES[section][key] : undefined;
  if (entry) {
    const example = entry.example ? `\n\n${l10n.t('Example:')}\n\`\`\`\n${entry.example}\n\`\`\`` : '';
    return `${l10n.t('**{0}=** in [{1}]', key, section)}\n\n\`${entry.form}\`\n\n${localized(entry, 'docs')}${example}\n\n${manLink(entry.man)}`;
  }
  if (KNOWN_DIRECTIVES[section].has(key)) {
    return `${l10n.t('**{0}=** is a [{1}] directive of systemd {2}.', key, section, SYSTEMD_VERSION)}\n\n${l10n.t('See [systemd.directives(7)]({0}) for the page that describes it.', `${MAN_BASE}systemd.directives.html`)}`;
  }
  return undefined;
}

export function renderSpecifier(letter: string): string | undefined {
  const d = Object.prototype.hasOwnProperty.call(specifierDocs(), letter) ? specifierDocs()[letter] : undefined;
  return d ? `**%${letter}**: ${d}${l10n.t('.')}\n\n${l10n.t('systemd expands specifiers in this value; write `%%` for a literal percent sign.')}` : undefined;
}

function bullets(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}

/** Explains each NO_PROXY entry of this file (all assignments that reach dockerd). */
export function renderNoProxyEntries(model: DropinModel | undefined): string {
  if (!model) return '';
  const lines: string[] = [];
  for (const w of model.variables) {
    if (w.name !== 'NO_PROXY' && w.name !== 'no_proxy') continue;
    for (const e of parseNoProxy(w.value)) {
      lines.push(e.kind === 'nothing' ? l10n.t('`{0}`: matches nothing ({1})', e.text, e.reason ?? '') : `\`${e.text}\`: ${e.meaning}`);
    }
  }
  return lines.length > 0 ? `\n\n**${l10n.t('In this file')}**\n\n${bullets(lines)}` : '';
}

export function renderProxyVariable(upper: string, model?: DropinModel): string | undefined {
  const v = PROXY_VARIABLES[upper];
  if (!v) return undefined;
  const facts = proxyFacts();
  const parts = [l10n.t('**{0}** (or `{1}`)', upper, v.lowercase), localized(v, 'docs')];
  if (v.kind === 'noProxy') parts.push(bullets(facts.noProxyRules) + renderNoProxyEntries(model));
  else parts.push(facts.schemes, facts.percent);
  parts.push(facts.scope, facts.precedence);
  parts.push(`${l10n.t('Apply a change:')}\n\`\`\`\n${facts.apply.join('\n')}\n\`\`\`\n${l10n.t('Check it:')}\n\`\`\`\n${facts.check.join('\n')}\n\`\`\``);
  parts.push(l10n.t('Example: `Environment="{0}={1}"`', upper, v.example));
  return parts.join('\n\n');
}
