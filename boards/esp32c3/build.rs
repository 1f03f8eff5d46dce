fn main() {
    // esp-hal's linker scripts carry the ESP memory map; only board_config.rs is used.
    mpy_board_build::use_generated_config_only();
    mpy_board_build::link_esp();
}
