import { poolCapacity } from '../../host/poolCapacity';
import type { DaemonJsonProblem, DaemonJsonRule } from '../model';
import { problemAt } from '../problemAt';

/**
 * `default-address-pools` too small for what the host will create (#17): the networks
 * the pools allow, less the default bridge, the connected Engine's live networks and the
 * explicit subnets of the workspace's Compose projects, against the networks without a
 * subnet those projects create. When they run out, `docker network create` and
 * `docker compose up` fail with "could not find an available, non-overlapping IPv4
 * address pool among the defaults to assign to the network". Seen on public files:
 * `{"base": "10.0.0.0/8", "size": 8}` allows one network, which the default bridge takes.
 *
 * Reads the workspace, so the per-document memo reruns it on every validation.
 */
export const poolExhaustion: DaemonJsonRule = (model, ctx) => {
  const out: DaemonJsonProblem[] = [];
  const prop = model.top.get('default-address-pools');
  if (!prop) return out;
  const c = poolCapacity(model, ctx);
  if (!c) return out;
  const free = c.total - c.bridge - c.live - c.explicit;
  const wanted = c.demand.reduce((s, d) => s + d.networks, 0);
  if (free >= wanted && free > 0) return out;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const takenBy = [
    c.bridge ? `the default bridge takes ${c.bridge}` : '',
    c.live ? `live networks of the connected Engine take ${c.live}` : '',
    c.explicit ? `Compose networks with their own subnet take ${c.explicit}` : '',
  ].filter(Boolean);
  const projects = c.demand.map((d) => `${d.project}: ${d.networks}`).join(', ');
  const need = wanted > 0 ? ` The workspace's Compose projects create ${plural(wanted, 'network')} without a subnet (${projects}), so ${wanted - Math.max(free, 0)} of them will fail` : ' The next `docker network create` without --subnet will fail';
  out.push(
    problemAt(
      prop.key,
      'warning',
      'address-pools-exhausted',
      `These pools allow ${plural(c.total, 'network')}${takenBy.length ? `; ${takenBy.join(', ')}` : ''}, leaving ${Math.max(free, 0)}.${need} with "could not find an available, non-overlapping IPv4 address pool". Use a larger base, or a longer size (each added bit doubles the number of networks a pool gives).`,
    ),
  );
  return out;
};
