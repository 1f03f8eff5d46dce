fn main() {
    mpy_board_build::use_generated_dir();
    mpy_board_build::link_cortex_m();
}
