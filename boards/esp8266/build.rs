fn main() {
    // The generated memory.x holds the ESP8266 memory map and entry point
    // (xtask/src/esp8266_map.rs); xtensa-lx-rt's link.x includes it.
    mpy_board_build::use_generated_dir();
    mpy_board_build::link_xtensa_lx_rt();
}
