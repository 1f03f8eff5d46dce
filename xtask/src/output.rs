//! Publishing a board's images into `dist/<board>/` all at once: files are written into a staging
//! folder beside it, which replaces the old folder only when every file is complete. A failed
//! build leaves the previous dist/<board>/ (or none), never a partial one.

use std::path::{Path, PathBuf};

pub struct Staging {
    staging: PathBuf,
    destination: PathBuf,
    committed: bool,
}

impl Staging {
    pub fn new(destination: &Path) -> Result<Self, String> {
        let name = destination
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let staging = destination.with_file_name(format!(".{name}.staging"));
        if staging.exists() {
            std::fs::remove_dir_all(&staging)
                .map_err(|e| format!("cannot clear {}: {e}", staging.display()))?;
        }
        std::fs::create_dir_all(&staging)
            .map_err(|e| format!("cannot create {}: {e}", staging.display()))?;
        Ok(Staging {
            staging,
            destination: destination.to_path_buf(),
            committed: false,
        })
    }

    pub fn write(&self, file: &str, contents: &[u8]) -> Result<(), String> {
        let path = self.staging.join(file);
        std::fs::write(&path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    /// Swaps the staged folder in for the destination.
    pub fn commit(mut self) -> Result<(), String> {
        let old = self.destination.with_file_name(format!(
            ".{}.old",
            self.destination
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        if old.exists() {
            std::fs::remove_dir_all(&old)
                .map_err(|e| format!("cannot clear {}: {e}", old.display()))?;
        }
        if self.destination.exists() {
            std::fs::rename(&self.destination, &old)
                .map_err(|e| format!("cannot move {} aside: {e}", self.destination.display()))?;
        }
        std::fs::rename(&self.staging, &self.destination)
            .map_err(|e| format!("cannot publish {}: {e}", self.destination.display()))?;
        self.committed = true;
        if old.exists() {
            std::fs::remove_dir_all(&old)
                .map_err(|e| format!("cannot remove {}: {e}", old.display()))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // Best effort: a leftover staging folder is cleared by the next build anyway.
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}
