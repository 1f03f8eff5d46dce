//! The boards the emulators can run, with the memory maps the board manifests use.

/// How a firmware image is run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emulator {
    /// `qemu-system-arm -M <machine>`, console on the first serial port.
    Qemu {
        machine: &'static str,
        extra_args: &'static [&'static str],
    },
    /// rp2040js under node (boards/emu-tests/rp2040js/run.mjs), console on UART0.
    Rp2040js,
    /// No emulator available here: build only.
    None,
}

/// One firmware configuration under test.
#[derive(Clone, Copy, Debug)]
pub struct Board {
    pub id: &'static str,
    pub name: &'static str,
    pub mcu: &'static str,
    /// Board crate directory, relative to the repository root.
    pub crate_dir: &'static str,
    /// Binary (package) name: the ELF file name under target/<triple>/release.
    pub bin: &'static str,
    pub target: &'static str,
    pub features: &'static [&'static str],
    /// Extra features for the emulator build (e.g. no boot-ROM calls under rp2040js).
    pub emulator_features: &'static [&'static str],
    pub heap_size: u32,
    pub stack_size: u32,
    pub flash_base: u32,
    pub flash_size: u32,
    pub firmware_base: u32,
    pub firmware_size: u32,
    pub fs_base: u32,
    pub fs_size: u32,
    pub ram_base: u32,
    pub ram_size: u32,
    pub console_uart: u8,
    pub console_tx: &'static str,
    pub console_rx: &'static str,
    pub pins: &'static [(&'static str, &'static str)],
    /// RP2040: the first 256 bytes of flash hold the second-stage bootloader.
    pub boot2_size: u32,
    pub emulator: Emulator,
}

const KB: u32 = 1024;

pub const PYBOARD: Board = Board {
    id: "pybv11",
    name: "PYBv1.1",
    mcu: "STM32F405RG",
    crate_dir: "boards/stm32",
    bin: "mpy-board-stm32",
    target: "thumbv7em-none-eabihf",
    features: &[
        "float",
        "bigint",
        "mpy-modules/sys",
        "mpy-modules/gc",
        "mpy-modules/micropython",
        "mpy-modules/time",
        "mpy-modules/math",
    ],
    emulator_features: &[],
    heap_size: 64 * KB,
    stack_size: 16 * KB,
    flash_base: 0x0800_0000,
    flash_size: 1024 * KB,
    firmware_base: 0x0800_0000,
    firmware_size: 768 * KB,
    fs_base: 0x080C_0000,
    fs_size: 256 * KB,
    ram_base: 0x2000_0000,
    ram_size: 128 * KB,
    console_uart: 1,
    console_tx: "PB6",
    console_rx: "PB7",
    pins: &[
        ("X9", "PB6"),
        ("X10", "PB7"),
        ("LED_RED", "PA13"),
        ("LED_GREEN", "PA14"),
    ],
    boot2_size: 0,
    emulator: Emulator::Qemu {
        machine: "netduinoplus2",
        extra_args: &[],
    },
};

pub const MICROBIT_V1: Board = Board {
    id: "microbit_v1",
    name: "micro:bit v1",
    mcu: "nRF51822",
    crate_dir: "boards/nrf/microbit-v1",
    bin: "mpy-board-microbit-v1",
    target: "thumbv6m-none-eabi",
    features: &[
        "mpy-modules/sys",
        "mpy-modules/gc",
        "mpy-modules/micropython",
        "mpy-modules/time",
    ],
    emulator_features: &[],
    heap_size: 8 * KB,
    stack_size: 2 * KB,
    flash_base: 0,
    flash_size: 256 * KB,
    firmware_base: 0,
    firmware_size: 224 * KB,
    fs_base: 0x3_8000,
    fs_size: 32 * KB,
    ram_base: 0x2000_0000,
    ram_size: 16 * KB,
    console_uart: 0,
    console_tx: "P0.24",
    console_rx: "P0.25",
    pins: &[("BUTTON_A", "P0.17"), ("BUTTON_B", "P0.26")],
    boot2_size: 0,
    emulator: Emulator::Qemu {
        machine: "microbit",
        extra_args: &[],
    },
};

/// The micro:bit v1 firmware with QEMU's enlarged nRF51 memory (1 MB flash, 256 KB RAM). The
/// interpreter does not fit the real v1 yet (256 KB flash, 16 KB RAM; see BENCHMARKS.md), so the
/// emulator test boots this test-only variant of the same crate.
pub const MICROBIT_V1_QEMU: Board = Board {
    id: "microbit_v1_qemu",
    name: "micro:bit v1 (QEMU, enlarged memory)",
    flash_size: 1024 * KB,
    firmware_size: 960 * KB,
    fs_base: 0xF_0000,
    fs_size: 64 * KB,
    ram_size: 256 * KB,
    heap_size: 96 * KB,
    stack_size: 16 * KB,
    emulator: Emulator::Qemu {
        machine: "microbit",
        extra_args: &[
            "-global",
            "nrf51-soc.flash-size=1048576",
            "-global",
            "nrf51-soc.sram-size=262144",
        ],
    },
    ..MICROBIT_V1
};

pub const MICROBIT_V2: Board = Board {
    id: "microbit_v2",
    name: "micro:bit v2",
    mcu: "nRF52833",
    crate_dir: "boards/nrf/microbit-v2",
    bin: "mpy-board-microbit-v2",
    target: "thumbv7em-none-eabihf",
    features: &[
        "float",
        "bigint",
        "mpy-modules/sys",
        "mpy-modules/gc",
        "mpy-modules/micropython",
        "mpy-modules/time",
        "mpy-modules/math",
    ],
    emulator_features: &[],
    heap_size: 64 * KB,
    stack_size: 8 * KB,
    flash_base: 0,
    flash_size: 512 * KB,
    firmware_base: 0,
    firmware_size: 448 * KB,
    fs_base: 0x7_0000,
    fs_size: 64 * KB,
    ram_base: 0x2000_0000,
    ram_size: 128 * KB,
    console_uart: 0,
    console_tx: "P0.06",
    console_rx: "P1.08",
    pins: &[("BUTTON_A", "P0.14"), ("BUTTON_B", "P0.23")],
    boot2_size: 0,
    emulator: Emulator::None,
};

pub const PICO: Board = Board {
    id: "rpi_pico",
    name: "Raspberry Pi Pico",
    mcu: "RP2040",
    crate_dir: "boards/rp2040",
    bin: "mpy-board-rp2040",
    target: "thumbv6m-none-eabi",
    features: &[
        "float",
        "bigint",
        "mpy-modules/sys",
        "mpy-modules/gc",
        "mpy-modules/micropython",
        "mpy-modules/time",
        "mpy-modules/math",
    ],
    emulator_features: &["emulator"],
    heap_size: 160 * KB,
    stack_size: 16 * KB,
    flash_base: 0x1000_0000,
    flash_size: 2048 * KB,
    firmware_base: 0x1000_0000,
    firmware_size: 1024 * KB,
    fs_base: 0x1010_0000,
    fs_size: 1024 * KB,
    ram_base: 0x2000_0000,
    ram_size: 264 * KB,
    console_uart: 0,
    console_tx: "GP0",
    console_rx: "GP1",
    pins: &[("LED", "GP25")],
    boot2_size: 256,
    emulator: Emulator::Rp2040js,
};

pub const ESP32C3: Board = Board {
    id: "esp32c3",
    name: "ESP32-C3 DevKitM-1",
    mcu: "ESP32-C3",
    crate_dir: "boards/esp32c3",
    bin: "mpy-board-esp32c3",
    target: "riscv32imc-unknown-none-elf",
    features: &[
        "float",
        "bigint",
        "mpy-modules/sys",
        "mpy-modules/gc",
        "mpy-modules/micropython",
        "mpy-modules/time",
        "mpy-modules/math",
    ],
    emulator_features: &[],
    heap_size: 128 * KB,
    stack_size: 16 * KB,
    flash_base: 0,
    flash_size: 4096 * KB,
    firmware_base: 0x1_0000,
    firmware_size: 1984 * KB,
    fs_base: 0x20_0000,
    fs_size: 2048 * KB,
    ram_base: 0x3FC8_0000,
    ram_size: 400 * KB,
    console_uart: 0,
    console_tx: "GPIO21",
    console_rx: "GPIO20",
    pins: &[("BOOT", "GPIO9"), ("LED", "GPIO8")],
    boot2_size: 0,
    emulator: Emulator::None,
};

/// Every board this harness knows.
pub const ALL: &[Board] = &[
    PYBOARD,
    MICROBIT_V1,
    MICROBIT_V1_QEMU,
    MICROBIT_V2,
    PICO,
    ESP32C3,
];

pub fn by_id(id: &str) -> Option<&'static Board> {
    ALL.iter().find(|b| b.id == id)
}
