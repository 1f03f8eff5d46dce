//! `cargo xtask new-board <id> --from <board>`: writes a small manifest that extends a board.

use std::path::Path;

use crate::manifest;
use crate::paths::MANIFESTS;

pub fn run(args: &[String]) -> Result<(), String> {
    let usage = "usage: cargo xtask new-board <id> --from <board>";
    let (id, from) = match args {
        [id, flag, from] if flag == "--from" => (id, from),
        [flag, from, id] if flag == "--from" => (id, from),
        _ => return Err(usage.to_string()),
    };
    let path = create(Path::new(MANIFESTS), id, from)?;
    println!(
        "wrote {}; edit it, then run `cargo xtask check`",
        path.display()
    );
    Ok(())
}

/// Writes `<dir>/<id>.toml` extending `from`, after checking that the result is valid.
pub fn create(dir: &Path, id: &str, from: &str) -> Result<std::path::PathBuf, String> {
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(format!(
            "board id '{id}' must be lower-case letters, digits and '-'"
        ));
    }
    let path = dir.join(format!("{id}.toml"));
    if path.exists() {
        return Err(format!(
            "{} already exists; choose another id or edit it",
            path.display()
        ));
    }
    let parent = manifest::load(dir, from)?;
    let text = format!(
        "# Board manifest: derived from {from}.toml; only the keys below differ from it.\n\
         # The schema is documented in the header of manifests/{from}.toml.\n\
         extends = \"{from}\"\n\n[board]\nid = \"{id}\"\nname = \"{} (variant {id})\"\n",
        parent.identity.name
    );
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    if let Err(err) = manifest::load(dir, id) {
        let _ = std::fs::remove_file(&path);
        return Err(format!("the new manifest would not be valid:\n{err}"));
    }
    Ok(path)
}
