/**
 * Splits a byte stream of concatenated JSON objects into objects, the format of
 * `GET /events` (moby writes one object per json.Encoder.Encode call, newline
 * separated; chunks may split an object anywhere, even inside a UTF-8 sequence).
 * Tolerant: whitespace between objects is skipped; text that is not JSON is
 * reported and skipped up to the next line, and the stream goes on.
 */
export class JsonObjectSplitter {
  private buffer = '';
  private readonly decoder = new TextDecoder('utf-8');
  private depth = 0;
  private inString = false;
  private escaped = false;
  private start = -1;
  private scanFrom = 0;

  constructor(
    private readonly onObject: (value: unknown) => void,
    private readonly onGarbage: (text: string, error: string) => void = () => undefined,
  ) {}

  write(chunk: Uint8Array | string): void {
    this.buffer += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    this.scan();
  }

  /** Whatever is left when the stream ends (an incomplete object), or ''. */
  end(): string {
    const rest = this.buffer.slice(this.start >= 0 ? this.start : this.scanFrom).trim();
    this.buffer = '';
    this.reset();
    return rest;
  }

  private reset(): void {
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.start = -1;
    this.scanFrom = 0;
  }

  private scan(): void {
    const b = this.buffer;
    let i = this.scanFrom;
    for (; i < b.length; i++) {
      const ch = b[i];
      if (this.start < 0) {
        if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') continue;
        if (ch !== '{' && ch !== '[') {
          // Not the start of an object: skip to the end of the line (or wait for it).
          const nl = b.indexOf('\n', i);
          if (nl < 0) break;
          this.onGarbage(b.slice(i, nl), 'not a JSON object');
          i = nl;
          continue;
        }
        this.start = i;
        this.depth = 0;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') this.inString = false;
        continue;
      }
      if (ch === '"') this.inString = true;
      else if (ch === '{' || ch === '[') this.depth++;
      else if (ch === '}' || ch === ']') {
        this.depth--;
        if (this.depth === 0) {
          const text = b.slice(this.start, i + 1);
          this.start = -1;
          try {
            this.onObject(JSON.parse(text));
          } catch (err) {
            this.onGarbage(text, (err as Error).message);
          }
        }
      } else if (ch === '\n' && this.depth > 0) {
        // moby never breaks a line inside an event; a newline in an open object means the
        // object was broken off: drop it and resynchronise on the next line.
        this.onGarbage(b.slice(this.start, i), 'object broken off by a newline');
        this.start = -1;
        this.depth = 0;
      }
    }
    // Drop what has been consumed; keep an open object (and the unscanned rest).
    const keepFrom = this.start >= 0 ? this.start : i;
    this.buffer = b.slice(keepFrom);
    if (this.start >= 0) this.start = 0;
    this.scanFrom = i - keepFrom;
  }
}
