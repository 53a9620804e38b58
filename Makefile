# EventPen. Fresh machine: `make serve` to build and run the app, `make test` to run every check.
SHELL := /bin/bash
BOOTSTRAP := . scripts/bootstrap.sh

.PHONY: serve test dist bootstrap bench bench-app fuzz

serve: ## Install what is missing, build, and serve at http://127.0.0.1:8080 with live reload
	$(BOOTSTRAP) && trunk serve --address 127.0.0.1 --port 8080

test: ## Every check and test: fmt, clippy (host + wasm32), native, browser, end-to-end
	$(BOOTSTRAP) && scripts/test.sh

dist: ## Release build of the static site into dist/
	$(BOOTSTRAP) && trunk build --release

bootstrap:
	$(BOOTSTRAP)

bench: ## Criterion benchmarks of the pattern engine
	cargo bench -p eventpen-pattern

bench-app: ## In-browser benchmark at 1,000-200,000 generated events: load MB/s, keystroke to results, longest tasks, memory
	$(BOOTSTRAP) && trunk build --release && cargo build --release -p eventpen-gen && EVENTPEN_GEN=$${CARGO_TARGET_DIR:-target}/release/eventpen-gen node tests/e2e/keystroke-bench.mjs

FUZZ_SECONDS ?= 180
fuzz: ## Fuzz every target for FUZZ_SECONDS each (default 180): crashes and >10 ms calls fail
	cargo run --locked --profile fuzz -p eventpen-fuzz -- --seconds $(FUZZ_SECONDS)
