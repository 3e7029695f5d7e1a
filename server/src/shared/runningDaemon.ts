/**
 * What the running dockerd reports of its own configuration in `GET /info` (#17: restart
 * pending), projected tolerantly: the reply crosses a process boundary and older APIs
 * lack fields, so a missing or odd field is left undefined, never guessed. Used by the
 * client (which asks /info) and the language server (which compares it with daemon.json).
 * Field names: moby api/swagger.yaml `SystemInfo`, `RegistryServiceConfig`.
 */
export interface RunningDaemon {
  registryMirrors?: string[];
  /** `InsecureRegistryCIDRs`. */
  insecureCidrs?: string[];
  /** Registries of `IndexConfigs` with `Secure: false`. */
  insecureNames?: string[];
  labels?: string[];
  loggingDriver?: string;
  cgroupDriver?: string;
  liveRestore?: boolean;
  defaultAddressPools?: { base: string; size: number }[] | null;
  /** As /info gives them: credentials masked. */
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function runningDaemonOf(info: unknown): RunningDaemon | undefined {
  const i = obj(info);
  if (!i) return undefined;
  const reg = obj(i.RegistryConfig);
  const index = obj(reg?.IndexConfigs);
  const pools = i.DefaultAddressPools === null ? null : Array.isArray(i.DefaultAddressPools) ? i.DefaultAddressPools.map(obj).filter((p): p is Record<string, unknown> => !!p && typeof p.Base === 'string' && typeof p.Size === 'number').map((p) => ({ base: p.Base as string, size: p.Size as number })) : undefined;
  return {
    registryMirrors: strings(reg?.Mirrors),
    insecureCidrs: strings(reg?.InsecureRegistryCIDRs),
    insecureNames: index ? Object.entries(index).filter(([, c]) => obj(c)?.Secure === false).map(([name]) => name) : undefined,
    labels: strings(i.Labels),
    loggingDriver: str(i.LoggingDriver),
    cgroupDriver: str(i.CgroupDriver),
    liveRestore: typeof i.LiveRestoreEnabled === 'boolean' ? i.LiveRestoreEnabled : undefined,
    defaultAddressPools: pools,
    httpProxy: str(i.HttpProxy),
    httpsProxy: str(i.HttpsProxy),
    noProxy: str(i.NoProxy),
  };
}

/** A RunningDaemon that crossed a process boundary, keeping only fields of the right type. */
export function checkRunningDaemon(value: unknown): RunningDaemon | undefined {
  const v = obj(value);
  if (!v) return undefined;
  const pools = v.defaultAddressPools === null ? null : Array.isArray(v.defaultAddressPools) ? v.defaultAddressPools.map(obj).filter((p): p is Record<string, unknown> => !!p && typeof p.base === 'string' && typeof p.size === 'number').map((p) => ({ base: p.base as string, size: p.size as number })) : undefined;
  return {
    registryMirrors: strings(v.registryMirrors),
    insecureCidrs: strings(v.insecureCidrs),
    insecureNames: strings(v.insecureNames),
    labels: strings(v.labels),
    loggingDriver: str(v.loggingDriver),
    cgroupDriver: str(v.cgroupDriver),
    liveRestore: typeof v.liveRestore === 'boolean' ? v.liveRestore : undefined,
    defaultAddressPools: pools,
    httpProxy: str(v.httpProxy),
    httpsProxy: str(v.httpsProxy),
    noProxy: str(v.noProxy),
  };
}
