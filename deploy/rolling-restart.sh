#!/usr/bin/env bash
# Restarts the Hearth instances one at a time (after an upgrade: `npm ci && npm run build`
# first). Each one leaves HAProxy's rotation before it stops and is healthy again before
# the next goes, so people see no error. Usage: deploy/rolling-restart.sh 3001 3002 3003
set -euo pipefail
for port in "${@:-3001 3002 3003}"; do
	systemctl restart "hearth@${port}"
	for _ in $(seq 1 120); do
		curl -fsS "http://127.0.0.1:${port}/healthz" > /dev/null 2>&1 && break
		sleep 0.5
	done
	curl -fsS "http://127.0.0.1:${port}/healthz" > /dev/null || { echo "hearth@${port} is not healthy: stopping here." >&2; exit 1; }
	# HAProxy puts it back after two good checks (rise 2, inter 500ms).
	sleep 1.5
	echo "hearth@${port}: back in rotation."
done
