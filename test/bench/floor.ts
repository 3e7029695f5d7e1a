import { parseTree } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { parseUnitFile } from './parseUnitFile';
import { msSince, summarize, type Summary } from './stats';

/**
 * The bare parse of an input, the floor every server on these libraries pays:
 * `yaml` parseDocument for YAML files, jsonc-parser parseTree for JSON, and for a
 * drop-in, which no library parses, the small independent unit-file parser in
 * parseUnitFile.ts (a bare line split was used before: it is no parse of the format,
 * and made every drop-in figure a ratio to the LSP round trip alone).
 */
export function floorParserName(uriOrPath: string): string {
  if (/\.ya?ml$/i.test(uriOrPath)) return 'yaml parseDocument';
  if (/\.json$/i.test(uriOrPath)) return 'jsonc-parser parseTree';
  return 'unit-file parse (parseUnitFile.ts)';
}

export function parseFloor(uriOrPath: string, text: string): unknown {
  if (/\.ya?ml$/i.test(uriOrPath)) return parseDocument(text, { keepSourceTokens: false });
  if (/\.json$/i.test(uriOrPath)) return parseTree(text, [], { allowTrailingComma: true });
  return parseUnitFile(text);
}

/**
 * Times the bare parse in this process: warm-up runs, then runs until `max` samples or
 * `budgetMs` (at least 5 samples).
 */
export function timeFloor(uriOrPath: string, text: string, max = 30, budgetMs = 1500): Summary {
  for (let i = 0; i < 3; i++) parseFloor(uriOrPath, text);
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  while (samples.length < max) {
    const t = process.hrtime.bigint();
    parseFloor(uriOrPath, text);
    samples.push(msSince(t));
    if (samples.length >= 5 && msSince(start) > budgetMs) break;
  }
  return summarize(samples);
}
