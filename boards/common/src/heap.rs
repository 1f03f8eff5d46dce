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
