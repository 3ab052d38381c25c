# shellcheck shell=bash
# Helpers shared by the ops scripts.

log() { printf '\033[1;34m[recon]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[recon] error:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "'$*' needs root (or sudo)"; fi
}

APT_UPDATED=""
apt_install() {
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_toolchain() {
  command -v dotnet >/dev/null || die "the .NET SDK is missing: install .NET 10 (https://dot.net)"
  command -v node >/dev/null || die "Node.js is missing: install Node 20"
  command -v npm >/dev/null || die "npm is missing: install Node 20 with npm"
  local node_major
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$node_major" -ge 20 ] || die "Node $node_major found; Recon's SPA needs Node 20 or newer"
  local npm_major
  npm_major=$(npm --version | cut -d. -f1)
  [ "$npm_major" -ge 11 ] || die "npm $(npm --version) found; the SPA's build (Vite 8) needs npm 11: run 'npm install -g npm@11'"
  command -v curl >/dev/null || apt_install curl
  command -v psql >/dev/null || apt_install postgresql-client
}

# .env holds this machine's settings and secrets; it is created from .env.example with a fresh database password.
ensure_env_file() {
  if [ ! -f "$ROOT/.env" ]; then
    sed -e "s/^RECON_DB_PASSWORD=.*/RECON_DB_PASSWORD=$(random_secret)/" \
      -e "s/^RECON_SANDBOX_API_KEY=.*/RECON_SANDBOX_API_KEY=$(random_secret)/" \
      -e "s/^Recon__Auth__AdminPassword=.*/Recon__Auth__AdminPassword=$(random_secret)/" "$ROOT/.env.example" >"$ROOT/.env"
    chmod 600 "$ROOT/.env"
    log "Created .env from .env.example with a generated database password, sandbox API key and admin password"
  fi
}

random_secret() { head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }

load_env_file() {
  set -a
  # shellcheck disable=SC1091
  source "$ROOT/.env"
  set +a
  [ -n "${RECON_DB_PASSWORD:-}" ] || die ".env has no RECON_DB_PASSWORD"
  if [ -z "${RECON_SANDBOX_API_KEY:-}" ]; then # .env created before the sandbox existed
    RECON_SANDBOX_API_KEY=$(random_secret)
    printf '\nRECON_SANDBOX_API_KEY=%s\n' "$RECON_SANDBOX_API_KEY" >>"$ROOT/.env"
  fi
  if [ -z "${Recon__Auth__AdminPassword:-}" ]; then # .env created before sign-in existed
    Recon__Auth__AdminPassword=$(random_secret)
    export Recon__Auth__AdminPassword
    printf '\n# Password of the first admin, used when the database has no user yet.\nRecon__Auth__AdminPassword=%s\n' "$Recon__Auth__AdminPassword" >>"$ROOT/.env"
  fi
}

# api_sign_in URL USER PASSWORD JAR: signs in with a curl cookie jar and prints the antiforgery token to send as
# X-XSRF-TOKEN on POST, PUT, PATCH and DELETE.
api_sign_in() {
  local url="$1" user="$2" password="$3" jar="$4" status body
  body=$(node -e 'console.log(JSON.stringify({userName: process.argv[1], password: process.argv[2]}))' "$user" "$password")
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -H 'Content-Type: application/json' -d "$body" "$url/api/auth/sign-in")
  [ "$status" = 200 ] || die "Signing in to $url as $user failed with HTTP $status"
  awk '$6 == "XSRF-TOKEN" { print $7 }' "$jar" | tail -n 1
}

npm_install() {
  local stamp="$ROOT/node_modules/.recon-lock-stamp"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$ROOT/package-lock.json"; then return 0; fi
  log "Installing the SPA's packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  cp "$ROOT/package-lock.json" "$stamp"
}

# wait_for_http URL SECONDS [PID]: waits until URL answers 200, failing early when PID dies.
wait_for_http() {
  local url="$1" seconds="$2" pid="${3:-}"
  for _ in $(seq 1 "$seconds"); do
    if curl -fs -o /dev/null "$url"; then return 0; fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then die "the API exited before $url answered"; fi
    sleep 1
  done
  die "$url did not answer within ${seconds}s"
}
