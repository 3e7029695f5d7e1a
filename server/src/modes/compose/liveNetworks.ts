import type { ModeContext } from '../languageMode';
import type { LiveNetwork } from '../../shared/protocol';

/**
 * The connected Engine's networks as the client pushed them, reduced to the entries
 * this mode can read: an object with a string `name`, and of its `subnets` only the
 * objects with a string `subnet`. The list crosses a process boundary and comes from
 * an Engine API answer, so one odd entry must cost that entry, not every Compose
 * validation (#15 item 7: a non-object entry made each one throw).
 */
export function liveNetworks(ctx: ModeContext): LiveNetwork[] {
  const out: LiveNetwork[] = [];
  if (!Array.isArray(ctx.liveNetworks)) return out;
  for (const n of ctx.liveNetworks as unknown[]) {
    if (!isObject(n) || typeof n.name !== 'string') continue;
    const subnets = Array.isArray(n.subnets) ? n.subnets.filter((s): s is LiveNetwork['subnets'][number] => isObject(s) && typeof s.subnet === 'string') : [];
    out.push({ ...(n as unknown as LiveNetwork), driver: typeof n.driver === 'string' ? n.driver : '', subnets });
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
