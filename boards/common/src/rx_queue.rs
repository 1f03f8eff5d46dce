//! Console input queue: the UART receive interrupt pushes bytes, `Port::read_byte` pops them.
//!
//! Hardware RX FIFOs are 1 to 32 bytes deep; a user pasting code while Python is busy would
//! overflow them. Draining the UART in its interrupt into this larger queue keeps those bytes.

use core::cell::RefCell;
use critical_section::Mutex;

/// Fixed-capacity FIFO of bytes. Holds up to `N - 1` bytes (one slot tells full from empty).
pub struct RxQueue<const N: usize> {
    buf: [u8; N],
    head: usize,
    tail: usize,
    dropped: u32,
}

impl<const N: usize> RxQueue<N> {
    pub const fn new() -> Self {
        Self {
            buf: [0; N],
            head: 0,
            tail: 0,
            dropped: 0,
        }
    }

    /// Appends a byte; when full, the byte is dropped and counted.
    pub fn push(&mut self, byte: u8) -> bool {
        let next = (self.head + 1) % N;
        if next == self.tail {
            self.dropped = self.dropped.wrapping_add(1);
            return false;
        }
        self.buf[self.head] = byte;
        self.head = next;
        true
    }

    /// Removes and returns the oldest byte.
    pub fn pop(&mut self) -> Option<u8> {
        if self.head == self.tail {
            return None;
        }
        let byte = self.buf[self.tail];
        self.tail = (self.tail + 1) % N;
        Some(byte)
    }

    pub fn len(&self) -> usize {
        (self.head + N - self.tail) % N
    }

    pub fn is_empty(&self) -> bool {
        self.head == self.tail
    }

    /// Bytes lost because the queue was full.
    pub fn dropped(&self) -> u32 {
        self.dropped
    }
}

impl<const N: usize> Default for RxQueue<N> {
    fn default() -> Self {
        Self::new()
    }
}

/// An [`RxQueue`] shared between an interrupt handler and thread code (a `static`).
pub struct SharedRxQueue<const N: usize> {
    inner: Mutex<RefCell<RxQueue<N>>>,
}

impl<const N: usize> SharedRxQueue<N> {
    pub const fn new() -> Self {
        Self {
            inner: Mutex::new(RefCell::new(RxQueue::new())),
        }
    }

    /// Called from the UART interrupt (or a polling loop) for each received byte. A Ctrl-C while
    /// Python code runs becomes KeyboardInterrupt instead of input (so `while True: pass` stops).
    pub fn push(&self, byte: u8) -> bool {
        if mpy_core::vm::console_byte_interrupts(byte) {
            return true;
        }
        critical_section::with(|cs| self.inner.borrow_ref_mut(cs).push(byte))
    }

    pub fn pop(&self) -> Option<u8> {
        critical_section::with(|cs| self.inner.borrow_ref_mut(cs).pop())
    }

    pub fn dropped(&self) -> u32 {
        critical_section::with(|cs| self.inner.borrow_ref(cs).dropped())
    }
}

impl<const N: usize> Default for SharedRxQueue<N> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifo_order_and_wraparound() {
        let mut q = RxQueue::<4>::new();
        for round in 0..5u8 {
            assert!(q.push(round));
            assert!(q.push(round + 100));
            assert_eq!(q.len(), 2);
            assert_eq!(q.pop(), Some(round));
            assert_eq!(q.pop(), Some(round + 100));
            assert_eq!(q.pop(), None);
        }
        assert_eq!(q.dropped(), 0);
    }

    #[test]
    fn full_queue_drops_and_counts() {
        let mut q = RxQueue::<4>::new();
        assert!(q.push(1) && q.push(2) && q.push(3));
        assert!(!q.push(4));
        assert_eq!(q.dropped(), 1);
        assert_eq!(
            (q.pop(), q.pop(), q.pop(), q.pop()),
            (Some(1), Some(2), Some(3), None)
        );
    }

    #[test]
    fn shared_queue_passes_bytes() {
        static Q: SharedRxQueue<8> = SharedRxQueue::new();
        for b in b"abc" {
            Q.push(*b);
        }
        assert_eq!(
            (Q.pop(), Q.pop(), Q.pop(), Q.pop()),
            (Some(b'a'), Some(b'b'), Some(b'c'), None)
        );
    }
}
