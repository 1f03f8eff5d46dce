//! `write-gen-dir <board-id> <dir>`: writes memory.x and board_config.rs for a board build
//! (stand-in for `cargo xtask` while it cannot generate them).
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [id, dir] = args.as_slice() else {
        eprintln!("usage: write-gen-dir <board-id> <dir>");
        std::process::exit(2);
    };
    let Some(board) = mpy_emu_tests::boards::by_id(id) else {
        let ids: Vec<_> = mpy_emu_tests::boards::ALL.iter().map(|b| b.id).collect();
        eprintln!("unknown board {id:?}; known: {}", ids.join(", "));
        std::process::exit(2);
    };
    if let Err(e) = mpy_emu_tests::gen_dir::write(board, std::path::Path::new(dir)) {
        eprintln!("writing {dir}: {e}");
        std::process::exit(1);
    }
}
