#!/usr/bin/env bash
# Fetches newer Docker Engines and real Compose v2 from Debian's own archive, for the
# tests that compare our verdicts with every release (#18), without installing anything
# system-wide: `apt-get download` with a private sources list and lists folder, then
# `dpkg -x` into a per-machine cache:
#
#   ${XDG_CACHE_HOME:-$HOME/.cache}/docker-networking/releases/<suite>/usr/sbin/dockerd
#   ${XDG_CACHE_HOME:-$HOME/.cache}/docker-networking/releases/<suite>/usr/libexec/docker/cli-plugins/docker-compose
#
# Suites: trixie (docker.io 26.1, docker-compose 2.26) and sid (docker.io 28.5,
# docker-compose 2.40 when written; sid moves, so nothing here names a version: the tests
# read it from the binaries, test/util/releases.ts). The mirror is the one the machine's
# apt sources already name. Idempotent: a suite whose `.complete` marker exists is not
# fetched again, so once cached it works offline. A suite is extracted into a temporary
# sibling folder and renamed into place only when complete.
# RELEASES_SUITES="trixie sid" (default) picks suites; RELEASES_REFRESH=1 fetches again.
set -euo pipefail
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/docker-networking/releases
SUITES=${RELEASES_SUITES:-trixie sid}
PACKAGES=(docker.io docker-compose)

log() { printf '[releases] %s\n' "$*" >&2; }

mirror() {
  local f uri=
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk '/^URIs:/ && $2 ~ /\/debian\/?$/ {print $2; exit}' "$f")
    [ -n "$uri" ] && break
  done
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" && $2 ~ /\/debian\/?$/ {print $2; exit}' /etc/apt/sources.list)
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

fetch_suite() {
  local suite=$1 dest=$CACHE/$1 apt=$CACHE/.apt-$1
  if [ -f "$dest/.complete" ] && [ "${RELEASES_REFRESH:-0}" != 1 ]; then
    log "$suite: cached in $dest"
    return 0
  fi
  command -v apt-get >/dev/null && command -v dpkg >/dev/null || { log "apt-get and dpkg are needed"; return 1; }
  local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  [ -f "$keyring" ] || { log "$keyring is missing (package debian-archive-keyring)"; return 1; }
  mkdir -p "$apt/lists/partial" "$apt/debs"
  echo "deb [signed-by=$keyring] $(mirror) $suite main" >"$apt/sources.list"
  # Only our own sources, lists and cache: the machine's apt state is left as it is.
  local o=(-o "Dir::Etc::sourcelist=$apt/sources.list" -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$apt/lists"
    -o "Dir::Cache=$apt/cache" -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
  log "$suite: apt-get update (private lists in $apt)"
  apt-get "${o[@]}" -qq update
  rm -f "$apt/debs/"*.deb
  log "$suite: apt-get download ${PACKAGES[*]}"
  (cd "$apt/debs" && apt-get "${o[@]}" -qq download "${PACKAGES[@]}")
  local tmp=$dest.partial
  rm -rf "$tmp"
  mkdir -p "$tmp"
  local deb
  for deb in "$apt/debs/"*.deb; do dpkg -x "$deb" "$tmp"; done
  [ -x "$tmp/usr/sbin/dockerd" ] || { log "$suite: no usr/sbin/dockerd in docker.io"; return 1; }
  ls "$apt/debs" >"$tmp/.complete"
  rm -rf "$dest"
  mv "$tmp" "$dest"
  rm -rf "$apt"
  log "$suite: $("$dest/usr/sbin/dockerd" --version 2>&1 | head -n1)"
}

for suite in $SUITES; do fetch_suite "$suite"; done
