import { pathToFileURL } from 'url';
// A named import: esbuild then bundles this field, not the whole manifest (#8).
import { repository } from '../../../../package.json';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FileKind } from '../../shared/fileKinds';
import { describeProblemCode } from '../describeProblemCode';
import { displayPath, severityName, type CheckReport } from './checkReport';

type SarifLevel = 'error' | 'warning' | 'note';

function levelOf(d: Diagnostic): SarifLevel {
  const s = severityName(d);
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

/** A region in SARIF's terms: 1-based lines and columns, the end column just after the range (SARIF 2.1.0 §3.30). */
function region(r: Diagnostic['range']) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** A path relative to %SRCROOT% as a URI reference: its segments percent-encoded, `/` kept. */
function relativeUri(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

/**
 * `--format sarif`: a SARIF 2.1.0 log for code-scanning uploads (GitHub's upload-sarif,
 * GitLab, Azure DevOps) (#21). One run; the driver lists a rule for each code reported,
 * with its summary and help from schemas/problemCodes.json; locations are relative to
 * %SRCROOT% (the current folder), columns counted in UTF-16 code units as LSP counts them.
 */
export function formatSarif(report: CheckReport): string {
  const rules = new Map<string, { index: number; kinds: Set<FileKind>; level: SarifLevel }>();
  const ordered: string[] = [];
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      const code = String(d.code ?? '');
      if (!rules.has(code)) rules.set(code, { index: -1, kinds: new Set(), level: levelOf(d) });
      rules.get(code)!.kinds.add(f.kind);
    }
  }
  ordered.push(...[...rules.keys()].sort());
  ordered.forEach((code, i) => (rules.get(code)!.index = i));
  const driverRules = ordered.map((code) => {
    const rule = rules.get(code)!;
    const about = describeProblemCode(code);
    return {
      id: code,
      name: code.replace(/(^|-)([a-z0-9])/g, (_m, _s, c: string) => c.toUpperCase()),
      shortDescription: { text: about.summary },
      fullDescription: { text: about.help },
      help: { text: about.help, markdown: about.helpMarkdown },
      ...(about.helpUri ? { helpUri: about.helpUri } : {}),
      defaultConfiguration: { level: rule.level },
      properties: { tags: [...rule.kinds].sort() },
    };
  });
  const results = report.files.flatMap((f) => {
    const uri = relativeUri(displayPath(report.cwd, f.file));
    const artifactLocation = { uri, uriBaseId: '%SRCROOT%' };
    return f.diagnostics.map((d) => {
      const code = String(d.code ?? '');
      return {
        ruleId: code,
        ruleIndex: rules.get(code)!.index,
        level: levelOf(d),
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(d.range) } }],
        ...(d.relatedInformation?.length
          ? { relatedLocations: d.relatedInformation.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: { artifactLocation, region: region(r.location.range) } })) }
          : {}),
      };
    });
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'docker-networking',
            semanticVersion: report.toolVersion,
            informationUri: repository.url.replace(/\.git$/, ''),
            rules: driverRules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(report.cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        properties: { engineVersion: report.engineVersion },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
