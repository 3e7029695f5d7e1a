import * as l10n from '@vscode/l10n';
import * as ipaddr from 'ipaddr.js';

/**
 * Address and prefix helpers shared by every mode and by the client (subnet map,
 * free-subnet proposals). Parsing is delegated to ipaddr.js; on top of it we apply
 * the stricter rules of Go's `net/netip`, which is what dockerd and Compose use:
 * IPv4 only as four decimal octets without leading zeros, no zones, prefix lengths
 * as plain decimals within the family's width.
 */

export type IpFamily = 4 | 6;

export interface ParsedIp {
  family: IpFamily;
  /** The address as an unsigned integer (32 or 128 bits). */
  value: bigint;
  /** Canonical text (IPv6 compressed). */
  text: string;
}

export interface ParsedCidr {
  family: IpFamily;
  /** The address exactly as written before the slash, parsed. */
  address: ParsedIp;
  prefix: number;
  /** First address of the block (address with host bits cleared). */
  first: bigint;
  /** Last address of the block. */
  last: bigint;
  /** True when the written address has host bits set ("10.0.0.1/8"). */
  hostBitsSet: boolean;
  /** Canonical network text, "10.0.0.0/8". */
  network: string;
}

const V4_OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function bytesToBigInt(bytes: number[]): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function bigIntToText(value: bigint, family: IpFamily): string {
  const len = family === 4 ? 4 : 16;
  const bytes: number[] = [];
  for (let i = len - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}

export function bits(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

/**
 * Parse results by text. The same address texts are parsed again on every edit (each
 * re-parse of a Compose file, daemon.json or drop-in reads all its subnets again), so a
 * small memo saves the BigInt and ipaddr.js work. Bounded: when full, the oldest entry
 * goes. Results are shared between callers and therefore frozen: treat a ParsedIp or
 * ParsedCidr as immutable (copy it to change it).
 */
const MEMO_LIMIT = 2048;
const ipMemo = new Map<string, ParsedIp | null>();
const cidrMemo = new Map<string, ParsedCidr | null>();

function remember<T>(memo: Map<string, T | null>, text: string, value: T | undefined): T | undefined {
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
  memo.set(text, value === undefined ? null : (Object.freeze(value) as T));
  return value;
}

/** Parses one IP address the way Go's netip.ParseAddr does (no zones accepted). */
export function parseIp(text: string): ParsedIp | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > 64) return undefined;
  const known = ipMemo.get(text);
  if (known !== undefined) return known ?? undefined;
  return remember(ipMemo, text, parseIpUncached(text));
}

function parseIpUncached(text: string): ParsedIp | undefined {
  if (text.includes(':')) {
    if (text.includes('%') || !ipaddr.IPv6.isValid(text)) return undefined;
    // IPv4-mapped tail ("::ffff:1.2.3.4") must also be strict dotted decimal.
    const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
    if (tail && !tail[1].split('.').every((o) => V4_OCTET.test(o))) return undefined;
    const addr = ipaddr.IPv6.parse(text);
    return { family: 6, value: bytesToBigInt(addr.toByteArray()), text: addr.toString() };
  }
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((o) => V4_OCTET.test(o))) return undefined;
  const bytes = parts.map(Number);
  return { family: 4, value: bytesToBigInt(bytes), text: bytes.join('.') };
}

/** Parses "ADDR/LEN" the way Go's netip.ParsePrefix does. */
export function parseCidr(text: string): ParsedCidr | undefined {
  if (typeof text !== 'string') return undefined;
  const known = cidrMemo.get(text);
  if (known !== undefined) return known ?? undefined;
  // Very long texts are never valid; keep them out of the memo.
  if (text.length > 70) return undefined;
  return remember(cidrMemo, text, parseCidrUncached(text));
}

function parseCidrUncached(text: string): ParsedCidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0 || slash !== text.lastIndexOf('/')) return undefined;
  const address = parseIp(text.slice(0, slash));
  const lenText = text.slice(slash + 1);
  if (!address || !/^(0|[1-9]\d{0,2})$/.test(lenText)) return undefined;
  const prefix = Number(lenText);
  const width = bits(address.family);
  if (prefix > width) return undefined;
  const hostMask = (1n << BigInt(width - prefix)) - 1n;
  const first = address.value & ~hostMask & ((1n << BigInt(width)) - 1n);
  const last = first | hostMask;
  return {
    family: address.family,
    address,
    prefix,
    first,
    last,
    hostBitsSet: first !== address.value,
    network: `${bigIntToText(first, address.family)}/${prefix}`,
  };
}

export function ipText(value: bigint, family: IpFamily): string {
  return bigIntToText(value, family);
}

export function containsIp(cidr: ParsedCidr, ip: ParsedIp): boolean {
  return cidr.family === ip.family && ip.value >= cidr.first && ip.value <= cidr.last;
}

/** True when `inner` lies entirely inside `outer`. */
export function containsCidr(outer: ParsedCidr, inner: ParsedCidr): boolean {
  return outer.family === inner.family && inner.first >= outer.first && inner.last <= outer.last;
}

export function overlaps(a: ParsedCidr, b: ParsedCidr): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

/** Number of addresses in the block. */
export function blockSize(cidr: ParsedCidr): bigint {
  return cidr.last - cidr.first + 1n;
}

/**
 * "16,777,216": what `toLocaleString('en-US')` writes, without it. The first
 * toLocaleString call loads ICU number formatting (about 20–90 ms and 9 MB of memory),
 * which a drop-in or Compose file paid on open just to describe a NO_PROXY range.
 */
export function groupDigits(n: bigint): string {
  const digits = (n < 0n ? -n : n).toString();
  let out = '';
  for (let i = digits.length; i > 0; i -= 3) out = digits.slice(Math.max(0, i - 3), i) + (out ? ',' + out : '');
  return (n < 0n ? '-' : '') + out;
}

/** A one-line human summary for hovers: "10.0.0.0 – 10.0.0.255 (256 addresses)". */
export function describeRange(cidr: ParsedCidr): string {
  const size = blockSize(cidr);
  const sizeText = size > 1_000_000_000_000n ? `2^${bits(cidr.family) - cidr.prefix}` : groupDigits(size);
  // @vscode/l10n: configured by the server at initialize, and by the client at activation (#23).
  return size === 1n
    ? l10n.t('{0} – {1} (1 address)', ipText(cidr.first, cidr.family), ipText(cidr.last, cidr.family))
    : l10n.t('{0} – {1} ({2} addresses)', ipText(cidr.first, cidr.family), ipText(cidr.last, cidr.family), sizeText);
}

/**
 * The first block of `/prefix` inside one of `pools` that overlaps none of `taken`.
 * Used to propose a free subnet (compose completion and quick fix, Create network).
 */
export function findFreeSubnet(pools: readonly string[], prefix: number, taken: readonly ParsedCidr[]): string | undefined {
  for (const poolText of pools) {
    const pool = parseCidr(poolText);
    if (!pool || prefix < pool.prefix || prefix > bits(pool.family)) continue;
    const step = 1n << BigInt(bits(pool.family) - prefix);
    // Bounded: at most 65,536 candidates per pool, so a crowded file cannot stall a request.
    let n = 0;
    for (let first = pool.first; first + step - 1n <= pool.last && n < 65536; first += step, n++) {
      const candidate: ParsedCidr = {
        family: pool.family,
        address: { family: pool.family, value: first, text: ipText(first, pool.family) },
        prefix,
        first,
        last: first + step - 1n,
        hostBitsSet: false,
        network: `${ipText(first, pool.family)}/${prefix}`,
      };
      if (!taken.some((t) => overlaps(t, candidate))) return candidate.network;
    }
  }
  return undefined;
}
