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

/// The size probe (boards/size-probe): the core with REPL and compiler and the modules of a
/// minimal board, as thumbv6m firmware with the boards' release profile.
const PROBE_CRATE: &str = "boards/size-probe";
const PROBE_TRIPLE: &str = "thumbv6m-none-eabi";
/// `cargo xtask size core` reports only the probe.
const PROBE_ARG: &str = "core";
/// Target for the probe's `.text`: 160 KB.
pub const CORE_TEXT_TARGET: u64 = 160 * 1024;

/// Builds the size probe and returns its report line: `.text` against [`CORE_TEXT_TARGET`],
/// plus `.rodata` and `.data` (also flash, but not part of the target).
fn core_probe_report() -> Result<String, String> {
    let target_dir = std::path::absolute(crate::paths::firmware_dir("size-probe").join("cargo"))
        .map_err(|e| format!("cannot resolve the size probe's target dir: {e}"))?;
    let path = crate::build::cargo_build_elf(&crate::build::CargoBuild {
        label: "size-probe",
        crate_dir: std::path::Path::new(PROBE_CRATE),
        triple: PROBE_TRIPLE,
        target_dir,
        features: Vec::new(),
        gen_dir: None,
        xtensa: false,
    })?;
    let data = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(probe_line(&crate::elf::read(&data)?))
}

fn section_size(elf: &Elf, name: &str) -> u64 {
    elf.sections
        .iter()
        .filter(|s| s.name == name)
        .map(|s| u64::from(s.size))
        .sum()
}

fn probe_line(elf: &Elf) -> String {
    let text = section_size(elf, ".text");
    let verdict = if text <= CORE_TEXT_TARGET {
        "within target".to_string()
    } else {
        format!("over by {}", text - CORE_TEXT_TARGET)
    };
    format!(
        "core (thumbv6m, minimal): .text {text} / {CORE_TEXT_TARGET} bytes ({:.1}%, {verdict}), \
         .rodata {}, .data {}",
        percent(text, CORE_TEXT_TARGET),
        section_size(elf, ".rodata"),
        section_size(elf, ".data"),
    )
}

/// The size probe's line first (unless only boards are named), then for each board (all
/// buildable ones if none given): build, then report its usage.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut failures = Vec::new();
    if args.is_empty() || args.iter().any(|a| a == PROBE_ARG) {
        match core_probe_report() {
            Ok(line) => println!("{line}"),
            Err(err) => failures.push(format!("size-probe: {err}")),
        }
    }
    let ids = if args.is_empty() {
        crate::manifest::board_ids(std::path::Path::new(crate::paths::MANIFESTS))?
    } else {
        args.iter().filter(|a| *a != PROBE_ARG).cloned().collect()
    };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elf::Section;

    fn elf_with(sections: &[(&str, u32)]) -> Elf {
        Elf {
            entry: 0,
            chunks: Vec::new(),
            sections: sections
                .iter()
                .map(|&(name, size)| Section {
                    name: name.to_string(),
                    addr: 0,
                    size,
                    in_flash: true,
                    in_ram: false,
                })
                .collect(),
            objects: Vec::new(),
        }
    }

    #[test]
    fn probe_line_compares_text_with_the_target() {
        let over = probe_line(&elf_with(&[
            (".text", 200_000),
            (".rodata", 90_000),
            (".data", 3_000),
        ]));
        assert_eq!(
            over,
            "core (thumbv6m, minimal): .text 200000 / 163840 bytes (122.1%, over by 36160), \
             .rodata 90000, .data 3000"
        );
        let within = probe_line(&elf_with(&[(".text", 163_840)]));
        assert!(within.contains("(100.0%, within target)"), "{within}");
    }
}
