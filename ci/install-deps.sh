#!/usr/bin/env bash
# Installs what the builds and tests need, or says exactly what to install.
# Rust toolchain, targets and components come from rust-toolchain.toml.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v qemu-system-arm >/dev/null || need_apt+=(qemu-system-arm)
command -v fsck.fat >/dev/null || need_apt+=(dosfstools)
command -v mdir >/dev/null || need_apt+=(mtools)
# GNU ld for the ESP8266 (lx106): xtask's link test of the generated ESP8266 memory map.
command -v xtensa-lx106-elf-gcc >/dev/null || need_apt+=(gcc-xtensa-lx106)
if ((${#need_apt[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "install-deps: apt-get install ${need_apt[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "install-deps: missing ${need_apt[*]}: run 'sudo apt-get install ${need_apt[*]}'" >&2
    exit 1
  fi
fi

if ! python3 -c "import esptool" 2>/dev/null || ! command -v mpremote >/dev/null; then
  echo "install-deps: pip install esptool mpremote"
  python3 -m pip install -q esptool mpremote || {
    echo "install-deps: could not install esptool: run 'python3 -m pip install esptool mpremote'" >&2
    exit 1
  }
fi

command -v node >/dev/null && command -v npm >/dev/null || {
  echo "install-deps: node and npm are needed for the RP2040 emulator (rp2040js): install Node.js 18+" >&2
  exit 1
}

# rustup reads rust-toolchain.toml; make sure its targets and components are present.
rustup show active-toolchain >/dev/null
rustup target add thumbv6m-none-eabi thumbv7em-none-eabihf riscv32imc-unknown-none-elf >/dev/null 2>&1 || true
rustup component add rustfmt clippy llvm-tools >/dev/null 2>&1 || true
