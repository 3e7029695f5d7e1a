import { parseTree } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { msSince, summarize, type Summary } from './stats';

/**
 * The bare parse of an input, the floor every server on these libraries pays:
 * `yaml` parseDocument for YAML files, jsonc-parser parseTree for JSON, and a line
 * split for a drop-in (systemd unit files have no parser library to compare with).
 */
export function floorParserName(uriOrPath: string): string {
  if (/\.ya?ml$/i.test(uriOrPath)) return 'yaml parseDocument';
  if (/\.json$/i.test(uriOrPath)) return 'jsonc-parser parseTree';
  return 'line split';
}

export function parseFloor(uriOrPath: string, text: string): unknown {
  if (/\.ya?ml$/i.test(uriOrPath)) return parseDocument(text, { keepSourceTokens: false });
  if (/\.json$/i.test(uriOrPath)) return parseTree(text, [], { allowTrailingComma: true });
  return text.split(/\r?\n/);
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
