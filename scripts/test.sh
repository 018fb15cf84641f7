#!/usr/bin/env bash
# Runs every test layer; the README's test command (`make test`) and CI (.ci/run) call this.
# Installs what is missing first (scripts/setup.sh test). Prints a timing line per step.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true TRUNK_OFFLINE=true NO_COLOR=true CARGO_TERM_COLOR=never
export CHROMEDRIVER=/usr/bin/chromedriver
t0=$SECONDS
step() { printf '\n=== %s (t=%ss)\n' "$*" $((SECONDS - t0)); }

step "setup"
bash scripts/setup.sh test

step "format"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --locked --all-targets -- -D warnings

step "clippy (wasm32)"
cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings

step "docs"
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --quiet

step "guard: the core never depends on a browser crate"
if cargo tree --locked -e normal --target x86_64-unknown-linux-gnu | grep -E ' (leptos|gloo-net|web-sys|plotters-canvas) '; then
  echo "a browser crate is in the native dependency tree" >&2
  exit 1
fi

step "native tests (core, data tool, fixtures)"
cargo test --locked

step "dataset is reproducible (youcheng-data build --check)"
cargo run --locked --quiet --release --bin youcheng-data -- build --check

step "release build (trunk)"
trunk build --release

step "wasm tests in headless Chromium (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown --tests

step "end-to-end tests in headless Chromium (playwright-core)"
node --test --test-concurrency=1 tests/e2e/*.test.mjs

step "all green"
