//! `cargo xtask size [<board>...]`: flash and RAM use per board against the manifest's budget,
//! from the firmware ELF's sections. Packaging uses [`Usage::check`] so that a build fails when
//! the firmware outgrows its region.

use crate::elf::Elf;
use crate::manifest::Board;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// .text + .rodata + .data (load image) + other flash sections.
    pub flash: u64,
    /// .data + .bss (static RAM).
    pub ram_static: u64,
    pub flash_budget: u64,
    pub ram_budget: u64,
    pub heap: u64,
    pub stack: u64,
    /// The heap is a static array inside .bss (so `ram_static` already counts it).
    pub heap_in_bss: bool,
}

impl Usage {
    pub fn of(board: &Board, elf: &Elf) -> Usage {
        let flash = elf
            .sections
            .iter()
            .filter(|s| s.in_flash)
            .map(|s| u64::from(s.size))
            .sum();
        let ram_static = elf
            .sections
            .iter()
            .filter(|s| s.in_ram)
            .map(|s| u64::from(s.size))
            .sum();
        Usage {
            flash,
            ram_static,
            flash_budget: u64::from(board.memory.firmware_size.value),
            ram_budget: u64::from(board.memory.ram_size.value),
            heap: u64::from(board.memory.heap_size.value),
            stack: u64::from(board.memory.stack_size.value),
            heap_in_bss: elf.has_static_heap(board.memory.heap_size.value),
        }
    }

    pub fn ram(&self) -> u64 {
        let separate_heap = if self.heap_in_bss { 0 } else { self.heap };
        self.ram_static + separate_heap + self.stack
    }

    fn ram_parts(&self) -> String {
        if self.heap_in_bss {
            format!(
                ".data+.bss {} (heap {} inside) + stack {}",
                self.ram_static, self.heap, self.stack
            )
        } else {
            format!(
                ".data+.bss {} + heap {} + stack {}",
                self.ram_static, self.heap, self.stack
            )
        }
    }

    /// Fails when the firmware or its RAM needs exceed the board's regions.
    pub fn check(&self, board: &Board) -> Result<(), String> {
        let m = &board.memory;
        if self.flash > self.flash_budget {
            return Err(m.firmware_size.error(format!(
                "firmware needs {} bytes of flash but the firmware region is {} bytes; \
                 drop modules or enlarge firmware_size (and move the filesystem)",
                self.flash, self.flash_budget
            )));
        }
        if self.ram() > self.ram_budget {
            return Err(m.heap_size.error(format!(
                "RAM needs {} bytes ({}) but RAM is {} bytes; lower heap_size or stack_size",
                self.ram(),
                self.ram_parts(),
                self.ram_budget
            )));
        }
        Ok(())
    }

    pub fn report(&self, id: &str) -> String {
        format!(
            "{id}: flash {} / {} bytes ({:.1}%), RAM {} / {} bytes ({:.1}%: {})",
            self.flash,
            self.flash_budget,
            percent(self.flash, self.flash_budget),
            self.ram(),
            self.ram_budget,
            percent(self.ram(), self.ram_budget),
            self.ram_parts()
        )
    }
}

fn percent(used: u64, budget: u64) -> f64 {
    if budget == 0 {
        0.0
    } else {
        used as f64 * 100.0 / budget as f64
    }
}

/// For each board (all buildable ones if none given): build, then report its usage.
pub fn run(args: &[String]) -> Result<(), String> {
    let ids = if args.is_empty() {
        crate::manifest::board_ids(std::path::Path::new(crate::paths::MANIFESTS))?
    } else {
        args.to_vec()
    };
    let mut failures = Vec::new();
    for id in &ids {
        let board = crate::build::load_valid(id)?;
        if let Some(missing) = crate::toolchain::missing_for(&board) {
            println!("{id}: not built here: {missing}");
            continue;
        }
        let result = crate::build::build_firmware(&board, &mut |_| {}).and_then(|path| {
            let data =
                std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let usage = Usage::of(&board, &crate::elf::read(&data)?);
            println!("{}", usage.report(id));
            usage.check(&board)
        });
        if let Err(err) = result {
            failures.push(format!("{id}: {err}"));
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n"))
    }
}
