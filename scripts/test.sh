#!/usr/bin/env bash
# Every check and test, in order; runs them all even after a failure, then prints one summary
# line `N passed, N failed` (tests counted from cargo's and node's own result lines; each
# lint/build step counts as one). Exit status is non-zero on any failure.
# Expects the PATH from scripts/bootstrap.sh (`make test` sources it first).
set -uo pipefail
cd "$(dirname "$0")/.."
LOG_DIR=target/test-logs
mkdir -p "$LOG_DIR"
passed=0
failed=0
failed_steps=()

# step NAME KIND COMMAND… — KIND is `check` (counts as one) or `tests` (counts the runner's lines).
step() {
  local name=$1 kind=$2
  shift 2
  local log="$LOG_DIR/$(echo "$name" | tr -c 'a-zA-Z0-9\n' '-').log"
  local start=$SECONDS
  echo "== $name"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local p=0 f=0
  if [ "$kind" = tests ]; then
    # cargo / wasm-bindgen-test-runner: "test result: ok. 12 passed; 0 failed; …"
    read -r cp cf < <(grep -E '^test result: ' "$log" | sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\1 \2/' \
      | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
    # node --test: "# pass 12" / "# fail 0" (TAP) or "ℹ pass 12" (spec reporter)
    read -r np nf < <(grep -E '^(# |ℹ )(pass|fail) [0-9]+$' "$log" \
      | awk '$2=="pass"{p+=$3} $2=="fail"{f+=$3} END {print p+0, f+0}')
    p=$((cp + np)); f=$((cf + nf))
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi # a build error fails with no test line
  elif [ "$status" -eq 0 ]; then p=1; else f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  [ "$status" -eq 0 ] && [ "$f" -eq 0 ] || failed_steps+=("$name")
  echo "== $name: $p passed, $f failed ($((SECONDS - start))s)"
}

step "cargo fmt" check cargo fmt --all --check
step "clippy (host)" check cargo clippy --locked --workspace --all-targets -- -D warnings
step "clippy (wasm32)" check cargo clippy --locked --target wasm32-unknown-unknown \
  -p eventpen -p eventpen-pattern -p eventpen-ingest -p eventpen-export -p eventpen-playground \
  -p eventpen-transform -p eventpen-sql -- -D warnings
step "native tests" tests cargo test --locked --workspace --no-fail-fast
step "fuzz (10 s per target from the seed corpus)" check \
  cargo run --locked --quiet --profile fuzz -p eventpen-fuzz -- --seconds 10
step "exported AWS CLI commands against moto, CloudFormation exports through cfn-lint" check \
  scripts/aws-cli-against-moto.sh
step "browser tests (wasm-bindgen-test, headless Chromium)" tests \
  cargo test --locked --target wasm32-unknown-unknown -p eventpen --test browser
step "release build (trunk)" check trunk build --release
step "end-to-end tests (playwright-core, Chromium)" tests node --test --test-concurrency=1 tests/e2e/

echo
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "failed steps: ${failed_steps[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ ${#failed_steps[@]} -eq 0 ]
