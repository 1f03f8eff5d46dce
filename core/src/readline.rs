//! Line editing for the friendly REPL (MicroPython's `shared/readline`): cursor movement,
//! insert/delete anywhere in the line, history, and the VT100 sequences terminals send and
//! understand. It knows nothing of Python: the REPL (`repl.rs`) feeds it bytes and acts on the
//! `Event`s it returns (a finished line, control keys, tab).
//!
//! Keys understood: printable bytes (UTF-8 sequences are kept whole), Backspace/DEL, Delete
//! (`ESC [3~`), Left/Right (`ESC [D`/`ESC [C`), Home/End (`ESC [H`, `ESC [F`, `ESC OH`,
//! `ESC OF`, `ESC [1~`, `ESC [4~`, `ESC [7~`, `ESC [8~`), Up/Down (`ESC [A`/`ESC [B`) for
//! history; on a non-empty line the REPL also passes Ctrl-A/E here (`emacs_key`: home, end).
//!
//! Cargo feature `repl-extras` adds what MicroPython's readline has only with
//! MICROPY_REPL_EMACS_KEYS, MICROPY_REPL_AUTO_INDENT and MICROPY_HELPER_REPL: Ctrl-B/D/F on a
//! non-empty line (left, delete, right), Ctrl-K (erase to end), Ctrl-U (erase to start),
//! Ctrl-P/N (history back/forward), a backspace in leading spaces removing a whole indent level,
//! and Tab as an `Event` (completion). Without it those control bytes go to the REPL, which
//! ignores them, as MicroPython's minimal readline does.
//!
//! Screen updates use only backspace, `ESC [nD` (cursor left n), `ESC [nC` (right) and `ESC [K`
//! (erase to end of line), which every serial terminal handles.

use crate::port::Port;
use alloc::string::String;
use alloc::vec::Vec;

/// Lines kept for Up/Down (MicroPython keeps 8 on small ports).
pub const HISTORY_LEN: usize = 8;

const ESC: u8 = 0x1b;
const BACKSPACE: u8 = 8;
const DEL: u8 = 127;
#[cfg(feature = "repl-extras")]
const CTRL_K: u8 = 11;
#[cfg(feature = "repl-extras")]
const CTRL_N: u8 = 14;
#[cfg(feature = "repl-extras")]
const CTRL_P: u8 = 16;
#[cfg(feature = "repl-extras")]
const CTRL_U: u8 = 21;

/// What a fed byte means to the REPL.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Event {
    /// Enter: the line is finished (the editor has already moved to a new line).
    Enter,
    /// Tab: the REPL completes the word before the cursor.
    #[cfg(feature = "repl-extras")]
    Tab,
    /// A control byte the editor does not use (Ctrl-A/B/C/D/E): the REPL decides.
    Control(u8),
}

/// Escape-sequence decoding state.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Esc {
    None,
    /// After ESC.
    Start,
    /// After `ESC [` or `ESC O`, with the numeric parameter so far.
    Csi(u8),
}

pub struct LineEditor {
    line: Vec<u8>,
    cursor: usize,
    esc: Esc,
    history: Vec<String>,
    /// Position in `history` while browsing with Up/Down (0 = newest); None when editing.
    browsing: Option<usize>,
    /// The line being edited before browsing started, restored by Down past the newest entry.
    draft: Vec<u8>,
    /// Echo typed characters (off on the host when stdin is not a terminal).
    pub echo: bool,
}

impl Default for LineEditor {
    fn default() -> Self {
        Self::new()
    }
}

impl LineEditor {
    pub fn new() -> LineEditor {
        LineEditor {
            line: Vec::new(),
            cursor: 0,
            esc: Esc::None,
            history: Vec::new(),
            browsing: None,
            draft: Vec::new(),
            echo: true,
        }
    }

    /// The line typed so far.
    pub fn line(&self) -> &[u8] {
        &self.line
    }

    /// The part of the line before the cursor (what tab completion looks at).
    pub fn before_cursor(&self) -> &[u8] {
        &self.line[..self.cursor]
    }

    pub fn is_empty(&self) -> bool {
        self.line.is_empty()
    }

    /// Start a new line, pre-filled with `initial` (auto-indent), already echoed.
    pub fn start(&mut self, port: &mut dyn Port, initial: &str) {
        self.line.clear();
        self.line.extend_from_slice(initial.as_bytes());
        self.cursor = self.line.len();
        self.esc = Esc::None;
        self.browsing = None;
        if self.echo {
            port.write(initial.as_bytes());
        }
    }

    /// Take the finished line out of the editor, remembering it in the history.
    pub fn take_line(&mut self) -> String {
        let text = crate::utf8_lossy::decode(&self.line);
        self.line.clear();
        self.cursor = 0;
        if !is_blank(&text) && self.history.first().map(String::as_str) != Some(text.as_str()) {
            if self.history.len() == HISTORY_LEN {
                self.history.pop();
            }
            self.history.insert(0, text.clone());
        }
        text
    }

    /// Forget the current line (Ctrl-C).
    pub fn clear(&mut self) {
        self.line.clear();
        self.cursor = 0;
        self.esc = Esc::None;
        self.browsing = None;
    }

    /// Feed one byte from the console; returns the event it completes, if any.
    pub fn feed(&mut self, port: &mut dyn Port, b: u8) -> Option<Event> {
        match self.esc {
            Esc::Start => {
                self.esc = if b == b'[' || b == b'O' {
                    Esc::Csi(0)
                } else {
                    Esc::None
                };
                return None;
            }
            Esc::Csi(n) => {
                if b.is_ascii_digit() {
                    self.esc = Esc::Csi(n.saturating_mul(10).saturating_add(b - b'0'));
                    return None;
                }
                self.esc = Esc::None;
                self.escape_key(port, b, n);
                return None;
            }
            Esc::None => {}
        }
        match b {
            ESC => self.esc = Esc::Start,
            b'\r' | b'\n' => {
                // The port's cooking (boards) or the terminal (host) turns this into CR LF.
                if self.echo {
                    port.write(b"\n");
                }
                return Some(Event::Enter);
            }
            #[cfg(feature = "repl-extras")]
            b'\t' => return Some(Event::Tab),
            BACKSPACE | DEL => self.backspace(port),
            #[cfg(feature = "repl-extras")]
            CTRL_K | CTRL_N | CTRL_P | CTRL_U => self.emacs_edit_key(port, b),
            c if c < 0x20 => return Some(Event::Control(c)),
            c => self.insert(port, &[c]),
        }
        None
    }

    /// Keys MicroPython's readline gives Ctrl-A/E (home, end) and, with `repl-extras`, Ctrl-B/D/F
    /// (left, delete, right) on a non-empty line; on an empty one the REPL uses them. False for
    /// other keys.
    pub fn emacs_key(&mut self, port: &mut dyn Port, c: u8) -> bool {
        let (key, param) = match c {
            1 => (b'H', 0),
            5 => (b'F', 0),
            #[cfg(feature = "repl-extras")]
            2 => (b'D', 0),
            #[cfg(feature = "repl-extras")]
            4 => (b'~', 3),
            #[cfg(feature = "repl-extras")]
            6 => (b'C', 0),
            _ => return false,
        };
        self.escape_key(port, key, param);
        true
    }

    /// Ctrl-K (erase to the end), Ctrl-U (erase to the start), Ctrl-P/N (history back/forward):
    /// MicroPython's MICROPY_REPL_EMACS_KEYS.
    #[cfg(feature = "repl-extras")]
    fn emacs_edit_key(&mut self, port: &mut dyn Port, c: u8) {
        match c {
            CTRL_K => {
                self.line.truncate(self.cursor);
                self.write(port, b"\x1b[K");
            }
            CTRL_U => {
                let n = self.cursor;
                self.home(port);
                self.remove(n);
                self.redraw_from_cursor(port);
            }
            CTRL_N => self.history_step(port, false),
            _ => self.history_step(port, true),
        }
    }

    fn escape_key(&mut self, port: &mut dyn Port, key: u8, param: u8) {
        match (key, param) {
            (b'A', _) => self.history_step(port, true),
            (b'B', _) => self.history_step(port, false),
            (b'C', _) if self.cursor < self.line.len() => {
                let next = self.char_end(self.cursor);
                self.write(port, &self.line[self.cursor..next]);
                self.cursor = next;
            }
            (b'D', _) if self.cursor > 0 => {
                self.cursor = self.char_start(self.cursor);
                self.write(port, b"\x08");
            }
            (b'H', _) | (b'~', 1) | (b'~', 7) => self.home(port),
            (b'F', _) | (b'~', 4) | (b'~', 8) => self.end(port),
            (b'~', 3) if self.cursor < self.line.len() => {
                let next = self.char_end(self.cursor);
                self.remove(next - self.cursor);
                self.redraw_from_cursor(port);
            }
            _ => {}
        }
    }

    /// Insert `bytes` at the cursor (typed characters, or a completion).
    pub fn insert(&mut self, port: &mut dyn Port, bytes: &[u8]) {
        for &b in bytes {
            self.line.insert(self.cursor, b);
            self.cursor += 1;
        }
        if !self.echo {
            return;
        }
        port.write(bytes);
        if self.cursor < self.line.len() {
            // Redraw the tail that moved right and put the cursor back.
            let tail = &self.line[self.cursor..];
            port.write(tail);
            self.cursor_left_cols(port, columns(tail));
        }
    }

    fn backspace(&mut self, port: &mut dyn Port) {
        if self.cursor == 0 {
            return;
        }
        let n = self.backspace_len();
        let cols = columns(&self.line[self.cursor - n..self.cursor]);
        self.cursor -= n;
        self.remove(n);
        if self.echo {
            self.cursor_left_cols(port, cols);
        }
        self.redraw_from_cursor(port);
    }

    /// Bytes a backspace removes: the character before the cursor or, with auto-indent
    /// (`repl-extras`), a whole indent level (4 spaces) inside leading spaces, as MicroPython's
    /// readline does with MICROPY_REPL_AUTO_INDENT.
    fn backspace_len(&self) -> usize {
        #[cfg(feature = "repl-extras")]
        {
            let before = &self.line[..self.cursor];
            if before.len() >= 4 && before.iter().all(|&c| c == b' ') {
                return match before.len() % 4 {
                    0 => 4,
                    partial => partial,
                };
            }
        }
        self.cursor - self.char_start(self.cursor)
    }

    /// Rewrite the line from the cursor to its end, erase what was left beyond it, and put the
    /// cursor back where it was.
    fn redraw_from_cursor(&mut self, port: &mut dyn Port) {
        if !self.echo {
            return;
        }
        let tail = &self.line[self.cursor..];
        port.write(tail);
        port.write(b"\x1b[K");
        self.cursor_left_cols(port, columns(tail));
    }

    fn home(&mut self, port: &mut dyn Port) {
        let cols = columns(&self.line[..self.cursor]);
        self.cursor = 0;
        if self.echo {
            self.cursor_left_cols(port, cols);
        }
    }

    fn end(&mut self, port: &mut dyn Port) {
        self.write(port, &self.line[self.cursor..]);
        self.cursor = self.line.len();
    }

    /// Up (`older`) or Down through the history, replacing the line on screen.
    fn history_step(&mut self, port: &mut dyn Port, older: bool) {
        let next = match (self.browsing, older) {
            (None, true) if !self.history.is_empty() => {
                self.draft = self.line.clone();
                Some(0)
            }
            (Some(i), true) if i + 1 < self.history.len() => Some(i + 1),
            (Some(0), false) => None,
            (Some(i), false) => Some(i - 1),
            _ => return,
        };
        let text = match next {
            Some(i) => self.history[i].as_bytes().to_vec(),
            None => core::mem::take(&mut self.draft),
        };
        self.browsing = next;
        self.replace_line(port, &text);
    }

    /// Show `text` instead of the current line, cursor at its end.
    fn replace_line(&mut self, port: &mut dyn Port, text: &[u8]) {
        self.home(port);
        self.line.clear();
        self.line.extend_from_slice(text);
        self.cursor = self.line.len();
        if self.echo {
            port.write(text);
            port.write(b"\x1b[K");
        }
    }

    /// Redraw the prompt and the whole line (after tab completion printed a list).
    pub fn redraw(&mut self, port: &mut dyn Port, prompt: &[u8]) {
        if !self.echo {
            return;
        }
        port.write(prompt);
        port.write(&self.line);
        self.cursor_left_cols(port, columns(&self.line[self.cursor..]));
    }

    fn cursor_left_cols(&self, port: &mut dyn Port, cols: usize) {
        match cols {
            0 => {}
            1..=3 => {
                for _ in 0..cols {
                    port.write(b"\x08");
                }
            }
            _ => {
                let mut buf = [0u8; 12];
                port.write(csi_left(&mut buf, cols));
            }
        }
    }

    /// Delete `n` bytes at the cursor.
    fn remove(&mut self, n: usize) {
        let at = self.cursor;
        self.line.copy_within(at + n.., at);
        self.line.truncate(self.line.len() - n);
    }

    fn write(&self, port: &mut dyn Port, bytes: &[u8]) {
        if self.echo {
            port.write(bytes);
        }
    }

    /// Start of the UTF-8 character that ends at `pos`.
    fn char_start(&self, pos: usize) -> usize {
        let mut p = pos.saturating_sub(1);
        while p > 0 && is_continuation(self.line[p]) {
            p -= 1;
        }
        p
    }

    /// End of the UTF-8 character that starts at `pos`.
    fn char_end(&self, pos: usize) -> usize {
        let mut p = pos + 1;
        while p < self.line.len() && is_continuation(self.line[p]) {
            p += 1;
        }
        p
    }
}

/// Whether `s` is empty or all whitespace (`s.trim().is_empty()`, without trim's code).
#[inline(never)]
pub fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

fn is_continuation(b: u8) -> bool {
    b & 0xc0 == 0x80
}

/// Screen columns `bytes` take: one per character (UTF-8 continuation bytes take none).
fn columns(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| !is_continuation(b)).count()
}

/// `ESC [ n D` in `buf`.
fn csi_left(buf: &mut [u8; 12], n: usize) -> &[u8] {
    let mut digits = [0u8; 8];
    let mut len = 0;
    let mut v = n;
    loop {
        digits[len] = b'0' + (v % 10) as u8;
        len += 1;
        v /= 10;
        if v == 0 || len == digits.len() {
            break;
        }
    }
    buf[0] = ESC;
    buf[1] = b'[';
    for i in 0..len {
        buf[2 + i] = digits[len - 1 - i];
    }
    buf[2 + len] = b'D';
    &buf[..3 + len]
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[derive(Default)]
    struct Screen {
        out: Vec<u8>,
    }

    impl Port for Screen {
        fn write(&mut self, data: &[u8]) {
            self.out.extend_from_slice(data);
        }
        fn read_byte(&mut self) -> Option<u8> {
            None
        }
        fn ticks_ms(&self) -> u32 {
            0
        }
        fn ticks_us(&self) -> u32 {
            0
        }
        fn delay_us(&mut self, _us: u32) {}
    }

    /// Feed `keys`, returning the events and the line as it stands.
    fn type_keys(ed: &mut LineEditor, keys: &[u8]) -> (Vec<Event>, String) {
        let mut screen = Screen::default();
        let mut events = Vec::new();
        for &k in keys {
            if let Some(e) = ed.feed(&mut screen, k) {
                events.push(e);
            }
        }
        (events, String::from_utf8_lossy(ed.line()).into_owned())
    }

    #[test]
    fn insert_in_the_middle_with_arrows() {
        let mut ed = LineEditor::new();
        let (_, line) = type_keys(&mut ed, b"pint(1)\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[Dr");
        assert_eq!(line, "print(1)");
        let (_, line) = type_keys(&mut ed, b"\x1b[F2");
        assert_eq!(line, "print(1)2");
        let (_, line) = type_keys(&mut ed, b"\x1b[H#\x1bOF\x08");
        assert_eq!(line, "#print(1)");
    }

    #[test]
    fn delete_key_and_backspace_at_both_ends() {
        let mut ed = LineEditor::new();
        let (_, line) = type_keys(&mut ed, b"abc\x1b[H\x1b[3~\x08");
        assert_eq!(
            line, "bc",
            "delete removes under the cursor, backspace at 0 does nothing"
        );
        let (_, line) = type_keys(&mut ed, b"\x1b[F\x1b[3~\x7f");
        assert_eq!(
            line, "b",
            "delete at the end does nothing, DEL erases before the cursor"
        );
    }

    #[test]
    fn history_up_down_restores_the_draft() {
        let mut ed = LineEditor::new();
        let (ev, _) = type_keys(&mut ed, b"x = 1\r");
        assert_eq!(ev, [Event::Enter]);
        assert_eq!(ed.take_line(), "x = 1");
        type_keys(&mut ed, b"print(x)\r");
        ed.take_line();
        let (_, line) = type_keys(&mut ed, b"dr\x1b[A");
        assert_eq!(line, "print(x)");
        let (_, line) = type_keys(&mut ed, b"\x1b[A\x1b[A");
        assert_eq!(line, "x = 1", "stops at the oldest entry");
        let (_, line) = type_keys(&mut ed, b"\x1b[B\x1b[B");
        assert_eq!(
            line, "dr",
            "down past the newest entry gives the draft back"
        );
    }

    #[test]
    fn history_keeps_a_bounded_number_of_distinct_lines() {
        let mut ed = LineEditor::new();
        for i in 0..20 {
            type_keys(&mut ed, format!("{i}\r").as_bytes());
            ed.take_line();
            type_keys(&mut ed, format!("{i}\r").as_bytes());
            ed.take_line();
        }
        assert_eq!(ed.history.len(), HISTORY_LEN);
        assert_eq!(ed.history[0], "19");
        assert_eq!(ed.history[1], "18", "a repeated line is stored once");
    }

    #[test]
    #[cfg(feature = "repl-extras")]
    fn backspace_in_leading_spaces_removes_an_indent_level() {
        let mut ed = LineEditor::new();
        let mut screen = Screen::default();
        ed.start(&mut screen, "        ");
        let (_, line) = type_keys(&mut ed, b"\x08");
        assert_eq!(line, "    ");
        let (_, line) = type_keys(&mut ed, b"ab\x08");
        assert_eq!(line, "    a", "after text, backspace removes one character");
    }

    #[test]
    #[cfg(not(feature = "repl-extras"))]
    fn without_auto_indent_backspace_removes_one_space() {
        let mut ed = LineEditor::new();
        let (_, line) = type_keys(&mut ed, b"        \x08");
        assert_eq!(line, "       ");
    }

    /// Feed `keys`, then the control key `c` through `emacs_key` as the REPL does on a
    /// non-empty line; returns whether the editor took it and the line after it.
    fn line_key(ed: &mut LineEditor, keys: &[u8], c: u8) -> (bool, String) {
        type_keys(ed, keys);
        let taken = ed.emacs_key(&mut Screen::default(), c);
        (taken, String::from_utf8_lossy(ed.line()).into_owned())
    }

    #[test]
    fn ctrl_a_and_ctrl_e_go_home_and_end_in_every_build() {
        let mut ed = LineEditor::new();
        assert_eq!(line_key(&mut ed, b"bc", 1), (true, "bc".into()));
        let (_, line) = type_keys(&mut ed, b"a");
        assert_eq!(line, "abc");
        assert_eq!(line_key(&mut ed, b"", 5), (true, "abc".into()));
        let (_, line) = type_keys(&mut ed, b"d");
        assert_eq!(line, "abcd");
    }

    #[test]
    #[cfg(feature = "repl-extras")]
    fn emacs_keys_move_and_delete() {
        let mut ed = LineEditor::new();
        assert_eq!(line_key(&mut ed, b"ac", 2), (true, "ac".into()), "Ctrl-B");
        let (_, line) = type_keys(&mut ed, b"b");
        assert_eq!(line, "abc");
        assert_eq!(line_key(&mut ed, b"", 4), (true, "ab".into()), "Ctrl-D");
        line_key(&mut ed, b"", 1);
        assert_eq!(line_key(&mut ed, b"", 6), (true, "ab".into()), "Ctrl-F");
        let (_, line) = type_keys(&mut ed, b"x");
        assert_eq!(line, "axb");
    }

    #[test]
    #[cfg(not(feature = "repl-extras"))]
    fn without_emacs_keys_the_editor_leaves_ctrl_b_d_f_k_n_p_u_to_the_repl() {
        let mut ed = LineEditor::new();
        for c in [2, 4, 6] {
            assert_eq!(line_key(&mut ed, b"", c), (false, "".into()));
        }
        type_keys(&mut ed, b"x\r");
        ed.take_line();
        let (ev, line) = type_keys(&mut ed, b"ab\x1b[D\x0b\x0e\x10\x15");
        assert_eq!(
            ev,
            [
                Event::Control(11),
                Event::Control(14),
                Event::Control(16),
                Event::Control(21)
            ]
        );
        assert_eq!(line, "ab", "no erasing, no history");
    }

    #[test]
    #[cfg(feature = "repl-extras")]
    fn ctrl_p_and_ctrl_n_browse_the_history() {
        let mut ed = LineEditor::new();
        type_keys(&mut ed, b"one\r");
        ed.take_line();
        type_keys(&mut ed, b"two\r");
        ed.take_line();
        let (_, line) = type_keys(&mut ed, b"\x10\x10");
        assert_eq!(line, "one");
        let (_, line) = type_keys(&mut ed, b"\x0e");
        assert_eq!(line, "two");
    }

    #[test]
    #[cfg(feature = "repl-extras")]
    fn ctrl_u_erases_to_the_start_and_ctrl_k_to_the_end() {
        let mut ed = LineEditor::new();
        let (_, line) = type_keys(&mut ed, "aé cdef\x1b[D\x1b[D\x1b[D\x15".as_bytes());
        assert_eq!(line, "def");
        let (_, line) = type_keys(&mut ed, b"x\x1b[C\x0b");
        assert_eq!(
            line, "xd",
            "typed at the start, then erased after the cursor"
        );
        let mut screen = Screen::default();
        for &k in b"\x1b[H\x15" {
            ed.feed(&mut screen, k);
        }
        assert_eq!(ed.line(), b"xd", "Ctrl-U at the start erases nothing");
    }

    #[test]
    fn utf8_characters_move_as_one() {
        let mut ed = LineEditor::new();
        let (_, line) = type_keys(&mut ed, "aé".as_bytes());
        assert_eq!(line, "aé");
        let (_, line) = type_keys(&mut ed, b"\x1b[Dx");
        assert_eq!(line, "axé");
        let (_, line) = type_keys(&mut ed, b"\x1b[C\x08");
        assert_eq!(line, "ax");
    }

    #[test]
    fn control_keys_are_passed_to_the_repl() {
        let mut ed = LineEditor::new();
        let (ev, _) = type_keys(&mut ed, b"ab\x03\x04\x05");
        assert_eq!(
            ev,
            [Event::Control(3), Event::Control(4), Event::Control(5)]
        );
    }

    #[test]
    fn tab_is_an_event_only_with_completion() {
        let mut ed = LineEditor::new();
        let (ev, line) = type_keys(&mut ed, b"ab\t");
        #[cfg(feature = "repl-extras")]
        assert_eq!(ev, [Event::Tab]);
        #[cfg(not(feature = "repl-extras"))]
        assert_eq!(ev, [Event::Control(b'\t')], "the REPL ignores it");
        assert_eq!(line, "ab");
    }

    #[test]
    fn screen_output_for_an_insert_redraws_the_tail() {
        let mut ed = LineEditor::new();
        let mut screen = Screen::default();
        for &k in b"ac\x1b[Db" {
            ed.feed(&mut screen, k);
        }
        assert_eq!(screen.out, b"ac\x08bc\x08");
    }

    #[test]
    fn long_moves_use_one_escape_sequence() {
        let mut buf = [0u8; 12];
        assert_eq!(csi_left(&mut buf, 12), b"\x1b[12D");
        let mut ed = LineEditor::new();
        let mut screen = Screen::default();
        for &k in b"0123456789\x1b[H" {
            ed.feed(&mut screen, k);
        }
        assert!(screen.out.ends_with(b"\x1b[10D"), "{:?}", screen.out);
    }
}
