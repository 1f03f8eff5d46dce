//! Interned strings ("qstrs"): identifiers, attribute names and short literals are small
//! integers, so name lookups compare words instead of bytes.
//!
//! Ids below `STATIC_QSTRS.len()` are names known at build time, kept in flash in a sorted
//! table (binary search, no RAM). Higher ids are interned at run time into a pool in the GC heap:
//! an entry array (pointer + length + hash per name) and an open-addressing index. The pool's
//! blocks are reachable from the `Vm` (a GC root), so interned names live as long as the Vm.

use crate::gc::Heap;

include!(concat!(env!("OUT_DIR"), "/qstr_table.rs"));

#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Qstr(pub u32);

pub const N_STATIC: u32 = STATIC_QSTRS.len() as u32;

#[repr(C)]
#[derive(Copy, Clone)]
struct Entry {
    ptr: *const u8,
    len: usize,
    hash: usize,
}

/// The run-time qstr pool.
pub struct QstrPool {
    entries: *mut Entry,
    len: usize,
    cap: usize,
    /// Open-addressing table of entry indices + 1 (0 = empty), `index_cap` slots (power of 2).
    index: *mut u32,
    index_cap: usize,
}

/// FNV-1a: small and fast; the same hash is used for `str` objects so a str and a qstr with the
/// same text hash equal.
pub fn hash_bytes(b: &[u8]) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for &c in b {
        h = (h ^ c as u32).wrapping_mul(0x0100_0193);
    }
    // Python hashes are never -1 and our small ints keep one bit for the tag.
    (h & 0x3fff_ffff) as usize
}

fn find_static(s: &[u8]) -> Option<Qstr> {
    STATIC_QSTRS
        .binary_search_by(|probe| probe.as_bytes().cmp(s))
        .ok()
        .map(|i| Qstr(i as u32))
}

impl QstrPool {
    pub const fn new() -> QstrPool {
        QstrPool {
            entries: core::ptr::null_mut(),
            len: 0,
            cap: 0,
            index: core::ptr::null_mut(),
            index_cap: 0,
        }
    }

    /// Words the GC must treat as roots (the pool's own block pointers).
    pub fn root_words(&self) -> [usize; 2] {
        [self.entries as usize, self.index as usize]
    }

    /// The text of a qstr.
    pub fn get(&self, q: Qstr) -> &str {
        if q.0 < N_STATIC {
            return STATIC_QSTRS[q.0 as usize];
        }
        let i = (q.0 - N_STATIC) as usize;
        if i >= self.len {
            return "";
        }
        // SAFETY: i < len; entries[i] was written by `intern` with a pointer to `len` bytes of
        // valid UTF-8 in a heap block kept alive by the entry array (a rooted block).
        unsafe {
            let e = *self.entries.add(i);
            core::str::from_utf8_unchecked(core::slice::from_raw_parts(e.ptr, e.len))
        }
    }

    pub fn hash(&self, q: Qstr) -> usize {
        if q.0 < N_STATIC {
            return STATIC_QSTR_HASHES[q.0 as usize] as usize;
        }
        let i = (q.0 - N_STATIC) as usize;
        // SAFETY: ids handed out by `intern` are < len.
        if i < self.len {
            unsafe { (*self.entries.add(i)).hash }
        } else {
            0
        }
    }

    /// Look up without interning.
    pub fn find(&self, s: &str) -> Option<Qstr> {
        if let Some(q) = find_static(s.as_bytes()) {
            return Some(q);
        }
        if self.index_cap == 0 {
            return None;
        }
        let h = hash_bytes(s.as_bytes());
        let mask = self.index_cap - 1;
        let mut slot = h & mask;
        loop {
            // SAFETY: slot <= mask < index_cap, the index block's length in u32s.
            let e = unsafe { *self.index.add(slot) };
            if e == 0 {
                return None;
            }
            let q = Qstr(N_STATIC + e - 1);
            if self.get(q) == s {
                return Some(q);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Intern `s`, allocating in `heap`. `None` when the heap is full. `roots` must include
    /// the pool's own block pointers ([`QstrPool::root_words`]; the Vm's roots cover its pool).
    pub fn intern(
        &mut self,
        heap: &mut Heap,
        s: &str,
        roots: &[(*const usize, usize)],
    ) -> Option<Qstr> {
        self.intern_text(heap, s, roots, true)
    }

    /// Intern text that outlives the pool (frozen code in flash): the entry points at `s`
    /// itself, so only the entry is allocated, not a copy of the text.
    pub fn intern_static(
        &mut self,
        heap: &mut Heap,
        s: &'static str,
        roots: &[(*const usize, usize)],
    ) -> Option<Qstr> {
        self.intern_text(heap, s, roots, false)
    }

    fn intern_text(
        &mut self,
        heap: &mut Heap,
        s: &str,
        roots: &[(*const usize, usize)],
        copy: bool,
    ) -> Option<Qstr> {
        if let Some(q) = self.find(s) {
            return Some(q);
        }
        if self.len == self.cap {
            self.grow_entries(heap, roots)?;
        }
        if (self.len + 1) * 4 > self.index_cap * 3 {
            self.grow_index(heap, roots)?;
        }
        let data = if copy {
            let data = heap.alloc(s.len(), roots)?.as_ptr();
            // SAFETY: data is a fresh allocation of at least s.len() bytes.
            unsafe { core::ptr::copy_nonoverlapping(s.as_ptr(), data, s.len()) };
            data as *const u8
        } else {
            s.as_ptr()
        };
        // SAFETY: entries has room for one more (cap > len) and is rooted through `self`; data
        // points at s.len() bytes of UTF-8 that live as long as the pool (a block the entry
        // keeps alive, or 'static text).
        unsafe {
            *self.entries.add(self.len) = Entry {
                ptr: data,
                len: s.len(),
                hash: hash_bytes(s.as_bytes()),
            };
        }
        self.len += 1;
        self.insert_index(self.len - 1);
        Some(Qstr(N_STATIC + self.len as u32 - 1))
    }

    fn insert_index(&mut self, entry: usize) {
        let mask = self.index_cap - 1;
        // SAFETY: entry < len.
        let mut slot = unsafe { (*self.entries.add(entry)).hash } & mask;
        loop {
            // SAFETY: slot < index_cap; the table always has an empty slot (load <= 3/4).
            unsafe {
                if *self.index.add(slot) == 0 {
                    *self.index.add(slot) = entry as u32 + 1;
                    return;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    fn grow_entries(&mut self, heap: &mut Heap, roots: &[(*const usize, usize)]) -> Option<()> {
        let new_cap = (self.cap * 2).max(16);
        let size = new_cap * core::mem::size_of::<Entry>();
        if !self.entries.is_null() && heap.realloc_in_place(self.entries as *const u8, size) {
            self.cap = new_cap;
            return Some(());
        }
        // The old array stays alive through a collection here: `roots` cover the pool's
        // block pointers (see `intern`), and `self.entries` still points at it.
        let old = self.entries;
        let p = heap.alloc(size, roots)?.as_ptr() as *mut Entry;
        // SAFETY: old has `len` valid entries; p has room for new_cap >= len.
        unsafe {
            if !old.is_null() {
                core::ptr::copy_nonoverlapping(old, p, self.len);
                heap.free(old as *const u8);
            }
        }
        self.entries = p;
        self.cap = new_cap;
        Some(())
    }

    fn grow_index(&mut self, heap: &mut Heap, roots: &[(*const usize, usize)]) -> Option<()> {
        let new_cap = (self.index_cap * 2).max(32);
        let p = heap.alloc(new_cap * 4, roots)?.as_ptr() as *mut u32;
        if !self.index.is_null() {
            heap.free(self.index as *const u8);
        }
        self.index = p;
        self.index_cap = new_cap;
        for i in 0..self.len {
            self.insert_index(i);
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec;

    #[test]
    fn static_table_is_sorted_and_findable() {
        for w in STATIC_QSTRS.windows(2) {
            assert!(
                w[0].as_bytes() < w[1].as_bytes(),
                "{:?} >= {:?}",
                w[0],
                w[1]
            );
        }
        assert_eq!(STATIC_QSTRS[q::append.0 as usize], "append");
        assert_eq!(STATIC_QSTRS[q::__init__.0 as usize], "__init__");
        assert_eq!(STATIC_QSTRS[q::module_name.0 as usize], "<module>");
        assert_eq!(find_static(b"append"), Some(q::append));
        for (i, name) in STATIC_QSTRS.iter().enumerate() {
            assert_eq!(
                STATIC_QSTR_HASHES[i] as usize,
                hash_bytes(name.as_bytes()),
                "{name}"
            );
        }
    }

    #[test]
    fn intern_dynamic_names() {
        let mut buf = vec![0usize; 8192];
        // SAFETY: buf outlives the heap; no native stack scan (stack top 0).
        let mut heap = unsafe { Heap::new(buf.as_mut_ptr() as *mut u8, buf.len() * 8, 0) };
        let mut pool = QstrPool::new();
        let mut ids = vec![];
        for i in 0..200 {
            let name = std::format!("name_{}", i);
            let roots = pool.root_words();
            let q = pool
                .intern(&mut heap, &name, &[(roots.as_ptr(), 2)])
                .unwrap();
            ids.push((q, name));
        }
        for (q, name) in &ids {
            assert_eq!(pool.get(*q), name);
            assert_eq!(pool.find(name), Some(*q));
        }
        assert_eq!(pool.intern(&mut heap, "append", &[]), Some(q::append));
        assert_eq!(pool.find("missing"), None);
    }
}
