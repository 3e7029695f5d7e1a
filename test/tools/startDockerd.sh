#!/usr/bin/env bash
# Starts the machine's dockerd when /var/run/docker.sock does not answer /_ping, and
# waits (bounded) until it does. On failure prints dockerd's log and exits non-zero.
set -uo pipefail
SOCK=/var/run/docker.sock
LOG=${DOCKERD_LOG:-/tmp/docker-networking-dockerd.log}
ping() { curl -sf --max-time 2 --unix-socket "$SOCK" http://localhost/_ping >/dev/null 2>&1; }

if ping; then echo "dockerd already answers on $SOCK"; exit 0; fi
if ! command -v dockerd >/dev/null; then echo "dockerd is not installed" >&2; exit 1; fi
# A stale socket or pid file from a killed daemon would stop a new one.
if [ -S "$SOCK" ] || [ -f /var/run/docker.pid ]; then
  pid=$(cat /var/run/docker.pid 2>/dev/null || true)
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then rm -f "$SOCK" /var/run/docker.pid; fi
fi
echo "starting dockerd (log: $LOG)"
nohup dockerd >"$LOG" 2>&1 </dev/null &
for _ in $(seq 1 120); do
  if ping; then echo "dockerd is up: $(curl -s --unix-socket "$SOCK" http://localhost/version | head -c 200)"; exit 0; fi
  sleep 0.5
done
echo "dockerd did not answer /_ping within 60 s; its log:" >&2
tail -n 80 "$LOG" >&2
exit 1
