#!/usr/bin/env bash
# Fuzzes the loader (JSON and CSV) and the URL query codec with cargo-fuzz (libFuzzer).
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET=600] [TARGET...]
# Needs a nightly toolchain (rustup toolchain install nightly) and cargo-fuzz, which it
# installs when missing. Seeds each corpus from the test fixtures, prints executions and
# crashes per target, and exits non-zero if any target crashed. Crash inputs are left in
# fuzz/artifacts/TARGET/ (reproduce: cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load_json import_csv query_codec)

rustup run nightly rustc --version >/dev/null 2>&1 || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

seed() {
  local dir=fuzz/corpus/$1
  mkdir -p "$dir"
  case $1 in
    load_json) cp tests/fixtures/load/*.json tests/fixtures/small.json tests/fixtures/hostile.json "$dir"/ ;;
    import_csv) cp tests/fixtures/csv/*.csv tests/fixtures/office/*.csv tests/fixtures/office/*.xls* "$dir"/ ;;
    query_codec)
      grep -ho '"[a-z]*=[^"]*"' src/model/show/stories.rs src/model/ask/query.rs | tr -d '"' |
        while IFS= read -r q; do printf '%s' "?$q" >"$dir/$(printf '%s' "$q" | cksum | cut -d' ' -f1)"; done ;;
  esac
}

summary=()
failed=0
for target in "${targets[@]}"; do
  seed "$target"
  log=fuzz/$target.log
  echo "== $target: ${seconds}s"
  set +e
  (cd fuzz && cargo +nightly fuzz run "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=4096 -max_len=262144) >"$log" 2>&1
  status=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo 0)
  crashes=$(find "fuzz/artifacts/$target" -type f 2>/dev/null | wc -l)
  [ "$status" -eq 0 ] || failed=1
  [ "$crashes" -eq 0 ] || failed=1
  summary+=("$(printf '%-12s %8ss %14s executions %4s crashes (exit %s)' "$target" "$seconds" "$runs" "$crashes" "$status")")
done
echo
printf '%s\n' "${summary[@]}"
exit $failed
