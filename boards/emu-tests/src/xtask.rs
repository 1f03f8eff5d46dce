//! `cargo xtask` as the tests use it: the one place that turns a board manifest into firmware.

use crate::repo_root;
use std::process::Command;

/// `cargo xtask <args>` run from the repository root, without this test's cargo settings.
pub fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.arg("xtask")
        .args(args)
        .current_dir(repo_root())
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_TARGET_DIR");
    cmd
}

/// Runs `cargo xtask <args>` to completion; the error holds its output.
pub fn run(args: &[&str]) -> Result<String, String> {
    let out = command(args)
        .output()
        .map_err(|e| format!("running cargo xtask {}: {e}", args.join(" ")))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if out.status.success() {
        Ok(text)
    } else {
        Err(format!("cargo xtask {} failed:\n{text}", args.join(" ")))
    }
}

/// A string constant from the `board_config.rs` xtask generated for `board` (the values the
/// firmware was compiled with), e.g. `BOARD_NAME`.
pub fn generated_str(board: &str, name: &str) -> Result<String, String> {
    let path = repo_root()
        .join("target/firmware")
        .join(board)
        .join("gen/board_config.rs");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("reading {}: {e} (build the board first)", path.display()))?;
    parse_str_const(&text, name)
        .ok_or_else(|| format!("no `pub const {name}: &str` in {}", path.display()))
}

fn parse_str_const(text: &str, name: &str) -> Option<String> {
    let prefix = format!("pub const {name}: &str = \"");
    text.lines()
        .find_map(|line| line.strip_prefix(&prefix)?.strip_suffix("\";"))
        .map(|value| value.replace("\\\"", "\"").replace("\\\\", "\\"))
}

#[cfg(test)]
mod tests {
    use super::parse_str_const;

    #[test]
    fn reads_generated_string_constants() {
        let text = "pub const BOARD_NAME: &str = \"BBC \\\"micro:bit\\\" v1\";\npub const MCU: &str = \"nRF51822\";\n";
        assert_eq!(
            parse_str_const(text, "BOARD_NAME").as_deref(),
            Some("BBC \"micro:bit\" v1")
        );
        assert_eq!(parse_str_const(text, "MCU").as_deref(), Some("nRF51822"));
        assert_eq!(parse_str_const(text, "HEAP_SIZE"), None);
    }
}
