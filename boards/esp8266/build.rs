fn main() {
    // The ESP8266 memory map (IRAM/DRAM/IROM segments) differs from the FLASH/RAM pair the
    // generated memory.x describes; xtensa-lx-rt's link.x with its esp8266 memory layout is used.
    mpy_board_build::use_generated_config_only();
    println!("cargo:rustc-link-arg-bins=-Tlink.x");
}
