# Kafka broker mechanics shared by infra/up (start) and infra/kafka-restart (stop + start again).
# Sourced, not run. The caller sets ROOT (the checkout root) and may set, before sourcing:
#   KAFKA_STATE            where the broker's files live (default $ROOT/.infra, or the directory of
#                          KAFKA_PID_FILE when that is given): kafka.pid, kafka.log, server.properties,
#                          kafka-data/
#   KAFKA_PID_FILE         the pid file (default $KAFKA_STATE/kafka.pid)
#   KAFKA_PORT             client port (default 9092; for an existing server.properties, its own)
#   KAFKA_CONTROLLER_PORT  KRaft controller port (default KAFKA_PORT + 1)
#   KAFKA_CACHE            where the broker jars are kept (default ~/.cache/tenderledger/kafka-<version>)
# A second broker for disruptive tests is the same thing with other values (see infra/kafka-restart).

if [[ -n "${KAFKA_PID_FILE:-}" ]]; then
  KAFKA_STATE="${KAFKA_STATE:-$(cd "$(dirname "$KAFKA_PID_FILE")" 2>/dev/null && pwd || dirname "$KAFKA_PID_FILE")}"
fi
KAFKA_STATE="${KAFKA_STATE:-$ROOT/.infra}"
PIDFILE="${KAFKA_PID_FILE:-$KAFKA_STATE/kafka.pid}"
KAFKA_CONFIG="$KAFKA_STATE/server.properties"
DATA="$KAFKA_STATE/kafka-data"
LOG="$KAFKA_STATE/kafka.log"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$ROOT/infra/kafka/pom.xml")"
CACHE="${KAFKA_CACHE:-$HOME/.cache/tenderledger/kafka-$KAFKA_VERSION}"
# An existing config names the port its broker was started on.
if [[ -z "${KAFKA_PORT:-}" && -f "$KAFKA_CONFIG" ]]; then
  KAFKA_PORT="$(sed -n 's|^advertised.listeners=PLAINTEXT://[^:]*:\([0-9]*\).*|\1|p' "$KAFKA_CONFIG")"
fi
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_JAVA=(java -cp "$CACHE/libs/*" -Dorg.slf4j.simpleLogger.showDateTime=true
  -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS)

# True only if the pid is alive AND is a Kafka broker (pids get recycled after a reboot).
is_broker() { tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" | grep -q 'kafka\.Kafka'; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Waits until the broker answers a real client request: kafka_wait <seconds> [pid]
kafka_wait() {
  local args=(--timeout "$1")
  if [[ -n "${2:-}" ]]; then args+=(--pid "$2"); fi
  env KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT" node "$ROOT/infra/wait-kafka.cjs" "${args[@]}"
}

# Single-node KRaft: this one process is both broker and controller, and every internal
# topic has replication factor 1. auto.create.topics lets tests use fresh topic names.
kafka_write_config() {
  mkdir -p "$DATA"
  cat >"$KAFKA_CONFIG" <<EOC
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DATA
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOC
}

# KRaft refuses to start on an unformatted log dir; format once with a fresh cluster id.
# Returns non-zero if formatting failed.
kafka_format_once() {
  [[ -f "$DATA/meta.properties" ]] && return 0
  # A cluster id is 16 random bytes in base64url (what `kafka-storage random-uuid` prints,
  # without a JVM start); one starting with '-' would read as a command-line option.
  local cluster_id
  cluster_id="$(node -e "let id; do id = require('crypto').randomBytes(16).toString('base64url');
    while (id.startsWith('-')); process.stdout.write(id)")"
  say "kafka: formatting $DATA (cluster id $cluster_id)"
  "${KAFKA_JAVA[@]}" kafka.tools.StorageTool format --config "$KAFKA_CONFIG" \
    --cluster-id "$cluster_id" >>"$LOG" 2>&1
}

# One log per broker start; the previous one is kept as kafka.log.1. kafka_new_log <who>
kafka_new_log() {
  if [[ -f "$LOG" ]]; then mv -f "$LOG" "$LOG.1"; fi
  echo "=== $1 $(date -Is) ===" >"$LOG"
}

# Starts the broker on the existing config and data in the background; records its pid.
kafka_launch() {
  # setsid + nohup: the broker outlives this script and the terminal/CI step that ran it.
  nohup setsid "${KAFKA_JAVA[@]}" -Xmx512m kafka.Kafka "$KAFKA_CONFIG" \
    >>"$LOG" 2>&1 </dev/null &
  echo $! >"$PIDFILE"
}

# Stops the broker whose pid is in PIDFILE: SIGTERM, then SIGKILL after 20 s. Keeps its data.
kafka_stop() {
  local pid
  pid="$(cat "$PIDFILE")"
  kill "$pid" 2>/dev/null || true
  # A clean KRaft shutdown takes a few seconds; give it 20 s before forcing it.
  for _ in $(seq 40); do is_broker "$pid" || break; sleep 0.5; done
  if is_broker "$pid"; then
    say "kafka: still running after 20 s, killing it"
    kill -9 "$pid" 2>/dev/null || true
    sleep 1
  fi
}
