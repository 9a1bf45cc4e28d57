#!/usr/bin/env bash
# Runs the distributed shape on this machine without Docker: the relay, the projector, the five
# context services and the gateway, each its own Node process, on PostgreSQL and Kafka (infra/up).
# Ctrl-C (or SIGTERM) stops them all gracefully. Logs: $LOG_DIR/<process>.log (JSON lines, pino).
#
#   bash infra/up                      # PostgreSQL on :5432, Kafka on :9092
#   SEALING_KEY=$(head -c32 /dev/urandom | base64) npm run start:distributed
#
# Environment (defaults in brackets): DATABASE_URL [postgres://postgres@127.0.0.1:5432/tenderledger],
# KAFKA_BROKERS [127.0.0.1:9092], TOPIC_PREFIX [tenderledger], SEALING_KEY (required: 32 bytes, base64),
# AUTH_MODE [jwt: set JWT_SECRET or JWT_JWKS_URL; AUTH_MODE=dev only for trying it out],
# DEV_CLOCK=shared (dev only: one movable clock for every process), PORT of the gateway [3000],
# TENDERING_INSTANCES [1], LOG_DIR [./logs/distributed], SERVICE_PORT_BASE [3100]: the other processes'
# health ports are base+1 … base+7 (tendering instances base+11, base+12, …).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
: "${SEALING_KEY:?SEALING_KEY is required (32 bytes, base64): every process that seals or opens bids needs the same key}"
export SEALING_KEY EVENT_STORE=postgres KAFKAJS_NO_PARTITIONER_WARNING=1
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/tenderledger}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}" TOPIC_PREFIX="${TOPIC_PREFIX:-tenderledger}"
LOG_DIR="${LOG_DIR:-$ROOT/logs/distributed}"
mkdir -p "$LOG_DIR"
node scripts/build.cjs

pids=()
start() { # start <name> <app> <port> [VAR=value…]
  local name=$1 app=$2 port=$3; shift 3
  env PORT="$port" RELAY_PORT="$port" INSTANCE_ID="$name" "$@" node "dist/apps/$app/src/main.js" >"$LOG_DIR/$name.log" 2>&1 &
  pids+=($!)
  printf '%-12s pid %-7s health http://127.0.0.1:%s/health  log %s\n' "$name" "$!" "$port" "$LOG_DIR/$name.log"
}
wait_healthy() { # wait_healthy <name> <port>
  for _ in $(seq 240); do curl -fs "http://127.0.0.1:$2/health" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "$1 did not become healthy; see $LOG_DIR/$1.log" >&2; return 1
}
stop_all() { for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; wait; }
trap stop_all INT TERM EXIT

# The projector first: the first process installs the store's schema in an empty database.
B="${SERVICE_PORT_BASE:-3100}"
start projector projector $((B + 6)); wait_healthy projector $((B + 6))
start relay relay $((B + 7))
start registry registry $((B + 1))
for i in $(seq "${TENDERING_INSTANCES:-1}"); do start "tendering-$i" tendering $((B + 10 + i)); done
start bidding bidding $((B + 3))
start evaluation evaluation $((B + 4))
start award award $((B + 5))
for p in $((B + 7)) $((B + 1)) $((B + 11)) $((B + 3)) $((B + 4)) $((B + 5)); do wait_healthy "port $p" "$p"; done
start gateway gateway "${PORT:-3000}"; wait_healthy gateway "${PORT:-3000}"
echo "TenderLedger distributed shape: http://localhost:${PORT:-3000} (API docs /docs). Ctrl-C stops every process."
wait
