//! The Rust global allocator, for the core's `alloc` users (compiler Vecs, Strings).
//!
//! The interpreter's own GC heap is a separate region handed to it by the board.

use embedded_alloc::LlffHeap;

#[global_allocator]
static RUST_HEAP: LlffHeap = LlffHeap::empty();

/// Gives `region` to the global allocator. Call once, before anything allocates.
pub fn init(region: &'static mut [u8]) {
    // SAFETY: `region` is a `'static` exclusive borrow, so no one else uses that memory, and the
    // allocator is initialised only here, once, before the first allocation (documented contract).
    unsafe { RUST_HEAP.init(region.as_mut_ptr() as usize, region.len()) }
}

/// The last step of a board's `main`: gives the first quarter of the board's heap region to
/// Rust's global allocator (the compiler's Vecs and Strings), the rest to the interpreter's GC
/// heap, and runs the REPL on `port` for ever.
pub fn split_and_run_repl(
    port: &mut dyn mpy_core::port::Port,
    heap: &'static mut [u8],
    board: &mpy_core::embed::BoardInfo,
) -> ! {
    let rust_share = heap.len() / 4;
    let (rust_heap, interpreter_heap) = heap.split_at_mut(rust_share);
    init(rust_heap);
    mpy_core::repl::run(port, interpreter_heap, board)
}
