#!/usr/bin/env bash
# The exported AWS CLI commands, run for real: start moto_server (a local AWS API) on a free
# loopback port, run `eventpen export --format cli-bash --out-dir` output with the real `aws` CLI
# (--endpoint-url, dummy credentials), read the rule and its target back with describe-rule /
# list-targets-by-rule and compare them with what went in. Then lint the CloudFormation exports
# with cfn-lint (CloudFormation's own linter, installed with moto[server]).
# Fails — never skips — when a tool is missing: scripts/bootstrap.sh installs them into .venv/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv/bin"
for tool in aws moto_server cfn-lint; do
  [ -x "$VENV/$tool" ] || { echo "missing $VENV/$tool: run scripts/bootstrap.sh" >&2; exit 1; }
done
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cargo build --quiet --locked -p eventpen-cli
# A private copy: a target directory shared with other checkouts may be rebuilt meanwhile.
cp "${CARGO_TARGET_DIR:-$ROOT/target}/debug/eventpen" "$WORK/eventpen"
BIN="$WORK/eventpen"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$VENV/moto_server" -H 127.0.0.1 -p "$PORT" >"$WORK/moto.log" 2>&1 &
MOTO_PID=$!
trap 'kill "$MOTO_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 0.2)" 2>/dev/null && break
  sleep 0.1
done

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
export AWS_DEFAULT_REGION=us-east-1 AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
ENDPOINT="http://127.0.0.1:$PORT"
aws() { "$VENV/aws" --endpoint-url "$ENDPOINT" "$@"; }

cat >"$WORK/pattern.json" <<'JSON'
{"source": ["aws.ec2"], "detail": {"eventName": ["RunInstances"], "userIdentity": {"userName": [{"prefix": "al"}]}}}
JSON
cat >"$WORK/input-transformer.json" <<'JSON'
{
  "InputPathsMap": {"user": "$.detail.userIdentity.userName", "type": "$.detail.requestParameters.instanceType"},
  "InputTemplate": "\"<user> launched <type>: it's $HOME `now` 100%\""
}
JSON
# moto's default account is 123456789012.
"$BIN" export --pattern "$WORK/pattern.json" --format cli-bash --name launch-alerts \
  --sns-topic alerts --account 123456789012 --region us-east-1 \
  --input-transformer "$WORK/input-transformer.json" --out-dir "$WORK/out" 2>"$WORK/export.log"
(cd "$WORK/out" && source ./commands.sh >"$WORK/commands.log")

aws events describe-rule --name launch-alerts >"$WORK/rule.json"
aws events list-targets-by-rule --rule launch-alerts >"$WORK/targets.json"
python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
rule = json.load(open(f"{work}/rule.json"))
targets = json.load(open(f"{work}/targets.json"))["Targets"]
pattern = json.load(open(f"{work}/pattern.json"))
transformer = json.load(open(f"{work}/input-transformer.json"))
checks = [
    ("rule pattern", json.loads(rule["EventPattern"]), pattern),
    ("rule state", rule["State"], "ENABLED"),
    ("target count", len(targets), 1),
    ("target arn", targets[0]["Arn"], "arn:aws:sns:us-east-1:123456789012:alerts"),
    ("paths map", targets[0]["InputTransformer"]["InputPathsMap"], transformer["InputPathsMap"]),
    ("template", targets[0]["InputTransformer"]["InputTemplate"], transformer["InputTemplate"]),
]
failed = [(name, got, want) for name, got, want in checks if got != want]
for name, got, want in failed:
    print(f"FAIL {name}: got {got!r}, want {want!r}")
print(f"moto round trip: {len(checks) - len(failed)} of {len(checks)} checks agree")
sys.exit(1 if failed else 0)
PY

for format in cloudformation-json cloudformation-yaml; do
  ext=${format#cloudformation-}
  "$BIN" export --pattern "$WORK/pattern.json" --format "$format" --sns-topic alerts \
    --account 123456789012 --region us-east-1 --input-transformer "$WORK/input-transformer.json" \
    >"$WORK/template.$ext"
  "$VENV/cfn-lint" --regions us-east-1 -- "$WORK/template.$ext"
  echo "cfn-lint: $format parses and passes"
done
