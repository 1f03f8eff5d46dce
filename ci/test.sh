#!/usr/bin/env bash
# Runs every test: unit tests of all crates, the differential Python corpus against CPython,
# the xtask packaging checks (fsck.fat, mtools, esptool, the lx106 GNU linker), and the firmware
# booted in emulators.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/install-deps.sh

echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo test (core, modules, host port + Python corpus, xtask)"
cargo test --workspace
echo "== the core and modules without float / bigint (MicroPython's minimal builds; the size probe's profile)"
cargo test -p mpy-core --no-default-features
cargo test -p mpy-core --no-default-features --features float
cargo test -p mpy-core --no-default-features --features bigint
cargo test -p mpy-core --no-default-features --features extra-builtins
cargo test -p mpy-modules --no-default-features --features sys,gc,micropython,time,random,io,struct,errno,binascii,heapq,collections,json,re,array,os
echo "== shared board code on the host (flash filesystem mount, STM32F4 and ESP8266 flash driver logic)"
cargo test --manifest-path boards/common/Cargo.toml --features flash-fs,sector-flash,rom-flash
echo "== ESP8266 flash shim type-checked for the host (no Xtensa toolchain to build its firmware)"
cargo clippy --manifest-path boards/esp8266/host-check/Cargo.toml -- -D warnings
echo "== size report of the core (builds the size probe's minimal and full profiles; BENCHMARKS.md)"
cargo xtask size core
echo "== firmware in emulators (QEMU netduinoplus2 / microbit, rp2040js)"
cargo test --manifest-path boards/emu-tests/Cargo.toml -- --test-threads 1
