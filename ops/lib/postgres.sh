# shellcheck shell=bash
# Local PostgreSQL clusters for Recon: one persistent cluster for `recon up`, throwaway ones for `recon test`.
# A cluster lives in a folder of its own (data, socket, log), listens on 127.0.0.1 only, on a port of its own.

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    return 1
  fi
  echo "$dir"
}

ensure_postgres_installed() {
  if pg_bin_dir >/dev/null; then return 0; fi
  log "PostgreSQL server binaries not found: installing Debian's postgresql package"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  # Debian's package starts its own cluster on 5432; Recon does not use it.
  pg_bin_dir >/dev/null || die "PostgreSQL installation failed: no initdb under /usr/lib/postgresql/*/bin"
}

# The folder a cluster may live in. initdb refuses root, so as root the cluster belongs to the `postgres` user;
# when that user cannot reach the repository folder (e.g. a clone under /root), the cluster lives under /var/tmp
# and the repository keeps a symlink to it.
cluster_home() {
  local wanted="$1"
  mkdir -p "$(dirname "$wanted")"
  if [ "$(id -u)" -ne 0 ]; then
    mkdir -p "$wanted"; echo "$wanted"; return
  fi
  if [ -L "$wanted" ]; then readlink -f "$wanted"; return; fi
  mkdir -p "$wanted"
  chown postgres:postgres "$wanted"
  if runuser -u postgres -- test -w "$wanted"; then
    echo "$wanted"; return
  fi
  rmdir "$wanted"
  local outside
  outside="/var/tmp/recon-pg-$(echo "$wanted" | sha1sum | cut -c1-12)"
  mkdir -p "$outside"; chown postgres:postgres "$outside"
  ln -sfn "$outside" "$wanted"
  echo "$outside"
}

as_cluster_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_start HOME PORT [fast]: initialises the cluster when new, then starts it (no-op when already running).
pg_start() {
  local home="$1" port="$2" mode="${3:-durable}" bin
  bin=$(pg_bin_dir)
  if [ ! -f "$home/data/PG_VERSION" ]; then
    log "Creating PostgreSQL cluster in $home (port $port)"
    as_cluster_owner mkdir -p "$home/data" "$home/socket"
    as_cluster_owner "$bin/initdb" -D "$home/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$home/initdb.log" 2>&1 || { cat "$home/initdb.log" >&2; die "initdb failed"; }
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $port"
      echo "unix_socket_directories = '$home/socket'"
      echo "max_connections = 200"
      if [ "$mode" = fast ]; then
        echo "fsync = off"; echo "synchronous_commit = off"; echo "full_page_writes = off"
      fi
    } | as_cluster_owner tee -a "$home/data/postgresql.conf" >/dev/null
  fi
  if as_cluster_owner "$bin/pg_ctl" -D "$home/data" status >/dev/null 2>&1; then
    return 0
  fi
  as_cluster_owner "$bin/pg_ctl" -D "$home/data" -l "$home/postgres.log" -w -t 60 start >/dev/null \
    || { tail -n 30 "$home/postgres.log" >&2; die "PostgreSQL did not start (log: $home/postgres.log)"; }
}

pg_stop() {
  local home="$1" bin
  bin=$(pg_bin_dir) || return 0
  [ -f "$home/data/PG_VERSION" ] || return 0
  as_cluster_owner "$bin/pg_ctl" -D "$home/data" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_ensure_database HOME PORT DB USER PASSWORD: creates (or updates the password of) the role and its database.
pg_ensure_database() {
  local home="$1" port="$2" db="$3" user="$4" password="$5"
  local psql=(psql -X -q -v ON_ERROR_STOP=1 -h "$home/socket" -p "$port" -U postgres -d postgres)
  as_cluster_owner "${psql[@]}" -v user="$user" -v password="$password" -v db="$db" <<'SQL' >/dev/null
SELECT format('CREATE ROLE %I LOGIN', :'user') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'user', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  die "no free TCP port found"
}

# A cluster for one test or benchmark run: random port, fsync off, removed by stop_throwaway_postgres.
# Exports ConnectionStrings__Recon.
start_throwaway_postgres() {
  TEST_PG_LINK="$ROOT/.data/pg-test-$$"
  TEST_PG_HOME=$(cluster_home "$TEST_PG_LINK")
  local port
  port=$(free_port)
  pg_start "$TEST_PG_HOME" "$port" fast
  pg_ensure_database "$TEST_PG_HOME" "$port" recon_test recon recon
  export ConnectionStrings__Recon="Host=127.0.0.1;Port=$port;Database=recon_test;Username=recon;Password=recon"
}

stop_throwaway_postgres() {
  if [ -n "${TEST_PG_HOME:-}" ]; then
    pg_stop "$TEST_PG_HOME"
    rm -rf "$TEST_PG_HOME" "$TEST_PG_LINK"
    TEST_PG_HOME=""
  fi
}
