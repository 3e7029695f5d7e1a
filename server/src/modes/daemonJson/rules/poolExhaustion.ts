import * as l10n from '@vscode/l10n';
import { sentences } from '../../localized';
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
  const networks = (n: number): string => (n === 1 ? l10n.t('1 network') : l10n.t('{0} networks', n));
  const takenBy = [
    c.bridge ? l10n.t('the default bridge takes {0}', c.bridge) : '',
    c.live ? l10n.t('live networks of the connected Engine take {0}', c.live) : '',
    c.explicit ? l10n.t('Compose networks with their own subnet take {0}', c.explicit) : '',
  ].filter(Boolean);
  const projects = c.demand.map((d) => `${d.project}: ${d.networks}`).join(', ');
  const allow = takenBy.length
    ? l10n.t('These pools allow {0}; {1}, leaving {2}.', networks(c.total), takenBy.join(', '), Math.max(free, 0))
    : l10n.t('These pools allow {0}, leaving {1}.', networks(c.total), Math.max(free, 0));
  const fails =
    wanted > 0
      ? l10n.t('The workspace\'s Compose projects create {0} without a subnet ({1}), so {2} of them will fail with "could not find an available, non-overlapping IPv4 address pool".', networks(wanted), projects, wanted - Math.max(free, 0))
      : l10n.t('The next `docker network create` without --subnet will fail with "could not find an available, non-overlapping IPv4 address pool".');
  out.push(
    problemAt(
      prop.key,
      'warning',
      'address-pools-exhausted',
      sentences(allow, fails, l10n.t('Use a larger base, or a longer size (each added bit doubles the number of networks a pool gives).')),
    ),
  );
  return out;
};
