# shellcheck shell=bash
# `./ops/recon test`: every suite against a throwaway PostgreSQL, then one line "N passed, N failed".
# A check (format, lint, types, build) counts as one test; test runners count their own tests.

TOTAL_PASSED=0
TOTAL_FAILED=0
SUITE_LINES=()
OUT="$ROOT/.test-output"

record() { # record NAME PASSED FAILED
  TOTAL_PASSED=$((TOTAL_PASSED + $2)); TOTAL_FAILED=$((TOTAL_FAILED + $3))
  SUITE_LINES+=("$(printf '%-44s %5s passed, %s failed' "$1" "$2" "$3")")
  if [ "$3" -eq 0 ]; then log "✔ $1: $2 passed"; else log "✘ $1: $3 failed, $2 passed (see $OUT)"; fi
}

# check NAME COMMAND...: a pass/fail step; its output goes to a log, shown when it fails.
check() {
  local name="$1"; shift
  local logfile="$OUT/${name// /-}.log"
  if "$@" >"$logfile" 2>&1; then record "$name" 1 0; else tail -n 60 "$logfile" >&2; record "$name" 0 1; fi
}

# The passed and failed counts of one TRX file.
count_trx_file() {
  local counters p f
  counters=$(grep -o '<Counters [^>]*' "$1")
  p=$(grep -o ' passed="[0-9]*"' <<<"$counters" | grep -o '[0-9]*')
  f=$(grep -o ' failed="[0-9]*"' <<<"$counters" | grep -o '[0-9]*')
  echo "${p:-0} ${f:-0}"
}

# Every test project of the solution in one run; one suite line per project, named after its assembly.
suite_dotnet() {
  local results="$OUT/trx"
  rm -rf "$results"; mkdir -p "$results"
  local rc=0
  # The reliability suite runs on its own after this one (suite_reliability).
  dotnet test Recon.sln --no-build -c Release --filter "FullyQualifiedName!~.Reliability." --logger "trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" >"$OUT/dotnet-test.log" 2>&1 || rc=$?
  local file name passed failed reported=0 any_failed=0
  for file in "$results"/*.trx; do
    [ -f "$file" ] || continue
    name=$(grep -o 'storage="[^"]*"' "$file" || true) # no pipe into head: with pipefail a SIGPIPE would end the run
    name=${name%%$'\n'*}; name=${name##*/}; name=${name%.dll\"}
    read -r passed failed < <(count_trx_file "$file")
    record "${name:-dotnet tests}" "$passed" "$failed"
    reported=$((reported + 1)); any_failed=$((any_failed + failed))
  done
  if [ "$rc" -ne 0 ] && [ "$any_failed" -eq 0 ]; then record "dotnet test (runner)" 0 1; fi # crashed before reporting
  if [ "$rc" -ne 0 ] || [ "$reported" -eq 0 ]; then grep -E "Failed |Error Message|Assert|Exception|error" -A4 "$OUT/dotnet-test.log" >&2 || true; fi
}

# Faults (kill -9 of a real API process, dropped database connections, races, the malformed-input corpus) and the
# invariants each must keep; its line reports how many of each, then it joins the summary as one suite.
suite_reliability() {
  local results="$OUT/trx-reliability" report="$OUT/reliability-report.tsv" rc=0
  rm -rf "$results" "$report"; mkdir -p "$results"
  RECON_RELIABILITY_REPORT="$report" dotnet test tests/Recon.Api.Tests/Recon.Api.Tests.csproj --no-build -c Release \
    --filter "FullyQualifiedName~.Reliability." --logger "trx;LogFileName=reliability.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" >"$OUT/reliability.log" 2>&1 || rc=$?
  local passed=0 failed=0 faults=0 invariants=0
  if [ -f "$results/reliability.trx" ]; then read -r passed failed < <(count_trx_file "$results/reliability.trx"); fi
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  if [ -f "$report" ]; then
    read -r faults invariants < <(awk -F '\t' '{ f++; i += $2 } END { print f + 0, i + 0 }' "$report")
  fi
  [ "$rc" -eq 0 ] || grep -E "Failed |Error Message|Assert|Exception" -A4 "$OUT/reliability.log" >&2 || true
  log "reliability: $faults faults tried, $invariants invariants held"
  record "reliability ($faults faults, $invariants invariants)" "$passed" "$failed"
}

suite_json() { # suite_json NAME REPORT NODE_EXPRESSION_FOR_"passed failed" COMMAND...
  local name="$1" report="$2" expr="$3"; shift 3
  rm -f "$report"
  local rc=0
  "$@" >"$OUT/$name.log" 2>&1 || rc=$?
  local passed=0 failed=0
  if [ -f "$report" ]; then
    read -r passed failed < <(node -e "const r=require(process.argv[1]); console.log($expr)" "$report")
  fi
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  [ "$rc" -eq 0 ] || tail -n 80 "$OUT/$name.log" >&2
  record "$name" "$passed" "$failed"
}

cleanup_test_run() {
  if [ -n "${E2E_API_PID:-}" ]; then kill "$E2E_API_PID" 2>/dev/null || true; wait "$E2E_API_PID" 2>/dev/null || true; fi
  stop_throwaway_postgres
}

run_all_suites() {
  rm -rf "$OUT"; mkdir -p "$OUT"
  ensure_toolchain
  ensure_postgres_installed
  if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
    log "Installing Debian's Chromium for the browser tests"
    apt_install chromium
  fi

  trap cleanup_test_run EXIT
  trap 'exit 130' INT TERM
  start_throwaway_postgres
  # Tests must not pick up a developer's .env: an empty file stands in for it.
  export RECON_ENV_FILE=/dev/null
  export ASPNETCORE_ENVIRONMENT=Development
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

  log "Restoring and building (.NET, Release)"
  npm_install
  check "dotnet build" dotnet build Recon.sln -c Release -nologo
  check "dotnet format" dotnet format Recon.sln --verify-no-changes --no-restore
  suite_dotnet
  suite_reliability

  check "spa typecheck (tsc)" npm run typecheck
  check "spa lint (eslint)" npm run lint
  check "spa format (prettier)" npm run format:check
  suite_json "spa unit (vitest)" "$ROOT/frontend/reports/vitest.json" \
    '`${r.numPassedTests} ${r.numFailedTests}`' npm run test:unit
  check "spa build (vite)" npm run build

  log "Starting the API with the built SPA for the browser tests"
  local api_port
  api_port=$(free_port)
  # The browser tests sign in as the demo users (reviewer, approver, admin...) with the demo password.
  Recon__Database__Schema=e2e Recon__Spa__RootPath="$ROOT/frontend/dist" ASPNETCORE_ENVIRONMENT=Production \
    Recon__Auth__DemoUsers=true Recon__Auth__DemoPassword=recon-demo-password Recon__Auth__AdminPassword=recon-e2e-admin-password \
    dotnet "$API_BUILD/Recon.Api.dll" --contentRoot "$API_BUILD" --urls "http://127.0.0.1:$api_port" >"$OUT/e2e-api.log" 2>&1 &
  E2E_API_PID=$!
  if (wait_for_http "http://127.0.0.1:$api_port/health/ready" 90 "$E2E_API_PID"); then
    suite_json "spa e2e (playwright)" "$ROOT/frontend/reports/playwright.json" \
      '`${r.stats.expected + r.stats.flaky} ${r.stats.unexpected}`' \
      env E2E_BASE_URL="http://127.0.0.1:$api_port" npm run test:e2e
  else
    tail -n 40 "$OUT/e2e-api.log" >&2
    record "spa e2e (playwright)" 0 1
  fi

  echo
  printf '%s\n' "${SUITE_LINES[@]}"
  echo
  echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
  [ "$TOTAL_FAILED" -eq 0 ]
}
