import type { FileKind } from './shared/fileKinds';

/**
 * A small representative document per file kind that the server runs every feature on
 * once, right after start, so that the first real document does not pay for lazy tables
 * and cold code (a first validation costs up to ten times a warm one, #8).
 */
export const WARM_UP_SAMPLES: Readonly<Record<FileKind, string>> = {
  daemonJson:
    '{"debug": true, "bip": "198.18.0.1/24", "dns": ["198.18.0.53"], "labels": ["a=b"], "log-driver": "json-file", "log-opts": {"max-size": "10m"}, "default-address-pools": [{"base": "198.19.0.0/16", "size": 24}], "registry-mirrors": ["https://m.example"], "proxies": {"http-proxy": "http://p:3128"}}\n',
  compose:
    'services:\n  web:\n    image: x\n    networks:\n      front:\n        ipv4_address: 198.18.0.10\n  db:\n    network_mode: service:web\nnetworks:\n  front:\n    ipam:\n      config:\n        - subnet: 198.18.0.0/24\n          gateway: 198.18.0.1\n',
  // Quoted and plain Environment= words take different paths through the word splitter;
  // each block starts with empty Environment= and ExecStart= lines so that the sample
  // stays a correct file (no variable or command set twice).
  systemdDropin:
    '[Service]\n' +
    (
      'Environment=\nEnvironment="HTTP_PROXY=http://proxy.example.com:3128" "NO_PROXY=localhost,127.0.0.1,10.0.0.0/8,.example.com"\n' +
      'Environment=HTTPS_PROXY=http://proxy.example.com:3128 LANG=C.UTF-8\nExecStart=\nExecStart=/usr/bin/dockerd\n'
    ).repeat(4),
};
