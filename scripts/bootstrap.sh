#!/usr/bin/env bash
# Installs, only when missing, everything EventPen needs to build, serve and test, on a machine
# that starts with rustup, Node/npm, Python and apt. Idempotent: a second run does nothing slow.
# Source it (`. scripts/bootstrap.sh`) to also get the PATH it sets up.
#
# Versions: trunk 0.21.14 (0.22 needs rustc >= 1.96.1); wasm-bindgen-cli = the wasm-bindgen crate
# version in Cargo.lock (Cargo.toml pins it with `=`); wasm-opt 132 from npm `binaryen` (Debian's
# is too old to read wasm-bindgen's output); Debian's chromium + chromium-driver.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' "$ROOT/Cargo.lock")
# node_modules/.bin FIRST: its wasm-opt 132 must shadow any older wasm-opt elsewhere on PATH.
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { echo "bootstrap: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian chromium and chromium-driver"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if ! rustup component list --installed 2>/dev/null | grep -q '^clippy'; then rustup component add clippy; fi
if ! rustup component list --installed 2>/dev/null | grep -q '^rustfmt'; then rustup component add rustfmt; fi
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "building trunk $TRUNK_VERSION (about 6 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ]; then
  say "building wasm-bindgen-cli $WB_VERSION (about 2 minutes, once)"
  # Not --locked: its packaged lockfile pins a crate version the registry index lacks.
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi
if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/playwright-core" ] \
   || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  say "installing npm dev dependencies (binaryen, playwright-core)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
fi
# The SQL proofs (crates/cli/tests/sql.rs) run DuckDB queries and parse Athena/Lake queries with
# sqlglot's Trino dialect, from a venv under the repo (git-ignored); the tests fail without it.
if ! "$ROOT/.venv/bin/python" -c 'import duckdb, sqlglot' 2>/dev/null; then
  say "installing Python duckdb and sqlglot into .venv"
  python3 -m venv "$ROOT/.venv"
  "$ROOT/.venv/bin/pip" install --quiet --disable-pip-version-check duckdb==2.0.1 sqlglot==30.31.0
fi
# The real AWS CLI and a local AWS API (moto), to run the exported commands in
# scripts/aws-cli-against-moto.sh; moto[server] also brings cfn-lint. Pinned; measured 2 m 39 s
# once on 2 cores (mostly download), 480 MB in .venv/ (git-ignored).
if [ ! -x "$ROOT/.venv/bin/aws" ] || [ ! -x "$ROOT/.venv/bin/moto_server" ] || [ ! -x "$ROOT/.venv/bin/cfn-lint" ]; then
  say "installing awscli and moto[server] into .venv (about 3 minutes, once)"
  python3 -m venv "$ROOT/.venv"
  "$ROOT/.venv/bin/pip" install --quiet --disable-pip-version-check awscli==1.46.3 'moto[server]==5.2.6'
fi
# The export tests check generated YAML with PyYAML (a YAML 1.1 loader) and Python with `ast`:
# they fail, never skip, without it. Use the system python3 when it has PyYAML, else a venv.
if ! python3 -c 'import yaml' 2>/dev/null && ! "$ROOT/.venv/bin/python3" -c 'import yaml' 2>/dev/null; then
  say "installing PyYAML into $ROOT/.venv"
  [ -x "$ROOT/.venv/bin/python3" ] || python3 -m venv "$ROOT/.venv"
  "$ROOT/.venv/bin/python3" -m pip install --quiet pyyaml
fi
# Trunk runs cargo offline: make sure every crate is in the local registry first.
(cd "$ROOT" && cargo fetch --locked --quiet)
