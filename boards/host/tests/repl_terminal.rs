//! The host REPL under a pseudo-terminal, driven key by key as a person types: arrows, history,
//! Tab, Ctrl-C in a busy loop, paste mode, Ctrl-D. Reads back what the terminal shows.

mod common;

use common::openpty;
use std::fs::File;
use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

struct Terminal {
    child: Child,
    keyboard: File,
    screen: Receiver<u8>,
    seen: Vec<u8>,
}

impl Terminal {
    fn start() -> Terminal {
        let (master, slave) = openpty();
        let child = Command::new(env!("CARGO_BIN_EXE_micropython"))
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave))
            .spawn()
            .expect("start micropython");
        let keyboard = File::from(master.try_clone().unwrap());
        let mut reader = File::from(master);
        let (tx, screen) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 256];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                for &b in &buf[..n] {
                    if tx.send(b).is_err() {
                        return;
                    }
                }
            }
        });
        Terminal {
            child,
            keyboard,
            screen,
            seen: Vec::new(),
        }
    }

    fn type_keys(&mut self, keys: &[u8]) {
        self.keyboard.write_all(keys).unwrap();
    }

    /// Wait until the screen output since the last call contains `text`; return that output.
    fn expect(&mut self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let shown = String::from_utf8_lossy(&self.seen).into_owned();
            if let Some(i) = shown.find(text) {
                let end = i + text.len();
                self.seen.drain(..end);
                return shown[..end].to_string();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.screen.recv_timeout(left) {
                Ok(b) => self.seen.push(b),
                Err(_) => panic!("terminal never showed {text:?}; it shows {shown:?}"),
            }
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn typing_at_the_host_repl() {
    let mut t = Terminal::start();
    t.expect("MicroPython");
    t.expect(">>> ");

    // Echo and evaluation.
    t.type_keys(b"print(6*7)\r");
    t.expect("print(6*7)\r\n42\r\n>>> ");

    // Home, Right and Left arrows to fix typos in the middle of the line.
    t.type_keys(b"pint('fixd')\x1b[H\x1b[Cr\x1b[F\x1b[D\x1b[D\x1b[De\r");
    t.expect("\r\nfixed\r\n>>> ");

    // Up arrow brings the line back; End and Backspace edit it.
    t.type_keys(b"\x1b[A\x1b[F\x08\x08\x08\x08\x08\x08\x08\x08'again')\r");
    t.expect("\r\nagain\r\n>>> ");

    // Tab completes a keyword, a global, and an attribute.
    t.type_keys(b"impo\t");
    t.expect("import");
    t.type_keys(b" sys\rsys.platf\t\r");
    t.expect("sys.platform\r\n'linux'\r\n>>> ");

    // Auto-indent after a colon; an empty line ends the block.
    t.type_keys(b"for i in range(3):\r");
    t.expect("... ");
    t.type_keys(b"print(i * 10)\r\r");
    t.expect("0\r\n10\r\n20\r\n>>> ");

    // Ctrl-C stops a busy loop with KeyboardInterrupt and the REPL goes on.
    t.type_keys(b"while True: pass\r\r");
    std::thread::sleep(Duration::from_millis(300));
    t.type_keys(b"\x03");
    t.expect("KeyboardInterrupt");
    t.expect(">>> ");
    t.type_keys(b"print('alive')\r");
    t.expect("alive\r\n>>> ");

    // Paste mode keeps the indentation as typed.
    t.type_keys(b"\x05");
    t.expect("paste mode; Ctrl-C to cancel, Ctrl-D to finish");
    t.type_keys(b"def f():\r    if True:\r        return 'pasted'\r    return 0\rprint(f())\r\x04");
    t.expect("pasted\r\n>>> ");

    // Ctrl-D on an empty line leaves, with status 0.
    t.type_keys(b"\x04");
    let status = t.child.wait().expect("exit");
    assert_eq!(status.code(), Some(0));
}
