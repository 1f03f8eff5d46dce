//! `cargo xtask check`: validates every manifest and lists every problem found.

use std::path::Path;

use crate::manifest;
use crate::paths::MANIFESTS;
use crate::validate::validate;

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!(
            "check takes no arguments (got '{extra}'); run `cargo xtask check`"
        ));
    }
    let errors = check_dir(Path::new(MANIFESTS))?;
    if errors.is_empty() {
        println!("all manifests in {MANIFESTS}/ are valid");
        Ok(())
    } else {
        Err(format!(
            "{} problem(s):\n{}",
            errors.len(),
            errors.join("\n")
        ))
    }
}

/// Every problem in every manifest of `dir`.
pub fn check_dir(dir: &Path) -> Result<Vec<String>, String> {
    let mut errors = Vec::new();
    for id in manifest::board_ids(dir)? {
        match manifest::load(dir, &id) {
            Ok(board) => errors.extend(validate(&board)),
            Err(err) => errors.extend(err.lines().map(str::to_string)),
        }
    }
    Ok(errors)
}
