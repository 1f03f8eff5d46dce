//! Every kind of bad manifest gives an error naming the file, the line and the fix.

use crate::manifest::{self, Board};
use crate::test_support::{line_of, manifest_dir, TempDir, VALID};
use crate::validate::validate;

/// Loads and validates `testboard` from `dir`; all errors joined by newlines.
fn errors_of(dir: &TempDir) -> String {
    match manifest::load(dir.path(), "testboard") {
        Ok(board) => validate(&board).join("\n"),
        Err(err) => err,
    }
}

fn load_ok(dir: &TempDir) -> Board {
    let board = manifest::load(dir.path(), "testboard").expect("valid manifest");
    let errors = validate(&board);
    assert!(errors.is_empty(), "{errors:?}");
    board
}

/// `VALID` with the line containing `old` replaced by `new`; the error must point at that line
/// of testboard.toml and contain each of `expected`.
fn assert_error(old: &str, new: &str, expected: &[&str]) {
    assert!(VALID.contains(old), "'{old}' not in the valid manifest");
    let text = VALID.replacen(old, new, 1);
    let dir = manifest_dir(&text);
    let line = line_of(&text, new.lines().next().unwrap_or(new));
    let errors = errors_of(&dir);
    let location = format!("{}:{line}: ", dir.path().join("testboard.toml").display());
    assert!(
        errors.contains(&location),
        "expected an error at {location}, got:\n{errors}"
    );
    for part in expected {
        assert!(errors.contains(part), "expected '{part}' in:\n{errors}");
    }
}

#[test]
fn the_valid_manifest_is_valid() {
    let dir = manifest_dir(VALID);
    let board = load_ok(&dir);
    assert_eq!(board.id, "testboard");
    assert_eq!(board.memory.fs_base.value, 0x0808_0000);
    assert_eq!(board.memory.ram_size.value, 128 * 1024);
    assert_eq!(board.pins[0].0, "LED");
    assert_eq!(board.filesystem.files.len(), 3);
    assert!(board.frozen[0].value.ends_with("frozen/hello.py"));
}

#[test]
fn unknown_key_suggests_the_known_one() {
    assert_error(
        "heap_size = \"64K\"",
        "heap_sise = \"64K\"",
        &["unknown key 'heap_sise' in [memory]; did you mean 'heap_size'?"],
    );
}

#[test]
fn unknown_section_is_reported() {
    assert_error(
        "[pins]",
        "[pinz]",
        &["unknown key 'pinz' at the top level; did you mean 'pins'?"],
    );
}

#[test]
fn overlapping_regions() {
    assert_error(
        "fs_base = 0x08080000",
        "fs_base = 0x08060000",
        &[
            "overlaps the firmware region",
            "move fs_base to 0x8080000 or later",
        ],
    );
}

#[test]
fn firmware_outside_flash() {
    assert_error(
        "firmware_base = 0x08000000",
        "firmware_base = 0x07000000",
        &[
            "the firmware region 0x7000000..0x7080000 is outside flash",
            "set firmware_base inside flash",
        ],
    );
}

#[test]
fn firmware_not_fitting_in_flash() {
    assert_error(
        "firmware_size = \"512K\"",
        "firmware_size = \"2M\"",
        &[
            "does not fit in flash",
            "shrink firmware_size to at most 0x100000",
        ],
    );
}

#[test]
fn filesystem_outside_flash() {
    assert_error(
        "fs_base = 0x08080000",
        "fs_base = 0x08100000",
        &[
            "the filesystem region",
            "is outside flash",
            "set fs_base inside flash",
        ],
    );
}

#[test]
fn filesystem_not_erase_block_aligned() {
    assert_error(
        "fs_size = \"512K\"",
        "fs_size = \"500K\"",
        &["start and end on a 128 KB erase sector of the stm32f405"],
    );
}

#[test]
fn filesystem_too_small_for_its_log_and_spare() {
    assert_error(
        "fs_size = \"512K\"",
        "fs_size = \"256K\"",
        &[
            "fs_size 256 KB is too small",
            "1 log + 1 spare erase sector of 128 KB",
            "use fs_size of at least 0x60000 (384 KB)",
        ],
    );
}

#[test]
fn filesystem_across_sectors_of_different_sizes() {
    assert_error(
        "fs_base = 0x08080000",
        "fs_base = 0x08000000",
        &[
            "spans erase sectors of different sizes",
            "4 x 16K at 0x8000000",
        ],
    );
}

#[test]
fn heap_and_stack_larger_than_ram() {
    assert_error(
        "heap_size = \"64K\"",
        "heap_size = \"120K\"",
        &[
            "heap_size + stack_size = 139264 bytes is larger than RAM (131072 bytes",
            "lower heap_size or stack_size",
        ],
    );
}

#[test]
fn unknown_pin() {
    assert_error(
        "LED = \"PA13\"",
        "LED = \"GP25\"",
        &[
            "unknown pin 'GP25' for LED on the stm32f405",
            "use one of the chip's pins (PA0..PH15",
        ],
    );
}

#[test]
fn unknown_console_pin_and_uart() {
    assert_error(
        "tx = \"PB6\"",
        "tx = \"PB66\"",
        &["unknown pin 'PB66' for the console TX"],
    );
    assert_error(
        "uart = 1",
        "uart = 0",
        &["the stm32f405 has no UART 0; set uart to 1..=6"],
    );
}

#[test]
fn unknown_module() {
    assert_error(
        "include = [\"sys\", \"gc\", \"math\"]",
        "include = [\"sys\", \"jsno\"]",
        &[
            "unknown module 'jsno' in [modules] include; did you mean 'json'?",
            "known modules: sys, gc",
        ],
    );
}

#[test]
fn missing_filesystem_file() {
    assert_error(
        "\"main.py\" = \"fs/main.py\"",
        "\"main.py\" = \"fs/mian.py\"",
        &[
            "missing file",
            "fs/mian.py",
            "for 'main.py' in [filesystem.files]; create it or fix the path",
        ],
    );
}

#[test]
fn missing_frozen_file() {
    assert_error(
        "frozen = [\"frozen/hello.py\"]",
        "frozen = [\"frozen/nope.py\"]",
        &["missing frozen file", "frozen/nope.py"],
    );
}

#[test]
fn filesystem_needs_boot_and_main() {
    let text = VALID.replace("\"boot.py\" = \"fs/boot.py\"\n", "");
    let dir = manifest_dir(&text);
    let errors = errors_of(&dir);
    assert!(
        errors.contains("the filesystem has no boot.py; add \"boot.py\""),
        "{errors}"
    );
    assert!(
        errors.contains(&format!(":{}:", line_of(&text, "[filesystem.files]"))),
        "{errors}"
    );
}

#[test]
fn bad_uf2_family() {
    assert_error(
        "uf2_family = 0x57755a57",
        "uf2_family = 0xe48bff56",
        &[
            "bad UF2 family id 0xe48bff56 for the stm32f405",
            "set uf2_family = 0x57755a57",
        ],
    );
}

#[test]
fn uf2_without_family() {
    let text = VALID.replace("uf2_family = 0x57755a57\n", "");
    let dir = manifest_dir(&text);
    let errors = errors_of(&dir);
    assert!(
        errors.contains(&format!(
            ":{}: [outputs] has uf2 = true but no uf2_family",
            line_of(&text, "[outputs]")
        )),
        "{errors}"
    );
}

#[test]
fn wrong_value_types() {
    assert_error(
        "stack_size = \"16K\"",
        "stack_size = true",
        &["'stack_size' in [memory] must be a 32-bit address or size"],
    );
    assert_error(
        "name = \"Test board\"",
        "name = 3",
        &["'name' in [board] must be a string, not an integer"],
    );
}

#[test]
fn missing_key_and_section() {
    let text = VALID.replace("mcu = \"STM32F405RG\"\n", "");
    let dir = manifest_dir(&text);
    let errors = errors_of(&dir);
    assert!(
        errors.contains(&format!(
            ":{}: missing key 'mcu' in [board]; add mcu = ",
            line_of(&text, "[board]")
        )),
        "{errors}"
    );
    let text = VALID.replace("[console]\nuart = 1\ntx = \"PB6\"\nrx = \"PB7\"\n", "");
    let dir = manifest_dir(&text);
    assert!(
        errors_of(&dir).contains("testboard.toml:1: missing section [console]"),
        "{}",
        errors_of(&dir)
    );
}

#[test]
fn unknown_chip() {
    assert_error(
        "chip = \"stm32f405\"",
        "chip = \"stm32f450\"",
        &["unknown chip 'stm32f450' in [build]; did you mean 'stm32f405'?"],
    );
}

#[test]
fn id_must_match_file_name() {
    assert_error("id = \"testboard\"", "id = \"other\"", &["board id 'other' does not match the file name 'testboard.toml'; set id = \"testboard\""]);
}

#[test]
fn toml_syntax_error_has_a_line() {
    assert_error(
        "vendor = \"Tests\"",
        "vendor = = \"Tests\"",
        &["TOML syntax error"],
    );
}

#[test]
fn extends_overrides_only_given_keys() {
    let dir = manifest_dir(VALID);
    dir.write(
        "variant.toml",
        "extends = \"testboard\"\n[board]\nid = \"variant\"\nname = \"Variant\"\n[memory]\nheap_size = \"32K\"\n",
    );
    let board = manifest::load(dir.path(), "variant").expect("valid variant");
    assert!(validate(&board).is_empty());
    assert_eq!(board.memory.heap_size.value, 32 * 1024);
    assert_eq!(board.memory.stack_size.value, 16 * 1024);
    assert_eq!(board.identity.mcu, "STM32F405RG");
    assert_eq!(board.manifest_chain.len(), 2);
    // Files named by the parent stay relative to the parent manifest.
    assert!(board
        .filesystem
        .files
        .iter()
        .all(|(_, src)| src.value.exists()));
}

#[test]
fn errors_in_a_derived_board_point_at_the_file_that_set_the_value() {
    let dir = manifest_dir(VALID);
    let child =
        "extends = \"testboard\"\n[board]\nid = \"variant\"\n[memory]\nstack_size = \"100K\"\n";
    dir.write("variant.toml", child);
    let board = manifest::load(dir.path(), "variant").expect("parses");
    let errors = validate(&board).join("\n");
    // heap_size is set by the parent: the error points there, and names where ram_size is.
    let parent = dir.path().join("testboard.toml");
    assert!(
        errors.contains(&format!(
            "{}:{}: heap_size + stack_size",
            parent.display(),
            line_of(VALID, "heap_size")
        )),
        "{errors}"
    );
}

#[test]
fn unknown_extends_target() {
    let dir = manifest_dir(VALID);
    dir.write(
        "variant.toml",
        "# variant\nextends = \"testbord\"\n[board]\nid = \"variant\"\n",
    );
    let err = manifest::load(dir.path(), "variant").expect_err("unknown parent");
    let location = format!("{}:2: ", dir.path().join("variant.toml").display());
    assert!(err.starts_with(&location), "{err}");
    assert!(err.contains("unknown extends target 'testbord'"), "{err}");
    assert!(err.contains("did you mean 'testboard'?"), "{err}");
}

#[test]
fn extends_cycle() {
    let dir = TempDir::new("cycle");
    dir.write("a.toml", "extends = \"b\"\n");
    dir.write("b.toml", "\n\nextends = \"a\"\n");
    let err = manifest::load(dir.path(), "a").expect_err("cycle");
    let location = format!("{}:3: ", dir.path().join("b.toml").display());
    assert!(err.starts_with(&location), "{err}");
    assert!(
        err.contains(
            "extends cycle: a -> b -> a; remove the 'extends' from one of these manifests"
        ),
        "{err}"
    );
}

#[test]
fn unknown_board() {
    let dir = manifest_dir(VALID);
    let err = manifest::load(dir.path(), "testbaord").expect_err("no such board");
    assert!(
        err.contains("no manifest for board 'testbaord'")
            && err.contains("did you mean 'testboard'?"),
        "{err}"
    );
}

#[test]
fn esp_boards_need_an_esp_section() {
    let text = VALID
        .replace("chip = \"stm32f405\"", "chip = \"esp32c3\"")
        .replace("LED = \"PA13\"", "LED = \"GPIO8\"")
        .replace(
            "uart = 1\ntx = \"PB6\"\nrx = \"PB7\"",
            "uart = 0\ntx = \"GPIO21\"\nrx = \"GPIO20\"",
        )
        .replace("uf2_family = 0x57755a57", "uf2_family = 0xd42ba06c");
    let dir = manifest_dir(&text);
    let errors = errors_of(&dir);
    assert!(
        errors.contains(&format!(
            ":{}: the esp32c3 needs an [esp] section",
            line_of(&text, "chip =")
        )),
        "{errors}"
    );
}

#[test]
fn repository_manifests_are_valid() {
    let dir = crate::paths::repo_root().join(crate::paths::MANIFESTS);
    let errors = crate::check::check_dir(&dir).expect("manifests folder readable");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let ids = manifest::board_ids(&dir).expect("ids");
    for required in [
        "pico",
        "microbit-v1",
        "microbit-v1-qemu",
        "microbit-v2",
        "pyboard",
        "esp32c3",
        "esp32",
        "esp8266",
    ] {
        assert!(
            ids.iter().any(|id| id == required),
            "missing manifest {required}"
        );
    }
    let qemu = manifest::load(&dir, "microbit-v1-qemu").expect("loads");
    assert_eq!(qemu.memory.flash_size.value, 1 << 20);
    assert_eq!(qemu.build.target.value, "thumbv6m-none-eabi");
}

#[test]
fn new_board_writes_a_valid_derived_manifest() {
    let dir = manifest_dir(VALID);
    let path = crate::new_board::create(dir.path(), "my-board", "testboard").expect("created");
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(text.contains("extends = \"testboard\""), "{text}");
    let board = manifest::load(dir.path(), "my-board").expect("valid");
    assert_eq!(board.identity.id.value, "my-board");
    assert_eq!(board.memory.heap_size.value, 64 * 1024);
    let again = crate::new_board::create(dir.path(), "my-board", "testboard").expect_err("exists");
    assert!(again.contains("already exists"), "{again}");
    let bad = crate::new_board::create(dir.path(), "x", "nope").expect_err("no parent");
    assert!(bad.contains("no manifest for board 'nope'"), "{bad}");
}
