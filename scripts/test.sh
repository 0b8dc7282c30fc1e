#!/usr/bin/env bash
# Run lint, types and the whole test suite; PostgreSQL tests use 127.0.0.1:5432 (started here if needed).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

# CI (CI=true, or RAPPORTLOS_REQUIRE_POSTGRES=1) must run the PostgreSQL tests; elsewhere they may be skipped.
if [ -n "${CI:-}" ]; then export RAPPORTLOS_REQUIRE_POSTGRES="${RAPPORTLOS_REQUIRE_POSTGRES:-1}"; fi
CHOSEN_URL="${RAPPORTLOS_TEST_POSTGRES_URL:-}"
export RAPPORTLOS_TEST_POSTGRES_URL="${RAPPORTLOS_TEST_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}"
export HF_HUB_OFFLINE=1 TRANSFORMERS_VERBOSITY=error TOKENIZERS_PARALLELISM=false

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    echo "PostgreSQL is not answering on 127.0.0.1:5432; trying to start it" >&2
    if command -v pg_ctlcluster >/dev/null 2>&1; then
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    fi
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && break; sleep 1; done
    if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && [ -z "$CHOSEN_URL" ] \
        && [ "${RAPPORTLOS_REQUIRE_POSTGRES:-}" != "1" ]; then
        echo "No PostgreSQL could be started: the PostgreSQL tests are skipped (set RAPPORTLOS_TEST_POSTGRES_URL to run them)." >&2
        unset RAPPORTLOS_TEST_POSTGRES_URL
    fi
fi

$BIN/ruff check .
$BIN/mypy
# Most end-to-end tests wait on processes they start, so four workers share the two cores; a file stays on one
# worker (its module fixtures start once). RAPPORTLOS_TEST_WORKERS=0 runs everything in this process.
$BIN/pytest -q -n "${RAPPORTLOS_TEST_WORKERS:-4}" --dist loadfile "$@"
