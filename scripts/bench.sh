#!/usr/bin/env bash
# The benchmark command (`make bench`): builds the release bundle, makes the 100,000-pair
# synthetic dataset (seeded, labelled synthetic, never shipped), and runs scripts/bench.mjs,
# which prints the table and writes bench/out/results.json. Not part of `make test`.
# Usage: scripts/bench.sh [--quick] [--only china,world,synthetic-100k] [--profile phone|laptop|both]
# (the options are scripts/bench.mjs's: --profile both, the default, measures Youcheng beside
# the ECharts peer on the laptop and on an emulated phone; scripts/bench-profiles.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true TRUNK_OFFLINE=true NO_COLOR=true
bash scripts/setup.sh test
trunk build --release
cargo build --locked --quiet --release --bin youcheng-data
mkdir -p bench/out
[ -s bench/out/synthetic-100k.json ] ||
  ./target/release/youcheng-data synthetic 100000 7 bench/out/synthetic-100k.json
node scripts/bench.mjs "$@"
