#!/usr/bin/env bash
# Builds the image the tests run containers from, without a registry: Debian's
# static busybox, imported as docker-networking-test/busybox:latest. Idempotent.
set -euo pipefail
IMAGE=docker-networking-test/busybox:latest
# BUSYBOX_SOCKET names another Engine (a throw-away one of the release tests, #18).
SOCK=${BUSYBOX_SOCKET:-/var/run/docker.sock}
if curl -sf --unix-socket "$SOCK" "http://localhost/images/$IMAGE/json" >/dev/null; then echo "$IMAGE exists"; exit 0; fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/bin"
cp /bin/busybox "$dir/bin/busybox"
for app in sh sleep ip ifconfig cat ls; do ln -s busybox "$dir/bin/$app"; done
tar -C "$dir" -c . | curl -sf --unix-socket "$SOCK" -X POST -H 'Content-Type: application/x-tar' \
  --data-binary @- "http://localhost/images/create?fromSrc=-&repo=docker-networking-test/busybox&tag=latest" >/dev/null
echo "imported $IMAGE"
