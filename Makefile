# The two commands of the README, plus helpers. Each installs what is missing first.
.PHONY: serve test bench trace data validate build single-file fuzz clean

export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
# NO_COLOR must be true/false for trunk (NO_COLOR=1 makes it exit with an error).
export TRUNK_SKIP_VERSION_CHECK := true
export TRUNK_OFFLINE := true
export NO_COLOR := true

## Build the release bundle and serve it on http://127.0.0.1:8080 with the bundled data.
serve:
	bash scripts/setup.sh build
	trunk serve --release --address 127.0.0.1 --port 8080

## Run every test layer (lints, native, wasm in Chromium, end-to-end in Chromium).
test:
	bash scripts/test.sh

## Build the release bundle into dist/.
build:
	bash scripts/setup.sh build
	trunk build --release

## Measure bundle size, load, filter, frame time and memory (not part of `make test`).
bench:
	bash scripts/bench.sh

## Chrome traces of a cold load and of filter clicks, with the main thread's time by kind of
## work (docs/performance.md); traces in bench/out/ for Chrome DevTools.
trace: build
	node scripts/trace.mjs

## One HTML file with the app, the China data and the basemaps (opens from file://).
single-file: build
	node scripts/single-file.mjs dist dist-single/youcheng.html

## Fuzz the loader (JSON, CSV) and the query codec: make fuzz FUZZ_SECONDS=600 (per target).
fuzz:
	bash scripts/fuzz.sh $(or $(FUZZ_SECONDS),600)

## Rebuild public/data from data/raw (deterministic).
data:
	cargo run --quiet --release --bin youcheng-data -- build $(if $(REGISTRY),--registry $(REGISTRY))

## Validate a partnership file: make validate FILE=path.json
validate:
	cargo run --quiet --release --bin youcheng-data -- validate $(FILE)

clean:
	rm -rf dist dist-single target/e2e
