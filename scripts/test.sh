#!/usr/bin/env bash
# Runs every SchoolSight test project against SQLite and a throwaway PostgreSQL server, with Debian's Chromium
# for the browser tests and PDFs. Installs PostgreSQL, Chromium and poppler-utils from Debian when they are missing, starts PostgreSQL
# on 127.0.0.1, and stops it at the end whatever happens. Test results (TRX) and browser screenshots go to
# artifacts/. Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
ARTIFACTS="$ROOT/artifacts"
mkdir -p "$ARTIFACTS"

need_install=()
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need_install+=(postgresql)
[ -x /usr/bin/chromium ] || need_install+=(chromium)
# pdftotext reads the text of generated PDFs in the document tests.
[ -x /usr/bin/pdftotext ] || need_install+=(poppler-utils)
if [ ${#need_install[@]} -gt 0 ]; then
  echo "Installing from Debian: ${need_install[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_install[@]}" >/dev/null
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi

# A throwaway PostgreSQL cluster owned by the postgres user (initdb refuses to run as root).
PG_PORT="${SCHOOLSIGHT_TEST_PG_PORT:-54329}"
PG_DIR="$(mktemp -d /tmp/schoolsight-pg.XXXXXX)"
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PG_DIR"; fi
stop_pg() {
  run_pg "$pg_bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap stop_pg EXIT
run_pg "$pg_bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
export SCHOOLSIGHT_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
export SCHOOLSIGHT_ARTIFACTS="$ARTIFACTS"

rm -rf "$ARTIFACTS/test-results"
RESULTS="$ARTIFACTS/test-results"
# One build for every project; then the test projects run without building again, in two lanes at once, each project
# in a lane one after another: the browser tests (which spend much of their time waiting on Chromium and the app's
# server) and then the web tests, beside the domain, core and CLI tests. The two lanes take about as long as each
# other, so neither waits long for the other. SCHOOLSIGHT_TEST_LANES=1 runs every project in one lane.
set +e
dotnet build SchoolSight.slnx --configuration Release
status=$?
run_project() {
  dotnet test "tests/$1/$1.csproj" --configuration Release --no-build \
    --logger "trx;LogFileName=$1.trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" "${@:2}"
}
run_lane() {
  local failed=0 project
  for project in "${@:2}"; do run_project "$project" "${EXTRA[@]}" || failed=1; done
  echo "$failed" > "$RESULTS/.lane-$1"
}
EXTRA=("$@")
if [ $status -eq 0 ]; then
  mkdir -p "$RESULTS"
  if [ "${SCHOOLSIGHT_TEST_LANES:-2}" = 1 ]; then
    lanes=(all)
    run_lane all SchoolSight.Domain.Tests SchoolSight.Core.Tests SchoolSight.Web.Tests SchoolSight.Cli.Tests SchoolSight.Browser.Tests
  else
    lanes=(browser others)
    run_lane browser SchoolSight.Browser.Tests SchoolSight.Web.Tests &
    run_lane others SchoolSight.Domain.Tests SchoolSight.Core.Tests SchoolSight.Cli.Tests
    wait
  fi
  for lane in "${lanes[@]}"; do [ "$(cat "$RESULTS/.lane-$lane" 2>/dev/null)" = 0 ] || status=1; done
  rm -f "$RESULTS"/.lane-*
fi
set -e

# One closing line for every runner that reads it: the totals over all test projects.
python3 - "$ARTIFACTS/test-results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"Total: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
