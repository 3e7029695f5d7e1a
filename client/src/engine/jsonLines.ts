import * as readline from 'node:readline';

/**
 * Reads a stream of JSON lines, the format of `GET /events`: moby writes each event with
 * one json.Encoder.Encode call, which ends it with a newline, so one line is one event
 * (#14 item 7: node:readline and one JSON.parse per line, no hand-written scanner).
 * readline decodes UTF-8 across chunk boundaries and joins lines split across chunks.
 *
 * Tolerant: blank lines are skipped; a line that is not a JSON object (text, a broken
 * or cut-off event, two events on one line) is handed to `onInvalid` and the stream goes
 * on with the next line. A last line without its newline is read when the stream ends.
 */
export function readJsonLines(
  input: NodeJS.ReadableStream,
  onObject: (value: object) => void,
  onInvalid: (text: string, error: string) => void = () => undefined,
): readline.Interface {
  // crlfDelay: a "\r\n" split across two chunks is still one line end.
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  // readline re-emits the input's 'error' on itself, where nobody listens, which would
  // make a reset connection an uncaught exception; the input's owner handles its errors
  // on the input (EngineSession: the stream is lost, reconnect).
  lines.on('error', () => undefined);
  lines.on('line', (line) => {
    const text = line.trim();
    if (text === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      onInvalid(text, (err as Error).message);
      return;
    }
    if (value !== null && typeof value === 'object') onObject(value);
    else onInvalid(text, 'not a JSON object');
  });
  return lines;
}
