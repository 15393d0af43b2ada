#!/usr/bin/env bash
# newslens build script. Installs what it needs, then:
#   ./build.sh serve   build the wasm and serve www/ on http://127.0.0.1:8080 (PORT to change)
#   ./build.sh test    every test: fmt, clippy, Rust tests, the long fuzz pass, wasm build, browser tests
#   ./build.sh build   build the wasm into www/pkg/ and the native CLI
#   ./build.sh screenshots  build, then rewrite docs/screenshot-*.png (the browser tests otherwise
#                      write them to target/screenshots/, so that a test run leaves git clean)
#   ./build.sh bench   throughput table (native), then the page's in Chromium: where its time goes,
#                      against native and compromise, first render, paste -> render, wasm size
#   ./build.sh fuzz    the long fuzzer pass (NEWSLENS_FUZZ_CASES, default 200000)
#   ./build.sh python  build the Python wheel (maturin, abi3) into target/wheels/
#   ./build.sh extension  build, then the browser extension into target/extension/ (unpacked) and
#                      target/newslens-extension.zip
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
TARGET=wasm32-unknown-unknown

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

wasm_bindgen_version() {
  # the version of the wasm-bindgen crate in Cargo.lock: the CLI must match it exactly
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_rust() {
  if ! rustup target list --installed | grep -qx "$TARGET"; then
    say "installing Rust target $TARGET"
    rustup target add "$TARGET"
  fi
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  local want have
  want=$(wasm_bindgen_version)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (have: ${have:-none}); this takes a few minutes once"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's chromium for the browser tests"
    as_root apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
  fi
}

ensure_node_modules() {
  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ] || [ ! -d tests/e2e/node_modules/compromise ]; then
    say "installing playwright-core, axe-core and compromise (no browser download)"
    (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
}

build() {
  ensure_rust
  say "building wasm (release)"
  cargo build --release --lib --target "$TARGET"
  # without the debugging `name` section (function names for stack traces: 88 KB, 25 KB gzipped)
  # and the `producers` one; the page and the npm module run the same code
  wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir www/pkg "target/$TARGET/release/newslens.wasm"
  # the npm module (pkg/) ships the same two files
  mkdir -p pkg/dist
  cp www/pkg/newslens.js www/pkg/newslens_bg.wasm pkg/dist/
  say "building native CLI (release)"
  cargo build --release --bin newslens
  printf 'wasm: %s bytes (%s gzipped)\n' "$(wc -c < www/pkg/newslens_bg.wasm)" "$(gzip -9c www/pkg/newslens_bg.wasm | wc -c)" >&2
}

# pinned build and test tools for the Python package, from PyPI, in venvs under target/
MATURIN_VERSION=1.9.6
PYTEST_VERSION=8.3.5
# the Dask recipe's test: a real LocalCluster writing Parquet
DASK_PACKAGES=("dask[distributed]==2024.8.0" "pyarrow==17.0.0" "pandas==2.2.2")

python_wheel() {
  ensure_rust
  local venv=target/py-build
  if [ ! -x "$venv/bin/maturin" ] || [ "$("$venv/bin/maturin" --version | awk '{print $2}')" != "$MATURIN_VERSION" ]; then
    say "installing maturin $MATURIN_VERSION (PyPI) into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "maturin==$MATURIN_VERSION"
  fi
  say "building the Python wheel (abi3)"
  rm -f target/wheels/newslens-*.whl
  CARGO_TARGET_DIR=target/python "$venv/bin/maturin" build --release --quiet -m python/Cargo.toml -o target/wheels >&2
}

python_tests() {
  python_wheel
  say "Python package, the Dask recipe and the cue-lexicon builder: a fresh venv, the wheel, pytest"
  local venv=target/py-test
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check target/wheels/newslens-*.whl "pytest==$PYTEST_VERSION" "${DASK_PACKAGES[@]}"
  # from the repository root, so that python/newslens (the sources) cannot shadow the wheel
  "$venv/bin/pytest" -q -p no:cacheprovider python/tests
}

serve() {
  build
  local port=${PORT:-8080}
  say "serving www/ on http://127.0.0.1:$port (Ctrl-C to stop)"
  exec python3 "$ROOT/scripts/serve.py" "$ROOT/www" "$port"
}

run_tests() {
  ensure_rust
  say "cargo fmt --check"
  cargo fmt --check
  say "cargo clippy"
  cargo clippy --release --all-targets -- -D warnings
  say "Rust unit and integration tests"
  cargo test --release
  fuzz
  build
  ensure_chromium
  ensure_node_modules
  python_tests
  package_extension
  say "npm module (pkg/) in Node"
  (cd pkg && node --test test.mjs)
  say "browser tests ($(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: version unknown'), playwright-core)"
  (cd tests/e2e && node --test --test-concurrency=1 ./*.test.mjs)
}

bench() {
  build
  say "native throughput"
  # bench.mjs compares the page's throughput with this table's
  ./target/release/newslens bench --data "${DATA:-../shared/data}" | tee target/bench-native.md
  ensure_chromium
  ensure_node_modules
  say "wasm in Chromium"
  (cd tests/e2e && node bench.mjs)
}

screenshots() {
  build
  ensure_chromium
  ensure_node_modules
  package_extension
  say "screenshots into docs/"
  (cd tests/e2e && NEWSLENS_SCREENSHOTS="$ROOT/docs" node --test --test-concurrency=1 --test-name-pattern='^screenshots' ./page.test.mjs ./journalist.test.mjs ./extension.test.mjs)
}

# the browser extension from the built wasm: Readability from npm (extension/package-lock.json)
package_extension() {
  local want have
  want=$(node -p "require('./extension/package-lock.json').packages['node_modules/@mozilla/readability'].version")
  have=$(node -p "require('./extension/node_modules/@mozilla/readability/package.json').version" 2>/dev/null || true)
  if [ "$have" != "$want" ]; then
    say "installing @mozilla/readability for the extension (npm ci)"
    (cd extension && npm ci --no-audit --no-fund --loglevel=error)
  fi
  say "extension into target/extension/ and target/newslens-extension.zip"
  node extension/build.mjs target/extension
  rm -f target/newslens-extension.zip
  (cd target/extension && python3 -m zipfile -c ../newslens-extension.zip manifest.json ext www vendor)
}

extension() {
  build
  package_extension
}

fuzz() {
  say "fuzzer, long pass (${NEWSLENS_FUZZ_CASES:=200000} inputs)"
  NEWSLENS_FUZZ_CASES=$NEWSLENS_FUZZ_CASES cargo test --release --test fuzz -- --ignored --nocapture
}

case "${1:-build}" in
  build) build ;;
  serve) serve ;;
  test) run_tests ;;
  bench) bench ;;
  screenshots) screenshots ;;
  fuzz) fuzz ;;
  python) python_wheel ;;
  extension) extension ;;
  *) echo "usage: $0 [build|serve|test|screenshots|bench|fuzz|python|extension]" >&2; exit 2 ;;
esac
