# Sourced by the other scripts: picks the toolchain that can build the
# WebAssembly half, and puts the end2end tools on PATH.
#
# On an ordinary machine the default toolchain has the wasm32 target
# (`rustup target add wasm32-unknown-unknown`) and nothing changes. Where
# rustup cannot download it (offline machines), Debian's rustc-web builds the
# wasm standard library from source (-Zbuild-std); see the README.

PORTAVOZ_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$PORTAVOZ_ROOT/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"

LEPTOS_LIB_ARGS=()
if [ -d "$(rustc --print sysroot 2>/dev/null)/lib/rustlib/wasm32-unknown-unknown/lib" ]; then
  PORTAVOZ_WASM_MODE=default
else
  PORTAVOZ_WASM_MODE=debian
  export RUSTUP_TOOLCHAIN=debian-web
  export RUSTC_BOOTSTRAP=1
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-19/bin/wasm-ld
  LEPTOS_LIB_ARGS=(--lib-cargo-args=-Zbuild-std=std,panic_abort)
fi
export PORTAVOZ_WASM_MODE
