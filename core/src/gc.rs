//! The garbage-collected heap: one fixed region, mark-and-sweep, cycles reclaimed.
//!
//! Layout of the region (MicroPython's design): an allocation table (ATB, 2 bits per block:
//! free / head / tail / marked head), a "manual" table (1 bit per block: blocks owned by the Rust
//! global allocator, freed explicitly, never swept), then the blocks, `BLOCK` bytes each.
//! The manual bit of an allocation's first *tail* block (never a head, so never read as
//! "manual") marks a leaf: an allocation without pointers, e.g. a big int's limbs, whose
//! contents the marker skips (see [`Heap::set_leaf`]).
//!
//! Roots, scanned conservatively (any aligned word that points into an allocated block marks it):
//! - the ranges the caller passes to [`Heap::collect`] (the `Vm` struct),
//! - the native stack between the current stack pointer and the stack top given at start-up, plus
//!   the callee-saved registers (spilled onto the stack first), so Rust locals holding `Value`s
//!   are roots without any bookkeeping; pointers into the middle of a block count (Rust may keep
//!   only an interior pointer, e.g. while iterating a slice),
//! - every manual block (Rust `Vec`s/`Box`es on boards, which may hold `Value`s).
//!
//! Object contents are scanned conservatively too (leaves excepted): every word of a marked
//! block is a candidate pointer. That needs no per-type tracing code and matches what the
//! core's objects contain.
//! Only head pointers count inside the heap (objects always hold pointers to block starts).

use core::ptr::NonNull;

/// Bytes per block: 16 (four words on 32-bit chips, two on 64-bit hosts).
pub const BLOCK: usize = 16;
const WORD: usize = core::mem::size_of::<usize>();

const AT_FREE: u8 = 0;
const AT_HEAD: u8 = 1;
const AT_TAIL: u8 = 2;
const AT_MARK: u8 = 3;

/// Run sizes (in blocks) with their own allocation search hint; larger runs share the last.
const RUN_HINTS: usize = 8;

/// Size classes (by power of two) of runs above `RUN_HINTS` blocks, each with a hint
/// remembered from its last allocation (see `LargeHint`).
const LARGE_CLASSES: usize = 12;

/// Depth of the explicit mark stack; on overflow the marker rescans the heap.
const MARK_STACK: usize = 64;

pub struct Heap {
    /// Start of the allocation table (2 bits per block).
    atb: *mut u8,
    /// Start of the manual-block table (1 bit per block).
    mtb: *mut u8,
    /// First block.
    pool: *mut u8,
    n_blocks: usize,
    /// Lowest block that may be free (single-block search starts here).
    first_free: usize,
    /// Allocations are placed below this block until a collection has been tried (`alloc`).
    soft_limit: usize,
    /// Per-size search hints (see `try_alloc`).
    run_hint: [usize; RUN_HINTS],
    /// Search hints for runs longer than `RUN_HINTS`, one per power-of-two size class.
    large_hint: [LargeHint; LARGE_CLASSES],
    /// Every block from here on is free (one past the highest allocation since the last
    /// sweep): collections scan the tables only below it.
    top: usize,
    /// Blocks in use (heads and tails), kept up to date for `mem_alloc`.
    used_blocks: usize,
    /// Highest address of the native stack (its start, since stacks grow down).
    stack_top: usize,
    /// Collections are suppressed while > 0 (`gc.disable()` only stops automatic collection
    /// below a threshold; `lock` forbids allocation entirely, as `micropython.heap_lock`).
    pub auto_collect: bool,
    pub locked: u32,
    /// Number of collections run (for tests and `micropython.mem_info`).
    pub collections: usize,
    mark_overflow: bool,
    mark_stack: [usize; MARK_STACK],
    mark_sp: usize,
}

/// "No run of `blocks` or more free blocks starts below block `below`": what the last
/// allocation in one size class learnt, valid for any request of at least `blocks` blocks.
#[derive(Clone, Copy)]
struct LargeHint {
    blocks: usize,
    below: usize,
}

/// Free entries (0b00) of an ATB byte: bit 2i set when block i of the byte is free.
#[inline(always)]
fn free_entries(byte: u8) -> u8 {
    !(byte | (byte >> 1)) & 0x55
}

/// `free_entries` of eight ATB bytes.
#[inline(always)]
fn free_entries_word(w: u64) -> u64 {
    !(w | (w >> 1)) & 0x5555_5555_5555_5555
}

/// Eight ATB bytes of tails.
const ALL_TAILS: u64 = 0xAAAA_AAAA_AAAA_AAAA;

/// Statistics for `gc.mem_free()` / `micropython.mem_info()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeapStats {
    pub total: usize,
    pub used: usize,
    pub free: usize,
    pub max_free_run: usize,
}

impl Heap {
    /// Build a heap in `region`; `stack_top` is an address at (or above) the outermost native
    /// stack frame that will hold `Value`s.
    ///
    /// # Safety
    /// `region` must be valid for reads and writes for as long as the heap and any `Value` from
    /// it is used, and not used by anything else.
    pub unsafe fn new(region: *mut u8, len: usize, stack_top: usize) -> Heap {
        // Solve for n blocks: n*BLOCK + n/4 (ATB) + n/8 (MTB) + alignment slack <= len.
        let usable = len.saturating_sub(2 * BLOCK);
        let n_blocks = usable * 8 / (8 * BLOCK + 2 + 1);
        let atb_len = n_blocks.div_ceil(4);
        let mtb_len = n_blocks.div_ceil(8);
        let atb = region;
        let mtb = region.add(atb_len);
        let pool_start = (mtb as usize + mtb_len).next_multiple_of(BLOCK);
        let pool = pool_start as *mut u8;
        debug_assert!(pool_start + n_blocks * BLOCK <= region as usize + len);
        // SAFETY: both tables lie inside `region` (checked above), which the caller gives us.
        core::ptr::write_bytes(atb, 0, atb_len);
        core::ptr::write_bytes(mtb, 0, mtb_len);
        Heap {
            atb,
            mtb,
            pool,
            n_blocks,
            first_free: 0,
            run_hint: [0; RUN_HINTS],
            large_hint: [LargeHint {
                blocks: 0,
                below: 0,
            }; LARGE_CLASSES],
            top: 0,
            soft_limit: n_blocks / 2,
            used_blocks: 0,
            stack_top,
            auto_collect: true,
            locked: 0,
            collections: 0,
            mark_overflow: false,
            mark_stack: [0; MARK_STACK],
            mark_sp: 0,
        }
    }

    #[inline(always)]
    fn kind(&self, block: usize) -> u8 {
        // SAFETY: callers pass block < n_blocks; the ATB has n_blocks entries.
        let byte = unsafe { *self.atb.add(block / 4) };
        (byte >> ((block % 4) * 2)) & 3
    }
    #[inline(always)]
    fn set_kind(&mut self, block: usize, kind: u8) {
        let shift = (block % 4) * 2;
        // SAFETY: block < n_blocks, so the byte is inside the ATB.
        unsafe {
            let p = self.atb.add(block / 4);
            *p = (*p & !(3 << shift)) | (kind << shift);
        }
    }
    /// Sets blocks `from..to` (< n_blocks) to `kind`, an ATB byte (four blocks) per step:
    /// large allocations are long runs of tails.
    fn set_kinds(&mut self, from: usize, to: usize, kind: u8) {
        let fill = kind * 0x55;
        let mut b = from;
        while b < to {
            let slot = b % 4;
            let n = (4 - slot).min(to - b);
            let mask = (((1u16 << (2 * n)) - 1) as u8) << (2 * slot);
            // SAFETY: b < to <= n_blocks, so the byte is inside the ATB.
            unsafe {
                let p = self.atb.add(b / 4);
                *p = (*p & !mask) | (fill & mask);
            }
            b += n;
        }
    }
    #[inline(always)]
    fn is_manual(&self, block: usize) -> bool {
        // SAFETY: block < n_blocks; the MTB has n_blocks bits.
        unsafe { *self.mtb.add(block / 8) & (1 << (block % 8)) != 0 }
    }
    fn set_manual(&mut self, block: usize, on: bool) {
        // SAFETY: block < n_blocks.
        unsafe {
            let p = self.mtb.add(block / 8);
            if on {
                *p |= 1 << (block % 8);
            } else {
                *p &= !(1 << (block % 8));
            }
        }
    }

    fn block_addr(&self, block: usize) -> usize {
        self.pool as usize + block * BLOCK
    }

    /// The block an address falls in, if it is inside the pool.
    #[inline(always)]
    fn block_of(&self, addr: usize) -> Option<usize> {
        let start = self.pool as usize;
        if addr >= start && addr < start + self.n_blocks * BLOCK {
            Some((addr - start) / BLOCK)
        } else {
            None
        }
    }

    /// Does `addr` point inside this heap's blocks?
    pub fn contains(&self, addr: usize) -> bool {
        self.block_of(addr).is_some()
    }

    pub fn total_bytes(&self) -> usize {
        self.n_blocks * BLOCK
    }

    /// Allocate `bytes` (zeroed), collecting garbage first if needed; `roots` are extra root
    /// ranges (word-aligned start, length in words) scanned if a collection runs.
    ///
    /// Allocations stay below `soft_limit` and collect before crossing it: the working set
    /// then cycles through the bottom of the heap, survivors end up packed low instead of
    /// sprinkled over the whole heap, and large blocks still find contiguous space above.
    pub fn alloc(&mut self, bytes: usize, roots: &[(*const usize, usize)]) -> Option<NonNull<u8>> {
        if self.locked > 0 {
            return None;
        }
        let n = bytes.max(1).div_ceil(BLOCK);
        if let Some(p) = self.try_alloc(n, self.soft_limit) {
            return Some(p);
        }
        if self.auto_collect {
            self.collect(roots);
            if let Some(p) = self.try_alloc(n, self.soft_limit) {
                return Some(p);
            }
        }
        // `gc.disable()` or a large request: use all of the heap before failing.
        self.try_alloc(n, self.n_blocks)
    }

    /// Allocate without ever collecting (used where no collection may run, e.g. while the
    /// caller holds raw pointers it has not exposed to the scanner).
    pub fn alloc_no_collect(&mut self, bytes: usize) -> Option<NonNull<u8>> {
        if self.locked > 0 {
            return None;
        }
        self.try_alloc(bytes.max(1).div_ceil(BLOCK), self.n_blocks)
    }

    /// First fit of `n` blocks lying wholly below block `limit`.
    fn try_alloc(&mut self, n: usize, limit: usize) -> Option<NonNull<u8>> {
        // First fit (keeps the heap compact, so large blocks stay available), searched from
        // hints: `run_hint[k]` is a block index below which no free run of k + 1 or more
        // blocks exists; longer runs also use `large_hint`. Without hints, first fit rescans
        // the same fragmented prefix on every allocation (quadratic).
        let k = n.min(RUN_HINTS) - 1;
        let mut from = self.run_hint[k].max(self.first_free);
        if n > RUN_HINTS {
            for h in &self.large_hint {
                if h.blocks <= n {
                    from = from.max(h.below);
                }
            }
        }
        let Some(start) = self.find_run(from, limit, n) else {
            // A miss below a limit says nothing about runs crossing it: only a full search
            // may move the hints.
            if limit == self.n_blocks {
                self.learn_no_run_below(n, self.n_blocks);
            }
            return None;
        };
        // Runs starting inside the new allocation are not free either.
        self.learn_no_run_below(n, start + n);
        self.set_kind(start, AT_HEAD);
        self.set_kinds(start + 1, start + n, AT_TAIL);
        // Manual and leaf bits left by earlier allocations of these blocks are stale.
        self.set_manual(start, false);
        if n > 1 {
            self.set_manual(start + 1, false);
        }
        if n == 1 || start == self.first_free {
            // Every block below `start` that the search passed over is in use.
            self.first_free = start + n;
        }
        self.top = self.top.max(start + n);
        self.used_blocks += n;
        let p = self.block_addr(start) as *mut u8;
        // SAFETY: blocks start..start+n are inside the pool and were free (no live object).
        unsafe {
            if n == 1 {
                // The commonest size, zeroed without a call to memset.
                core::ptr::write_bytes(p, 0, BLOCK);
            } else {
                core::ptr::write_bytes(p, 0, n * BLOCK);
            }
        }
        NonNull::new(p)
    }

    /// Records that no free run of `n` or more blocks starts below block `below`.
    /// Small sizes (the hot path: floats, bound methods) only move `run_hint`.
    #[inline(always)]
    fn learn_no_run_below(&mut self, n: usize, below: usize) {
        if n <= RUN_HINTS {
            for h in &mut self.run_hint[n - 1..] {
                *h = (*h).max(below);
            }
            return;
        }
        self.learn_no_large_run_below(n, below);
    }

    /// [`Self::learn_no_run_below`] for runs longer than `RUN_HINTS` blocks: rarer, so one
    /// shared copy out of line.
    #[inline(never)]
    fn learn_no_large_run_below(&mut self, n: usize, below: usize) {
        // Longer runs than `n` cannot start below `below` either.
        for h in &mut self.large_hint {
            if h.blocks >= n {
                h.below = h.below.max(below);
            }
        }
        let class = ((n.ilog2() - RUN_HINTS.ilog2()) as usize).min(LARGE_CLASSES - 1);
        self.large_hint[class] = LargeHint { blocks: n, below };
    }

    /// Blocks from `b` on became free: lower the search hints.
    fn freed_from(&mut self, b: usize) {
        if b < self.first_free {
            self.first_free = b;
        }
        for h in &mut self.run_hint {
            *h = (*h).min(b);
        }
        for h in &mut self.large_hint {
            h.below = h.below.min(b);
        }
    }

    /// First run of `n` free blocks starting in [from, to). Whole ATB words of 32 blocks and
    /// bytes of four blocks that are all free or all in use are skipped at once.
    fn find_run(&mut self, from: usize, to: usize, n: usize) -> Option<usize> {
        let mut run = 0;
        let mut start = from;
        let mut i = from;
        while i < to {
            if i.is_multiple_of(32) && i + 32 <= to {
                // 32 blocks at once: all in use, or all free.
                let w = self.atb_word(i / 4);
                if free_entries_word(w) == 0 {
                    run = 0;
                    i += 32;
                    continue;
                }
                if w == 0 && run + 32 < n {
                    if run == 0 {
                        start = i;
                    }
                    run += 32;
                    i += 32;
                    continue;
                }
            }
            if i.is_multiple_of(4) && i + 4 <= to {
                // SAFETY: i / 4 < ATB length since i < n_blocks.
                let byte = unsafe { *self.atb.add(i / 4) };
                if byte == 0 {
                    if run == 0 {
                        start = i;
                    }
                    run += 4;
                    if run >= n {
                        return Some(start);
                    }
                    i += 4;
                    continue;
                }
                if free_entries(byte) == 0 {
                    run = 0;
                    i += 4;
                    continue;
                }
            }
            if self.kind(i) == AT_FREE {
                if run == 0 {
                    start = i;
                }
                run += 1;
                if run >= n {
                    return Some(start);
                }
            } else {
                run = 0;
            }
            i += 1;
        }
        None
    }

    /// Number of blocks of the allocation starting at `block` (a head).
    fn alloc_len(&self, block: usize) -> usize {
        let mut n = 1;
        while block + n < self.n_blocks && self.kind(block + n) == AT_TAIL {
            n += 1;
        }
        n
    }

    /// Size in bytes of the allocation at `p` (a pointer returned by `alloc`), or 0.
    pub fn size_of(&self, p: *const u8) -> usize {
        match self.block_of(p as usize) {
            Some(b) if self.kind(b) == AT_HEAD || self.kind(b) == AT_MARK => {
                self.alloc_len(b) * BLOCK
            }
            _ => 0,
        }
    }

    /// Free an allocation explicitly (before the GC would): used when the owner knows nothing else
    /// refers to it (grown buffers, value-stack frames, manual blocks).
    pub fn free(&mut self, p: *const u8) {
        let Some(b) = self.block_of(p as usize) else {
            return;
        };
        if self.kind(b) != AT_HEAD || p as usize != self.block_addr(b) {
            return;
        }
        let n = self.alloc_len(b);
        self.clear_leaf(b);
        self.set_kinds(b, b + n, AT_FREE);
        self.set_manual(b, false);
        self.used_blocks -= n;
        self.freed_from(b);
    }

    /// Try to grow or shrink an allocation in place; returns true on success.
    pub fn realloc_in_place(&mut self, p: *const u8, new_bytes: usize) -> bool {
        let Some(b) = self.block_of(p as usize) else {
            return false;
        };
        if self.kind(b) != AT_HEAD {
            return false;
        }
        let have = self.alloc_len(b);
        let want = new_bytes.max(1).div_ceil(BLOCK);
        if want <= have {
            if want == 1 && have > 1 {
                // No first tail block any more: drop its leaf bit.
                self.set_manual(b + 1, false);
            }
            self.set_kinds(b + want, b + have, AT_FREE);
            self.used_blocks -= have - want;
            self.freed_from(b + want);
            return true;
        }
        if b + want > self.n_blocks || (b + have..b + want).any(|i| self.kind(i) != AT_FREE) {
            return false;
        }
        self.set_kinds(b + have, b + want, AT_TAIL);
        self.top = self.top.max(b + want);
        self.used_blocks += want - have;
        // SAFETY: the new tail blocks are inside the pool and were free.
        unsafe {
            core::ptr::write_bytes(
                self.block_addr(b + have) as *mut u8,
                0,
                (want - have) * BLOCK,
            )
        };
        true
    }

    /// Declares that the allocation at `p` (a pointer returned by `alloc`) holds no pointers,
    /// so collections do not scan its contents: less marking work, and no garbage kept alive
    /// by data that happens to look like a pointer. Only allocations of two or more blocks
    /// can be leaves (the bit lives on the first tail block); for others this does nothing.
    pub fn set_leaf(&mut self, p: *const u8) {
        if let Some(b) = self.block_of(p as usize) {
            if self.kind(b) == AT_HEAD && b + 1 < self.n_blocks && self.kind(b + 1) == AT_TAIL {
                self.set_manual(b + 1, true);
            }
        }
    }

    /// Drops the leaf bit of the allocation with head block `b` as it is freed, so the
    /// manual table stays sparse (stale bits would only cost time: allocation clears them).
    fn clear_leaf(&mut self, b: usize) {
        if self.is_leaf(b) {
            self.set_manual(b + 1, false);
        }
    }

    /// Is the allocation with head block `b` a leaf (`set_leaf`)?
    #[inline(always)]
    fn is_leaf(&self, b: usize) -> bool {
        b + 1 < self.n_blocks && self.kind(b + 1) == AT_TAIL && self.is_manual(b + 1)
    }

    /// Allocate a block for the Rust global allocator: never swept, scanned as a root.
    pub fn alloc_manual(
        &mut self,
        bytes: usize,
        roots: &[(*const usize, usize)],
    ) -> Option<NonNull<u8>> {
        let p = self.alloc(bytes, roots)?;
        let b = (p.as_ptr() as usize - self.pool as usize) / BLOCK;
        self.set_manual(b, true);
        Some(p)
    }

    pub fn stats(&self) -> HeapStats {
        let mut max_run = 0;
        let mut run = 0;
        for i in 0..self.n_blocks {
            if self.kind(i) == AT_FREE {
                run += 1;
                max_run = max_run.max(run);
            } else {
                run = 0;
            }
        }
        HeapStats {
            total: self.n_blocks * BLOCK,
            used: self.used_blocks * BLOCK,
            free: (self.n_blocks - self.used_blocks) * BLOCK,
            max_free_run: max_run * BLOCK,
        }
    }

    /// Run a full collection.
    pub fn collect(&mut self, roots: &[(*const usize, usize)]) {
        self.collections += 1;
        self.mark_overflow = false;
        self.mark_sp = 0;
        for &(p, n) in roots {
            self.scan_range(p as usize, n, false);
        }
        self.mark_manual_blocks();
        self.drain_mark_stack();
        self.scan_native_stack();
        self.drain_mark_stack();
        while self.mark_overflow {
            // The mark stack overflowed: rescan every marked block's contents.
            self.mark_overflow = false;
            for b in 0..self.top {
                if self.kind(b) == AT_MARK {
                    self.push_children(b);
                    self.drain_mark_stack();
                }
            }
        }
        self.sweep();
    }

    /// Manual blocks are roots. The manual table is read a byte (8 blocks) at a time: most
    /// bytes are zero.
    fn mark_manual_blocks(&mut self) {
        let bytes = self.top.div_ceil(8);
        let mut i = 0;
        while i < bytes {
            // SAFETY: bytes i..i + 8 are inside the MTB (checked first); unaligned read.
            if i.is_multiple_of(8)
                && i + 8 <= bytes
                && unsafe { (self.mtb.add(i) as *const u64).read_unaligned() } == 0
            {
                i += 8;
                continue;
            }
            // SAFETY: i < top / 8 rounded up <= the MTB length.
            let mut bits = unsafe { *self.mtb.add(i) };
            while bits != 0 {
                // Set bits are manual heads or leaf bits (on tails, skipped here).
                let b = i * 8 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if self.kind(b) == AT_HEAD {
                    self.mark_block(b);
                }
            }
            i += 1;
        }
    }

    /// Scan the native stack and callee-saved registers.
    #[inline(never)]
    fn scan_native_stack(&mut self) {
        let regs = spill_registers();
        let here = &regs as *const _ as usize;
        let top = self.stack_top;
        if top > here {
            let words = (top - here) / WORD;
            self.scan_range(here & !(WORD - 1), words, true);
        }
        core::hint::black_box(&regs);
    }

    /// Mark every block pointed to by a word in `[start, start + words*WORD)`.
    fn scan_range(&mut self, start: usize, words: usize, allow_interior: bool) {
        for i in 0..words {
            // SAFETY: the caller passes ranges of readable words: the Vm struct, the live part
            // of the native stack, or a marked heap block. Volatile: the compiler must not
            // assume anything about stack slots it considers dead.
            let w = unsafe { core::ptr::read_volatile((start + i * WORD) as *const usize) };
            self.mark_candidate(w, allow_interior);
            self.drain_mark_stack();
        }
    }

    #[inline(always)]
    fn mark_candidate(&mut self, w: usize, allow_interior: bool) {
        let Some(mut b) = self.block_of(w) else {
            return;
        };
        if !allow_interior {
            if !w.is_multiple_of(BLOCK) {
                return;
            }
        } else {
            while self.kind(b) == AT_TAIL && b > 0 {
                b -= 1;
            }
        }
        if self.kind(b) == AT_HEAD {
            self.mark_block(b);
        }
    }

    fn mark_block(&mut self, b: usize) {
        self.set_kind(b, AT_MARK);
        if self.mark_sp < MARK_STACK {
            self.mark_stack[self.mark_sp] = b;
            self.mark_sp += 1;
        } else {
            self.mark_overflow = true;
        }
    }

    fn drain_mark_stack(&mut self) {
        while self.mark_sp > 0 {
            self.mark_sp -= 1;
            let b = self.mark_stack[self.mark_sp];
            self.push_children(b);
        }
    }

    fn push_children(&mut self, b: usize) {
        if self.is_leaf(b) {
            return;
        }
        let n = self.alloc_len(b);
        let start = self.block_addr(b);
        for i in 0..n * BLOCK / WORD {
            // SAFETY: the words lie inside block b's allocation, inside the pool.
            let w = unsafe { *((start + i * WORD) as *const usize) };
            if w % BLOCK == 0 {
                if let Some(c) = self.block_of(w) {
                    if self.kind(c) == AT_HEAD {
                        self.mark_block(c);
                    }
                }
            }
        }
    }

    /// Eight ATB bytes (32 blocks) from byte `i`, which must be at least 8 bytes before the
    /// end of the ATB.
    #[inline(always)]
    fn atb_word(&self, i: usize) -> u64 {
        // SAFETY: bytes i..i + 8 are inside the ATB (callers check); unaligned read.
        unsafe { (self.atb.add(i) as *const u64).read_unaligned() }
    }

    /// Frees unmarked allocations and unmarks the rest, a byte of the allocation table (four
    /// blocks) at a time, only below `top`; then resets the hints and the soft limit.
    fn sweep(&mut self) {
        let mut freeing = false;
        let mut used = 0;
        let mut first_free = None;
        let mut top = 0;
        let bytes = self.top.min(self.n_blocks).div_ceil(4);
        let mut i = 0;
        while i < bytes {
            if i.is_multiple_of(8) && i + 8 <= bytes {
                // 32 blocks at once when all free or all tails (inside one large allocation).
                let w = self.atb_word(i);
                if w == 0 || w == ALL_TAILS {
                    if w == ALL_TAILS && !freeing {
                        used += 32;
                        top = i * 4 + 32;
                    } else {
                        // SAFETY: bytes i..i + 8 are inside the ATB (i + 8 <= its length).
                        unsafe { core::ptr::write_bytes(self.atb.add(i), 0, 8) };
                        first_free = first_free.or(Some(i * 4));
                    }
                    i += 8;
                    continue;
                }
            }
            // SAFETY: i < n_blocks / 4 rounded up, the ATB length.
            let p = unsafe { self.atb.add(i) };
            // SAFETY: as above.
            let old = unsafe { *p };
            let new = match old {
                0x00 => 0x00,
                // Four tails: the middle of an allocation.
                0xAA if freeing => 0x00,
                0xAA => {
                    used += 4;
                    top = i * 4 + 4;
                    0xAA
                }
                _ => {
                    let mut new = 0u8;
                    for slot in 0..4 {
                        let kind = match (old >> (slot * 2)) & 3 {
                            AT_HEAD => {
                                freeing = true;
                                // Not yet swept, so the next block's kind is still current.
                                self.clear_leaf(i * 4 + slot);
                                AT_FREE
                            }
                            AT_MARK => {
                                freeing = false;
                                AT_HEAD
                            }
                            AT_TAIL if freeing => AT_FREE,
                            kind => kind,
                        };
                        if kind != AT_FREE {
                            used += 1;
                            top = i * 4 + slot + 1;
                        }
                        new |= kind << (slot * 2);
                    }
                    new
                }
            };
            // SAFETY: as above.
            unsafe { *p = new };
            let free = free_entries(new);
            if first_free.is_none() && free != 0 {
                first_free = Some(i * 4 + free.trailing_zeros() as usize / 2);
            }
            i += 1;
        }
        self.used_blocks = used;
        self.top = top;
        // Blocks past the swept bytes are free (they were at or above `top`).
        let first = first_free.unwrap_or(bytes * 4).min(self.n_blocks);
        self.first_free = first;
        self.run_hint = [first; RUN_HINTS];
        for h in &mut self.large_hint {
            h.below = first;
        }
        self.soft_limit = self.soft_limit_after_sweep(first, used);
    }

    /// The next collection is due once the allocations have used the lower half of the free
    /// blocks (counted, so a survivor near the top does not lift the limit). With little free
    /// memory the limit would force a collection on almost every allocation: keep at least
    /// 1/16 of the heap allocatable between collections.
    fn soft_limit_after_sweep(&self, first: usize, used: usize) -> usize {
        let half_free = ((self.n_blocks - used) / 2).max(self.n_blocks / 16);
        let mut seen = 0;
        let mut b = first;
        while b < self.n_blocks {
            if b.is_multiple_of(32) && b + 32 <= self.n_blocks {
                let free = free_entries_word(self.atb_word(b / 4)).count_ones() as usize;
                if seen + free < half_free {
                    seen += free;
                    b += 32;
                    continue;
                }
            }
            if b.is_multiple_of(4) && b + 4 <= self.n_blocks {
                // SAFETY: b / 4 < the ATB length.
                let free = free_entries(unsafe { *self.atb.add(b / 4) }).count_ones() as usize;
                if seen + free < half_free {
                    seen += free;
                    b += 4;
                    continue;
                }
            }
            if self.kind(b) == AT_FREE {
                seen += 1;
                if seen >= half_free {
                    return b + 1;
                }
            }
            b += 1;
        }
        self.n_blocks
    }
}

/// Registers that may hold pointers across calls, copied onto the stack so the stack scan sees
/// them. Callee-saved registers are the ones a caller up the stack may keep a `Value` in.
#[inline(never)]
fn spill_registers() -> [usize; 12] {
    let mut regs = [0usize; 12];
    #[cfg(target_arch = "x86_64")]
    // SAFETY: only stores register values into the local array; touches no other memory.
    unsafe {
        core::arch::asm!(
            "mov [{0}], rbx", "mov [{0} + 8], rbp", "mov [{0} + 16], r12",
            "mov [{0} + 24], r13", "mov [{0} + 32], r14", "mov [{0} + 40], r15",
            in(reg) regs.as_mut_ptr(), options(nostack, preserves_flags)
        );
    }
    #[cfg(target_arch = "aarch64")]
    // SAFETY: only stores register values into the local array.
    unsafe {
        core::arch::asm!(
            "stp x19, x20, [{0}]", "stp x21, x22, [{0}, #16]", "stp x23, x24, [{0}, #32]",
            "stp x25, x26, [{0}, #48]", "stp x27, x28, [{0}, #64]", "stp x29, x30, [{0}, #80]",
            in(reg) regs.as_mut_ptr(), options(nostack, preserves_flags)
        );
    }
    #[cfg(target_arch = "arm")]
    // SAFETY: only stores register values into the local array. Thumb-1 can only `str` low
    // registers, so high ones go through r0 (declared clobbered).
    unsafe {
        core::arch::asm!(
            "str r4, [{0}]", "str r5, [{0}, #4]", "str r6, [{0}, #8]",
            "mov r0, r8", "str r0, [{0}, #12]", "mov r0, r9", "str r0, [{0}, #16]",
            "mov r0, r10", "str r0, [{0}, #20]", "mov r0, r11", "str r0, [{0}, #24]",
            in(reg) regs.as_mut_ptr(), out("r0") _, options(nostack, preserves_flags)
        );
    }
    #[cfg(target_arch = "riscv32")]
    // SAFETY: only stores register values into the local array.
    unsafe {
        core::arch::asm!(
            "sw s0, 0({0})", "sw s1, 4({0})", "sw s2, 8({0})", "sw s3, 12({0})",
            "sw s4, 16({0})", "sw s5, 20({0})", "sw s6, 24({0})", "sw s7, 28({0})",
            "sw s8, 32({0})", "sw s9, 36({0})", "sw s10, 40({0})", "sw s11, 44({0})",
            in(reg) regs.as_mut_ptr(), options(nostack, preserves_flags)
        );
    }
    #[cfg(target_arch = "xtensa")]
    // SAFETY: only stores register values into the local array (windowed ABI: a12-a15 are
    // the callee-preserved ones a caller's frame may use).
    unsafe {
        core::arch::asm!(
            "s32i a12, {0}, 0", "s32i a13, {0}, 4", "s32i a14, {0}, 8", "s32i a15, {0}, 12",
            in(reg) regs.as_mut_ptr(), options(nostack, preserves_flags)
        );
    }
    core::hint::black_box(regs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec;

    fn heap_of(buf: &mut [usize]) -> Heap {
        // SAFETY: buf outlives the heap in each test; the stack top is this frame's caller's.
        unsafe { Heap::new(buf.as_mut_ptr() as *mut u8, buf.len() * WORD, 0) }
    }

    #[test]
    fn alloc_free_and_stats() {
        let mut buf = vec![0usize; 4096];
        let mut h = heap_of(&mut buf);
        let total = h.stats().total;
        assert!(total > 4096 * WORD * 9 / 10);
        let a = h.alloc(40, &[]).unwrap();
        assert_eq!(h.size_of(a.as_ptr()), 48);
        assert_eq!(h.stats().used, 48);
        h.free(a.as_ptr());
        assert_eq!(h.stats().used, 0);
    }

    #[test]
    fn collect_keeps_reachable_and_frees_cycles() {
        let mut buf = vec![0usize; 4096];
        let mut h = heap_of(&mut buf);
        // Two blocks pointing at each other (a cycle), unreachable.
        let a = h.alloc(16, &[]).unwrap().as_ptr() as *mut usize;
        let b = h.alloc(16, &[]).unwrap().as_ptr() as *mut usize;
        // SAFETY: a and b are fresh 16-byte allocations.
        unsafe {
            *a = b as usize;
            *b = a as usize;
        }
        // A reachable chain root -> c -> d.
        let c = h.alloc(16, &[]).unwrap().as_ptr() as *mut usize;
        let d = h.alloc(32, &[]).unwrap().as_ptr() as usize;
        // SAFETY: c is a fresh allocation.
        unsafe { *c = d };
        let root = [c as usize];
        h.stack_top = 0; // no native stack scan in this test
        h.collect(&[(root.as_ptr(), 1)]);
        assert_eq!(h.size_of(c as *const u8), 16);
        assert_eq!(h.size_of(d as *const u8), 32);
        assert_eq!(h.size_of(a as *const u8), 0);
        assert_eq!(h.size_of(b as *const u8), 0);
        assert_eq!(h.stats().used, 48);
    }

    #[test]
    fn exhaustion_returns_none_not_panic() {
        let mut buf = vec![0usize; 256];
        let mut h = heap_of(&mut buf);
        // Keep every allocation reachable, so the collection `alloc` runs cannot free them.
        let mut live = vec![0usize; 64];
        let mut n = 0;
        loop {
            let roots = [(live.as_ptr(), live.len())];
            match h.alloc(64, &roots) {
                Some(p) => live[n] = p.as_ptr() as usize,
                None => break,
            }
            n += 1;
            assert!(n < live.len());
        }
        assert!(n > 0);
        assert!(h.collections > 0);
        // Dropping the roots frees everything.
        h.collect(&[]);
        assert_eq!(h.stats().used, 0);
    }

    #[test]
    fn deep_chain_survives_mark_stack_overflow() {
        let mut buf = vec![0usize; 8192];
        let mut h = heap_of(&mut buf);
        h.stack_top = 0;
        let first = h.alloc(16, &[]).unwrap().as_ptr() as *mut usize;
        let mut prev = first;
        for _ in 0..500 {
            let next = h.alloc(16, &[]).unwrap().as_ptr() as *mut usize;
            // SAFETY: prev is a live 16-byte allocation.
            unsafe { *prev = next as usize };
            prev = next;
        }
        let root = [first as usize];
        h.collect(&[(root.as_ptr(), 1)]);
        assert_eq!(h.stats().used, 501 * 16);
    }

    #[test]
    fn leaf_contents_are_not_scanned() {
        let mut buf = vec![0usize; 4096];
        let mut h = heap_of(&mut buf);
        h.stack_top = 0;
        let leaf = h.alloc(64, &[]).unwrap().as_ptr() as *mut usize;
        let node = h.alloc(64, &[]).unwrap().as_ptr() as *mut usize;
        let held_by_leaf = h.alloc(16, &[]).unwrap().as_ptr() as usize;
        let held_by_node = h.alloc(16, &[]).unwrap().as_ptr() as usize;
        // SAFETY: leaf and node are fresh 64-byte allocations.
        unsafe {
            *leaf = held_by_leaf;
            *node = held_by_node;
        }
        h.set_leaf(leaf as *const u8);
        let roots = [leaf as usize, node as usize];
        h.collect(&[(roots.as_ptr(), 2)]);
        assert_eq!(h.size_of(leaf as *const u8), 64);
        assert_eq!(h.size_of(held_by_node as *const u8), 16);
        assert_eq!(h.size_of(held_by_leaf as *const u8), 0);
        // Once the leaf is gone, an allocation reusing its blocks is scanned again, and a
        // leaf bit does not make a head look like a manual block (it would never be freed).
        h.collect(&[(roots[1..].as_ptr(), 1)]);
        let reuse = h.alloc(64, &[]).unwrap().as_ptr() as *mut usize;
        assert_eq!(reuse, leaf);
        let held = h.alloc(16, &[]).unwrap().as_ptr() as usize;
        // SAFETY: reuse is a fresh 64-byte allocation.
        unsafe { *reuse = held };
        let roots = [reuse as usize];
        h.collect(&[(roots.as_ptr(), 1)]);
        assert_eq!(h.size_of(held as *const u8), 16);
        h.collect(&[]);
        assert_eq!(h.stats().used, 0);
    }

    #[test]
    fn realloc_in_place_grows_into_free_space() {
        let mut buf = vec![0usize; 1024];
        let mut h = heap_of(&mut buf);
        let a = h.alloc(16, &[]).unwrap();
        assert!(h.realloc_in_place(a.as_ptr(), 64));
        assert_eq!(h.size_of(a.as_ptr()), 64);
        let b = h.alloc(16, &[]).unwrap();
        assert!(!h.realloc_in_place(a.as_ptr(), 128));
        assert!(h.realloc_in_place(a.as_ptr(), 16));
        assert_eq!(h.size_of(a.as_ptr()), 16);
        h.free(b.as_ptr());
    }
}
