//! `sys.stdin.readline()` / `sys.stdin.read(n)` on piped input: lines end after their `\n`,
//! `read(n)` counts characters (a multi-byte UTF-8 character is one), and both return what is
//! left at the end of input.

use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn readline_and_read_split_piped_input() {
    let code = "import sys\n\
                print(repr(sys.stdin.readline()))\n\
                print(repr(sys.stdin.read(3)))\n\
                print(repr(sys.stdin.readline()))\n\
                print(repr(sys.stdin.read()))\n\
                print(repr(sys.stdin.readline()))\n";
    let mut child = Command::new(env!("CARGO_BIN_EXE_micropython"))
        .args(["-c", code])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start micropython");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all("first\n\u{e9}t\u{e9}!\nrest\nend".as_bytes())
        .expect("write stdin");
    drop(stdin);
    let out = child.wait_with_output().expect("run micropython");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "'first\\n'\n'\u{e9}t\u{e9}'\n'!\\n'\n'rest\\nend'\n''\n"
    );
}
