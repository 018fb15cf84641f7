#!/usr/bin/env bash
# Installs what Youcheng needs, only where it is missing or at the wrong version (idempotent:
# a second run takes about a second). Usage: scripts/setup.sh [build|test]
#   build: wasm32 target, trunk, wasm-bindgen-cli (exactly the crate version in Cargo.lock),
#          wasm-opt (npm binaryen 132), crates fetched for offline builds.
#   test:  all of the above, plus Chromium + ChromeDriver (Debian), a CJK font, brotli, pdftotext
#          (poppler-utils, to read printed pages), and the
#          npm test tooling (playwright-core, axe-core) from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-build}
TRUNK_VERSION=0.21.14 # 0.22.x needs rustc >= 1.96.1
WBG_VERSION=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;q}' Cargo.lock)
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
log() { printf '[setup %(%T)T] %s\n' -1 "$*"; }

if [ "$mode" = test ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v brotli >/dev/null || missing+=(brotli)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
  if ((${#missing[@]})); then
    SUDO=
    [ "$(id -u)" = 0 ] || SUDO=sudo
    log "apt-get install ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown ||
  { log "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  log "cargo install trunk@$TRUNK_VERSION (about 5 minutes)"
  # Trunk's own release profile uses fat LTO; without it the install is a minute faster.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --locked --force "trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ] ||
  [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $WBG_VERSION" ]; then
  log "cargo install wasm-bindgen-cli@$WBG_VERSION (about 2 minutes)"
  # --locked fails for 0.2.130 (its lockfile wants a webpki-roots the registry does not
  # serve); the unlocked install resolves a compatible one.
  cargo install --locked --force "wasm-bindgen-cli@$WBG_VERSION" ||
    cargo install --force "wasm-bindgen-cli@$WBG_VERSION"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || ! node_modules/.bin/wasm-opt --version | grep -q 'version 132' ||
  [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

cargo fetch --locked --quiet # trunk builds with cargo --offline
log "ready: $(trunk --version), $(wasm-bindgen --version), $(node_modules/.bin/wasm-opt --version)"
