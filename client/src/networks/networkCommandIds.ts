/**
 * Command ids of the Docker Networks view, declared once (package.json's
 * `contributes.commands` lists the same ids). No vscode import: the tree model uses them.
 */
export const NetworkCommandIds = {
  refresh: 'dockerNetworking.networks.refresh',
  retry: 'dockerNetworking.networks.retry',
  inspect: 'dockerNetworking.networks.inspect',
  create: 'dockerNetworking.networks.create',
  remove: 'dockerNetworking.networks.remove',
  prune: 'dockerNetworking.networks.prune',
  connectContainer: 'dockerNetworking.networks.connectContainer',
  disconnectContainer: 'dockerNetworking.networks.disconnectContainer',
  copyId: 'dockerNetworking.networks.copyId',
  copySubnet: 'dockerNetworking.networks.copySubnet',
  copyAddress: 'dockerNetworking.networks.copyAddress',
  showSubnetMap: 'dockerNetworking.networks.showSubnetMap',
  setTargetEngine: 'dockerNetworking.networks.setTargetEngine',
} as const;

export const NETWORKS_VIEW_ID = 'dockerNetworking.networks';
/** Settings of the view, under `dockerNetworking.`. */
export const NETWORK_SETTINGS = {
  hideBuiltin: 'networks.hideBuiltin',
  sortBy: 'networks.sortBy',
  groupByProject: 'networks.groupByProject',
  requestTimeout: 'networks.requestTimeout',
} as const;

/** Machine settings of the Engine list (#22), under `dockerNetworking.`. */
export const ENGINE_SETTINGS = {
  engines: 'engines',
  hiddenEngines: 'hiddenEngines',
} as const;
