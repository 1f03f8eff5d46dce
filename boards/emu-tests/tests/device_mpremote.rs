//! Unmodified mpremote (from PyPI) against the micro:bit firmware in QEMU, whose flash
//! controller QEMU models, so files written through mpremote really go to (emulated) flash:
//! the session a user has with a board: exec, fs ls/cp/cat, run, soft-reset, import of the
//! copied module, and a main.py written through mpremote running after a soft reset.

use mpy_emu_tests::serial::SerialBridge;
use std::time::Duration;

const BUILD_AND_BOOT_TIMEOUT: Duration = Duration::from_secs(900);
const STEP_TIMEOUT: Duration = Duration::from_secs(20);

fn temp_file(name: &str, contents: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("mpy-emu-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).expect("temp file");
    path
}

#[test]
fn mpremote_session_on_the_emulated_microbit() {
    let dev = SerialBridge::start("microbit-v1-qemu").unwrap_or_else(|e| panic!("{e}"));
    dev.wait_for(0, ">>> ", BUILD_AND_BOOT_TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    let mp = |args: &[&str]| dev.mpremote(args).unwrap_or_else(|e| panic!("{e}"));

    assert_eq!(mp(&["exec", "print(1+1)"]), "2\n");

    // The image's filesystem (from the manifest) is mounted at /.
    let listing = mp(&["fs", "ls"]);
    assert!(listing.contains("main.py"), "{listing}");

    let local = temp_file("x.py", "def hello():\n    return 'hi from flash'\n");
    mp(&["fs", "cp", local.to_str().unwrap(), ":x.py"]);
    assert_eq!(
        mp(&["fs", "cat", ":x.py"]),
        "def hello():\n    return 'hi from flash'\n"
    );
    assert!(mp(&["fs", "ls"]).contains("x.py"));

    let script = temp_file(
        "script.py",
        "import os\nprint('files', 'x.py' in os.listdir())\n",
    );
    assert_eq!(mp(&["run", script.to_str().unwrap()]), "files True\n");

    mp(&["soft-reset"]);
    assert!(
        mp(&["fs", "ls"]).contains("x.py"),
        "the file survives a soft reset"
    );
    assert_eq!(
        mp(&["exec", "import x; print(x.hello())"]),
        "hi from flash\n"
    );

    // main.py written through mpremote runs at the next soft reset from the friendly REPL.
    let main = temp_file("main.py", "print('main.py ran', 6 * 7)\n");
    mp(&["fs", "cp", main.to_str().unwrap(), ":main.py"]);
    let mark = dev.mark();
    dev.send(b"\r\x02").unwrap_or_else(|e| panic!("{e}"));
    dev.wait_for(mark, ">>> ", STEP_TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    let mark = dev.mark();
    dev.send(b"\x04").unwrap_or_else(|e| panic!("{e}"));
    dev.wait_for(mark, "main.py ran 42", STEP_TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    dev.wait_for(mark, ">>> ", STEP_TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));

    for f in [local, script, main] {
        let _ = std::fs::remove_file(f);
    }
}
