#!/usr/bin/env bash
# Installs VS Code's server build, as shipped in the npm package `code-server`, into a
# per-machine cache keyed by version, once. Used by `npm start` (when no `code` is on
# PATH) and by `npm run test:e2e`. Prints the install folder on its last line.
#
# Why each detour (the steps were first worked out by hand on a Debian 12 machine):
# - 4.100.3 is VS Code 1.100 and declares node 20, which these machines have.
# - install scripts are skipped: @vscode/ripgrep's downloads a binary (no internet here),
#   so Debian's rg is linked in instead; code-server's own refuses to run as root.
# - native modules are rebuilt against the local node; node-pty's rebuild calls npx,
#   hence npm_config_yes=true.
# The build goes into a temporary sibling folder and is renamed into place only when
# complete, so an interrupted install never leaves a half-built cache behind.
set -euo pipefail
VERSION=${CODE_SERVER_VERSION:-4.100.3}
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/docker-networking
DEST=$CACHE/code-server-$VERSION
export npm_config_loglevel=error npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

if [ -f "$DEST/.complete" ]; then echo "$DEST"; exit 0; fi

log() { printf '[code-server] %s\n' "$*" >&2; }

# Debian packages the native rebuilds and the search need.
need=()
for pkg in libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev pkg-config ripgrep; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
command -v make >/dev/null && command -v g++ >/dev/null && command -v python3 >/dev/null || need+=(build-essential python3)
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing Debian packages: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    log "missing Debian packages: ${need[*]}"
    log "install them first: sudo apt-get install -y ${need[*]}"
    exit 1
  fi
fi

mkdir -p "$CACHE"
WORK=$(mktemp -d "$CACHE/.code-server-$VERSION.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
log "downloading code-server@$VERSION from the npm registry (once per machine; a few minutes, ~300 MB)"
npm pack --silent "code-server@$VERSION" >/dev/null
tar xzf "code-server-$VERSION.tgz"
cd package
log "1/5 installing code-server's dependencies"
npm install --omit=dev --ignore-scripts --no-save >/dev/null
npm_config_yes=true npm rebuild argon2 >/dev/null
log "2/5 installing VS Code's dependencies"
(cd lib/vscode && npm install --omit=dev --ignore-scripts --no-save >/dev/null)
log "3/5 rebuilding native modules (node-pty, watcher, spdlog, ...)"
(cd lib/vscode && npm_config_yes=true npm rebuild @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog node-pty >/dev/null)
log "4/5 linking Debian's ripgrep and the helper scripts"
(cd lib/vscode \
  && mkdir -p node_modules/@vscode/ripgrep/bin \
  && ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg \
  && ln -sfn node_modules node_modules.asar \
  && (cd bin/remote-cli && ln -sf code-linux.sh code-server) \
  && (cd bin/helpers && ln -sf browser-linux.sh browser.sh))
log "5/5 installing the built-in extensions' dependencies"
(cd lib/vscode/extensions && npm install --omit=dev --ignore-scripts --no-save >/dev/null)
node out/node/entry.js --version >/dev/null
touch .complete
cd "$CACHE"
rm -rf "$DEST"
mv "$WORK/package" "$DEST"
log "installed in $DEST"
echo "$DEST"
