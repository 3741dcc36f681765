#!/usr/bin/env bash
# Runs every test of VoixUsager. Installs what the tests need when it is missing (Debian's chromium,
# postgresql, python3-aiosmtpd, LibreOffice Impress and Writer, which open the CLU's slide deck and
# minutes in the tests, and a Java runtime for the W3C's HTML checker, vnu.jar, which npm installs into
# the clone), starts a throw-away PostgreSQL server on loopback for the run, and ends with one line
# "N passed, N failed" over all test projects.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
# The e-mail tests run aiosmtpd as their SMTP server. Debian's package serves /usr/bin/python3, which
# need not be the python3 first on the PATH (pyenv, virtualenvs): ask that interpreter.
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
# About 45 s and 240 MB, without the recommended extras (Java, help, fonts beyond the defaults).
[ -x /usr/lib/libreoffice/program/simpress ] || missing+=(libreoffice-impress)
[ -x /usr/lib/libreoffice/program/swriter ] || missing+=(libreoffice-writer)
# The W3C's HTML checker (vnu.jar) runs on Java, and comes from npm.
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} (Debian packages) for the tests..."
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The W3C's HTML checker, from npm, into the clone (.test-tools/, ignored by git), with npm's cache and
# logs there too. Its install script, which would download a Java runtime, is not run: Debian's is used.
vnu_dir="$root/.test-tools/vnu"
vnu_version=26.9.27
if [ ! -f "$vnu_dir/node_modules/vnu-jar/build/dist/vnu.jar" ] \
    || ! grep -q "\"version\": *\"$vnu_version\"" "$vnu_dir/node_modules/vnu-jar/package.json" 2>/dev/null; then
    echo "Installing vnu-jar $vnu_version (npm) for the tests..."
    npm install --prefix "$vnu_dir" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
        --cache "$root/.test-tools/npm-cache" --logs-dir "$root/.test-tools/npm-logs" "vnu-jar@$vnu_version" >/dev/null
fi

# --- A PostgreSQL server of our own, on loopback, for this run only -------------------------------
work="$(mktemp -d /tmp/voixusager-test.XXXXXX)"
chmod 755 "$work"
pg_data="$work/pg"
run_pg() {
    # initdb refuses to run as root: use the postgres account the Debian package creates.
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
mkdir -p "$pg_data"
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_data"
port=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

cleanup() {
    run_pg "$(pg_bin)/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

run_pg "$(pg_bin)/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$(pg_bin)/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 \
    -o "-p $port -k $pg_data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" start >/dev/null
export VOIXUSAGER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
echo "PostgreSQL started on 127.0.0.1:$port"

# --- Build once, then test -------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Test applications by the dozen would exhaust the 128 inotify instances a user may have.
export DOTNET_USE_POLLING_FILE_WATCHER=true
dotnet build VoixUsager.sln -c Release -nologo -v q

# Every test runs twice: once with its application on a SQLite file, once on the PostgreSQL server
# above (VOIXUSAGER_TEST_PROVIDER, read by the tests' application factory), so that a difference
# between the two providers fails the run. The PostgreSQL pass leaves out the pure logic tests, which
# touch no database, the tests that pick their own database (PostgreSQL migrations, the two-process and
# worker tests, the backup restore) and the browser tests, whose pages read through the same services
# the integration tests already run on PostgreSQL: all three would only repeat themselves.
log="$work/test.log"
status=0
set +e
for provider in Sqlite Postgres; do
    echo "=== Tests on $provider ===" | tee -a "$log"
    filter=()
    if [ "$provider" = Postgres ]; then
        filter=(--filter "Category!=Logic&Category!=OwnDatabase&Category!=Browser")
    fi
    VOIXUSAGER_TEST_PROVIDER=$provider dotnet test VoixUsager.sln -c Release --no-build -nologo \
        --logger "console;verbosity=normal" "${filter[@]}" 2>&1 | tee -a "$log"
    pass_status=${PIPESTATUS[0]}
    [ "$pass_status" -ne 0 ] && status=$pass_status
done
set -e

# Sums the per-project summaries, in either of the formats dotnet test prints them.
read -r passed failed < <(awk '
    /^(Passed|Failed)! +- +Failed:/ {
        gsub(",", "");
        for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
        short = 1; next
    }
    /^Total tests:/ { block = 1; next }
    block && /^ +Passed: +[0-9]+/ { bp += $2; next }
    block && /^ +Failed: +[0-9]+/ { bf += $2; next }
    block && /^ +Total time:/ { block = 0 }
    END { if (short) printf "%d %d\n", p, f; else printf "%d %d\n", bp, bf }' "$log")
# A browser test whose first run failed is named even when its second run passed, so that it is looked into.
if grep -q "^BROWSER TEST RETRIED" "$log"; then
    echo "=== Browser tests whose first run failed (each ran a second time) ==="
    grep "^BROWSER TEST RETRIED" "$log" | cut -c1-600
fi
# CI shows only the end of the output: name each failed test and its message just above the total.
if [ "$failed" -gt 0 ]; then
    echo "=== Failed tests ==="
    awk '
        /^(=== Tests on )/ { pass = $4 }
        /^  Failed [A-Za-z]/ { print "[" pass "]" $0; left = 12; next }
        left > 0 && /^  Stack Trace:/ { left = 0; next }
        left > 0 { print; left-- }' "$log" | head -n 200
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1  # the run itself broke (build, crash): never report it as green
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
    failed=1  # a run that ran no test proves nothing
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
