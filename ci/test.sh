#!/usr/bin/env bash
# Runs every test: unit tests of all crates, the differential Python corpus against CPython,
# the xtask packaging checks (fsck.fat, mtools, esptool), and the firmware booted in emulators.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/install-deps.sh

echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo test (core, modules, host port + Python corpus, xtask)"
cargo test --workspace
echo "== shared board code on the host (flash filesystem mount, STM32F4 flash driver logic)"
cargo test --manifest-path boards/common/Cargo.toml --features flash-fs,sector-flash
echo "== firmware in emulators (QEMU netduinoplus2 / microbit, rp2040js)"
cargo test --manifest-path boards/emu-tests/Cargo.toml -- --test-threads 1
