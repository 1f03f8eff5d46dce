//! `cargo xtask size [<board>...]`: flash and RAM use per board against the manifest's budget,
//! from the firmware ELF's sections. Packaging uses [`Usage::check`] so that a build fails when
//! the firmware outgrows its region.

use crate::elf::{Elf, Section};
use crate::manifest::Board;

/// The section in which esp-hal's linker scripts reserve the main stack: all RAM after the
/// statics, up to the end of the linker's RAM region.
const STACK_RESERVATION: &str = ".stack";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// .text + .rodata + .data (load image) + other flash sections.
    pub flash: u64,
    /// Static RAM: the allocated sections that start inside the manifest's RAM range, except the
    /// linker's stack reservation (the manifest's stack_size stands for the stack). Address, not
    /// flags, decides: the ESP-C3 linker script has a zero-initialised `.rotext_dummy` that only
    /// reserves flash-mapped address space, and its IRAM code (`.rwtext` at 0x4038_xxxx) is
    /// counted through `.rwdata_dummy`, which reserves the same SRAM at its data-bus address.
    pub ram_static: u64,
    pub flash_budget: u64,
    pub ram_budget: u64,
    pub heap: u64,
    pub stack: u64,
    /// The heap is a static array inside .bss (so `ram_static` already counts it).
    pub heap_in_bss: bool,
    /// Where the linker's stack reservation ends, if it has one: the end of RAM as the linker
    /// sees it, which must be the end of the manifest's RAM.
    pub linker_ram_end: Option<u64>,
}

impl Usage {
    pub fn of(board: &Board, elf: &Elf) -> Usage {
        let m = &board.memory;
        let ram_start = u64::from(m.ram_base.value);
        let ram_end = ram_start + u64::from(m.ram_size.value);
        let in_ram = |s: &&Section| (ram_start..ram_end).contains(&u64::from(s.addr));
        let flash = elf
            .sections
            .iter()
            .filter(|s| s.in_flash)
            .map(|s| u64::from(s.size))
            .sum();
        let ram_static = elf
            .sections
            .iter()
            .filter(in_ram)
            .filter(|s| s.name != STACK_RESERVATION)
            .map(|s| u64::from(s.size))
            .sum();
        let linker_ram_end = elf
            .sections
            .iter()
            .find(|s| s.name == STACK_RESERVATION)
            .map(|s| u64::from(s.addr) + u64::from(s.size));
        Usage {
            flash,
            ram_static,
            flash_budget: u64::from(m.firmware_size.value),
            ram_budget: u64::from(m.ram_size.value),
            heap: u64::from(m.heap_size.value),
            stack: u64::from(m.stack_size.value),
            heap_in_bss: elf.has_static_heap(m.heap_size.value),
            linker_ram_end,
        }
    }

    pub fn ram(&self) -> u64 {
        let separate_heap = if self.heap_in_bss { 0 } else { self.heap };
        self.ram_static + separate_heap + self.stack
    }

    fn ram_parts(&self) -> String {
        if self.heap_in_bss {
            format!(
                "static {} (heap {} inside) + stack {}",
                self.ram_static, self.heap, self.stack
            )
        } else {
            format!(
                "static {} + heap {} + stack {}",
                self.ram_static, self.heap, self.stack
            )
        }
    }

    /// Fails when the firmware or its RAM needs exceed the board's regions.
    pub fn check(&self, board: &Board) -> Result<(), String> {
        let m = &board.memory;
        if self.flash > self.flash_budget {
            return Err(m.firmware_size.error(format!(
                "firmware needs {} bytes of flash but the firmware region is {} bytes ({} bytes \
                 over); drop modules or enlarge firmware_size (and move the filesystem)",
                self.flash,
                self.flash_budget,
                self.flash - self.flash_budget
            )));
        }
        let ram_end = u64::from(m.ram_base.value) + self.ram_budget;
        if let Some(linker_end) = self.linker_ram_end.filter(|&end| end != ram_end) {
            let linker_size = linker_end.saturating_sub(u64::from(m.ram_base.value));
            return Err(m.ram_size.error(format!(
                "the linker's RAM ends at {linker_end:#x} (where its .stack reservation ends) but \
                 the manifest's RAM ends at {ram_end:#x}; set ram_size = {linker_size:#x} to \
                 match the linker script"
            )));
        }
        if self.ram() > self.ram_budget {
            return Err(m.heap_size.error(format!(
                "RAM needs {} bytes ({}) but RAM is {} bytes ({} bytes over); lower heap_size or \
                 stack_size",
                self.ram(),
                self.ram_parts(),
                self.ram_budget,
                self.ram() - self.ram_budget
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

/// A build of the size probe: its name in the report and the probe crate's features.
struct ProbeProfile {
    name: &'static str,
    features: &'static [&'static str],
}

/// The probe's profiles, in report order. The target is judged on `minimal` (no float, no big
/// ints, no files, ASCII case mapping, as MicroPython's minimal ports); `full` adds those as the
/// boards build them.
const PROBE_PROFILES: &[ProbeProfile] = &[
    ProbeProfile {
        name: "minimal",
        features: &[],
    },
    ProbeProfile {
        name: "full: as the boards",
        features: &["full"],
    },
];

/// Builds the size probe in `profile` and returns its report line: `.text` against
/// [`CORE_TEXT_TARGET`], plus `.rodata` and `.data` (also flash, but not part of the target).
fn core_probe_report(profile: &ProbeProfile) -> Result<String, String> {
    let target_dir = std::path::absolute(crate::paths::firmware_dir("size-probe").join("cargo"))
        .map_err(|e| format!("cannot resolve the size probe's target dir: {e}"))?;
    let path = crate::build::cargo_build_elf(&crate::build::CargoBuild {
        label: "size-probe",
        crate_dir: std::path::Path::new(PROBE_CRATE),
        triple: PROBE_TRIPLE,
        target_dir,
        features: profile.features.iter().map(|f| f.to_string()).collect(),
        gen_dir: None,
        xtensa: false,
        board: None,
    })?;
    let data = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(probe_line(profile.name, &crate::elf::read(&data)?))
}

fn section_size(elf: &Elf, name: &str) -> u64 {
    elf.sections
        .iter()
        .filter(|s| s.name == name)
        .map(|s| u64::from(s.size))
        .sum()
}

fn probe_line(profile: &str, elf: &Elf) -> String {
    let text = section_size(elf, ".text");
    let verdict = if text <= CORE_TEXT_TARGET {
        "within target".to_string()
    } else {
        format!("over by {}", text - CORE_TEXT_TARGET)
    };
    format!(
        "core (thumbv6m, {profile}): .text {text} / {CORE_TEXT_TARGET} bytes ({:.1}%, \
         {verdict}), .rodata {}, .data {}",
        percent(text, CORE_TEXT_TARGET),
        section_size(elf, ".rodata"),
        section_size(elf, ".data"),
    )
}

/// The size probe's lines first (unless only boards are named), then for each board (all
/// buildable ones if none given): build, then report its usage.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut failures = Vec::new();
    if args.is_empty() || args.iter().any(|a| a == PROBE_ARG) {
        for profile in PROBE_PROFILES {
            match core_probe_report(profile) {
                Ok(line) => println!("{line}"),
                Err(err) => failures.push(format!("size-probe ({}): {err}", profile.name)),
            }
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
    use crate::test_support::{manifest_dir, synth_elf, ElfSection, EM_RISCV, VALID};

    const K: u32 = 1024;

    fn section(name: &'static str, addr: u32, size: u32, nobits: bool) -> ElfSection {
        ElfSection {
            name,
            addr,
            load_addr: addr,
            data: vec![0; size as usize],
            nobits,
            writable: !name.contains("text"),
            executable: name.contains("text"),
        }
    }

    /// The section layout esp-hal 1.x links for the ESP32-C3 (sizes from a real build): IRAM code
    /// and its DRAM-side reservation, statics with a 192K heap, a flash-mapped `.rotext_dummy`
    /// (`.text` trimmed so the image fits the test manifest's 512K firmware region)
    /// and a `.stack` running to the end of esp-hal's 313K DRAM region.
    fn esp32c3_elf() -> Vec<u8> {
        let heap = 192 * K;
        let bss = heap + 800;
        let data_end = 0x3FC8_0A80 + 0x2074;
        let stack_start = data_end + bss;
        let sections = [
            section(".rwtext", 0x4038_0000, 0xA74, false),
            section(".rwdata_dummy", 0x3FC8_0000, 0xA74, true),
            section(".data", 0x3FC8_0A80, 0x2074, false),
            section(".bss", data_end, bss, true),
            section(".rodata", 0x3C00_0020, 0x1D2CC, false),
            section(".rotext_dummy", 0x4200_0020, 0x2_0000, true),
            section(".text", 0x4202_0020, 0x5_0000, false),
            section(
                ".stack",
                stack_start,
                0x3FC8_0000 + 313 * K - stack_start,
                true,
            ),
        ];
        synth_elf(
            EM_RISCV,
            0x4202_0020,
            &sections,
            &[("_ZN4main4HEAP17h0123456789abcdefE", data_end, heap)],
        )
    }

    fn esp32c3_usage(ram_size: &str) -> (Usage, Result<(), String>) {
        let text = VALID
            .replace("ram_base = 0x20000000", "ram_base = 0x3FC80000")
            .replace("ram_size = \"128K\"", &format!("ram_size = \"{ram_size}\""))
            .replace("heap_size = \"64K\"", "heap_size = \"192K\"");
        let dir = manifest_dir(&text);
        let board = crate::manifest::load(dir.path(), "testboard").expect("valid manifest");
        let elf = crate::elf::read(&esp32c3_elf()).expect("elf");
        let usage = Usage::of(&board, &elf);
        let check = usage.check(&board);
        (usage, check)
    }

    #[test]
    fn esp32c3_ram_counts_only_sections_in_dram_and_not_the_stack_reservation() {
        let (usage, check) = esp32c3_usage("313K");
        // .rwdata_dummy (the IRAM code's SRAM) + .data + .bss (heap inside); not .rotext_dummy
        // (flash address space), not .rwtext (counted as .rwdata_dummy), not .stack.
        assert_eq!(usage.ram_static, 0xA74 + 0x2074 + 192 * 1024 + 800);
        assert!(usage.heap_in_bss);
        assert_eq!(usage.ram(), usage.ram_static + 16 * 1024);
        check.expect("fits in 313K");
    }

    #[test]
    fn manifest_ram_larger_than_the_linkers_is_an_error() {
        let (_, check) = esp32c3_usage("320K");
        let err = check.expect_err("320K disagrees with the linker's 313K");
        assert!(
            err.contains("the linker's RAM ends at 0x3fcce400")
                && err.contains("manifest's RAM ends at 0x3fcd0000")
                && err.contains("set ram_size = 0x4e400"),
            "{err}"
        );
    }

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
                })
                .collect(),
            objects: Vec::new(),
        }
    }

    #[test]
    fn probe_line_compares_text_with_the_target() {
        let over = probe_line(
            "minimal",
            &elf_with(&[(".text", 200_000), (".rodata", 90_000), (".data", 3_000)]),
        );
        assert_eq!(
            over,
            "core (thumbv6m, minimal): .text 200000 / 163840 bytes (122.1%, over by 36160), \
             .rodata 90000, .data 3000"
        );
        let within = probe_line("full: as the boards", &elf_with(&[(".text", 163_840)]));
        assert!(
            within.starts_with("core (thumbv6m, full: as the boards): .text 163840")
                && within.contains("(100.0%, within target)"),
            "{within}"
        );
    }
}
