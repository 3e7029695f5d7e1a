import {
  DIRECTIVES,
  KNOWN_DIRECTIVES,
  MAN_BASE,
  PROXY_FACTS,
  PROXY_VARIABLES,
  SECTIONS,
  SPECIFIERS,
  SYSTEMD_VERSION,
  isSectionName,
  manUrl,
  type SectionName,
} from './directiveSchema';
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
  return `**[${name}]**\n\n${s.docs}\n\n${manLink(s.man)}`;
}

export function renderDirective(section: string, key: string): string | undefined {
  if (!isSectionName(section)) return undefined;
  const entry = Object.prototype.hasOwnProperty.call(DIRECTIVES[section], key) ? DIRECTIVES[section][key] : undefined;
  if (entry) {
    const example = entry.example ? `\n\nExample:\n\`\`\`\n${entry.example}\n\`\`\`` : '';
    return `**${key}=** in [${section}]\n\n\`${entry.form}\`\n\n${entry.docs}${example}\n\n${manLink(entry.man)}`;
  }
  if (KNOWN_DIRECTIVES[section].has(key)) {
    return `**${key}=** is a [${section}] directive of systemd ${SYSTEMD_VERSION}.\n\nSee [systemd.directives(7)](${MAN_BASE}systemd.directives.html) for the page that describes it.`;
  }
  return undefined;
}

export function renderSpecifier(letter: string): string | undefined {
  const d = SPECIFIERS[letter];
  return d ? `**%${letter}**: ${d}.\n\nsystemd expands specifiers in this value; write \`%%\` for a literal percent sign.` : undefined;
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
      lines.push(e.kind === 'nothing' ? `\`${e.text}\`: matches nothing (${e.reason})` : `\`${e.text}\`: ${e.meaning}`);
    }
  }
  return lines.length > 0 ? `\n\n**In this file**\n\n${bullets(lines)}` : '';
}

export function renderProxyVariable(upper: string, model?: DropinModel): string | undefined {
  const v = PROXY_VARIABLES[upper];
  if (!v) return undefined;
  const parts = [`**${upper}** (or \`${v.lowercase}\`)`, v.docs];
  if (v.kind === 'noProxy') parts.push(bullets(PROXY_FACTS.noProxyRules) + renderNoProxyEntries(model));
  else parts.push(PROXY_FACTS.schemes, PROXY_FACTS.percent);
  parts.push(PROXY_FACTS.scope, PROXY_FACTS.precedence);
  parts.push(`Apply a change:\n\`\`\`\n${PROXY_FACTS.apply.join('\n')}\n\`\`\`\nCheck it:\n\`\`\`\n${PROXY_FACTS.check.join('\n')}\n\`\`\``);
  parts.push(`Example: \`Environment="${upper}=${v.example}"\``);
  return parts.join('\n\n');
}
