//! Board manifests: `manifests/<board>.toml`, resolved through `extends` into a [`Board`].
//!
//! Reading is strict: every key is known, every value has the right type, and every error names
//! the file and line that caused it plus the fix. Cross-field checks (regions, pins, modules,
//! files) live in `validate.rs`.
//!
//! Schema (also in the header comment of every manifest):
//!
//! ```toml
//! extends = "<board>"          # optional: start from that board, override only the keys given
//! [board]    id, name, vendor, url, mcu, features = [..]
//! [build]    crate = "boards/<crate>", target = "<triple>", chip = "<chip>", features = [..]
//! [memory]   flash_base, flash_size, firmware_base, firmware_size, fs_base, fs_size,
//!            ram_base, ram_size, heap_size, stack_size   (integers, or "256K" / "1M" strings)
//! [pins]     NAME = "<chip pin>"
//! [console]  uart = <n>, tx = "<pin>", rx = "<pin>"
//! [modules]  include = ["sys", ..], frozen = ["<path relative to this manifest>", ..]
//! [filesystem] label = "MICROPYTHON"
//! [filesystem.files] "<path in the FS>" = "<file or folder relative to this manifest>"
//! [outputs]  uf2 = bool, uf2_family = 0x.., hex = bool, bin = bool, esp_bin = bool
//! [esp]      flash_size = "4MB", flash_mode = "dio", flash_freq = "40MHz"   (ESP chips only)
//! [emulator] kind = "qemu" | "rp2040js", machine = "<qemu -M>", args = [..], features = [..]
//! ```

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::chips::{self, Chip};
use crate::suggest::did_you_mean;
use crate::tomltree::{self, Node, Origin, Table, Value};

/// A value and where the manifest set it.
#[derive(Clone, Debug)]
pub struct Located<T> {
    pub value: T,
    pub origin: Origin,
}

impl<T> Located<T> {
    /// `file:line: message` for an error about this value.
    pub fn error(&self, message: impl AsRef<str>) -> String {
        format!("{}: {}", self.origin, message.as_ref())
    }
}

#[derive(Debug)]
pub struct Board {
    pub id: String,
    /// This board's manifest first, then the manifests it extends.
    pub manifest_chain: Vec<PathBuf>,
    pub identity: Identity,
    pub build: BuildConfig,
    pub memory: Memory,
    pub pins: Vec<(String, Located<String>)>,
    pub console: Console,
    pub modules: Vec<Located<String>>,
    pub frozen: Vec<Located<PathBuf>>,
    pub filesystem: Filesystem,
    pub outputs: Outputs,
    pub esp: Option<EspConfig>,
    pub emulator: Option<Emulator>,
}

#[derive(Debug)]
pub struct Identity {
    pub id: Located<String>,
    pub name: String,
    pub vendor: String,
    pub url: String,
    pub mcu: String,
    pub features: Vec<String>,
}

#[derive(Debug)]
pub struct BuildConfig {
    /// The board crate's directory, relative to the repository root.
    pub crate_dir: Located<PathBuf>,
    pub target: Located<String>,
    pub chip: &'static Chip,
    pub chip_origin: Origin,
    /// The board crate's own cargo features (e.g. mpy-core's `float`, `bigint`).
    pub features: Vec<Located<String>>,
}

#[derive(Debug)]
pub struct Memory {
    pub flash_base: Located<u32>,
    pub flash_size: Located<u32>,
    pub firmware_base: Located<u32>,
    pub firmware_size: Located<u32>,
    pub fs_base: Located<u32>,
    pub fs_size: Located<u32>,
    pub ram_base: Located<u32>,
    pub ram_size: Located<u32>,
    pub heap_size: Located<u32>,
    pub stack_size: Located<u32>,
}

#[derive(Debug)]
pub struct Console {
    pub uart: Located<u8>,
    pub tx: Located<String>,
    pub rx: Located<String>,
}

#[derive(Debug)]
pub struct Filesystem {
    pub label: String,
    /// (path inside the filesystem, source file or folder resolved against its manifest).
    pub files: Vec<(String, Located<PathBuf>)>,
    pub origin: Origin,
}

#[derive(Debug)]
pub struct Outputs {
    pub uf2_family: Option<Located<u32>>,
    pub hex: bool,
    pub bin: bool,
    pub esp_bin: bool,
    pub origin: Origin,
}

#[derive(Debug)]
pub struct EspConfig {
    pub flash_size: Located<String>,
    pub flash_mode: Located<String>,
    pub flash_freq: Located<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmulatorKind {
    Qemu,
    Rp2040js,
}

#[derive(Debug)]
pub struct Emulator {
    pub kind: EmulatorKind,
    pub machine: Option<String>,
    pub args: Vec<String>,
    /// Board crate features added for the emulator build (`cargo xtask run`), e.g. the RP2040's
    /// `emulator`: rp2040js has no boot ROM to call.
    pub features: Vec<String>,
}

/// Every `manifests/*.toml` board id, sorted.
pub fn board_ids(dir: &Path) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read manifest folder {}: {e}", dir.display()))?;
    let mut ids: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .filter_map(|path| path.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    ids.sort();
    Ok(ids)
}

/// Loads `<dir>/<id>.toml`, resolving `extends`, and reads it into a [`Board`].
/// Errors are one per line, each `file:line: problem; fix`.
pub fn load(dir: &Path, id: &str) -> Result<Board, String> {
    let mut chain = Vec::new();
    let table = resolve_extends(dir, id, &mut chain, None)?;
    let mut errors = Vec::new();
    let board = read_board(id, &table, &chain, &mut errors);
    match board {
        Some(board) if errors.is_empty() => Ok(board),
        _ => Err(errors.join("\n")),
    }
}

fn manifest_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.toml"))
}

/// Parses `id`'s manifest and those it extends, merged. `chain` collects the files, child first.
fn resolve_extends(
    dir: &Path,
    id: &str,
    chain: &mut Vec<PathBuf>,
    extended_from: Option<&Located<String>>,
) -> Result<Table, String> {
    let path = manifest_path(dir, id);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(_) => {
            let known = board_ids(dir).unwrap_or_default();
            let hint = did_you_mean(id, known.iter().map(String::as_str));
            return Err(match extended_from {
                Some(ext) => ext.error(format!(
                    "unknown extends target '{id}' (no {}){hint}; extend one of: {}",
                    path.display(),
                    known.join(", ")
                )),
                None => format!(
                    "no manifest for board '{id}' ({} not found){hint}; boards: {}",
                    path.display(),
                    known.join(", ")
                ),
            });
        }
    };
    chain.push(path.clone());
    let root = tomltree::parse(&path, &text)?;
    let Value::Table(mut table) = root.value else {
        return Err(format!(
            "{}:1: a manifest must be a TOML table",
            path.display()
        ));
    };
    let Some(extends) = table.remove("extends") else {
        return Ok(table);
    };
    let Value::Str(parent) = &extends.value else {
        return Err(format!(
            "{}: 'extends' must be a board name string, not {}; write extends = \"<board>\"",
            extends.origin,
            extends.value.type_name()
        ));
    };
    let parent = Located {
        value: parent.clone(),
        origin: extends.origin.clone(),
    };
    let parent_path = manifest_path(dir, &parent.value);
    if chain.contains(&parent_path) {
        let mut names: Vec<String> = chain
            .iter()
            .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect();
        names.push(parent.value.clone());
        return Err(parent.error(format!(
            "extends cycle: {}; remove the 'extends' from one of these manifests",
            names.join(" -> ")
        )));
    }
    let parent_table = resolve_extends(dir, &parent.value, chain, Some(&parent))?;
    Ok(tomltree::merge(&parent_table, &table))
}

const TOP_LEVEL: &[&str] = &[
    "extends",
    "board",
    "build",
    "memory",
    "pins",
    "console",
    "modules",
    "filesystem",
    "outputs",
    "esp",
    "emulator",
];

fn read_board(
    file_id: &str,
    root: &Table,
    chain: &[PathBuf],
    errors: &mut Vec<String>,
) -> Option<Board> {
    let root_origin = Origin {
        file: std::sync::Arc::new(chain[0].clone()),
        line: 1,
    };
    let mut top = Section::new("", root, root_origin.clone(), TOP_LEVEL);
    let identity = top.section("board", errors).map(|mut s| {
        let identity = Identity {
            id: s.string("id", errors),
            name: s.string("name", errors).value,
            vendor: s.optional_string("vendor", errors).unwrap_or_default(),
            url: s.optional_string("url", errors).unwrap_or_default(),
            mcu: s.string("mcu", errors).value,
            features: s
                .string_list("features", false, errors)
                .into_iter()
                .map(|f| f.value)
                .collect(),
        };
        s.finish(errors);
        identity
    });
    let build = top.section("build", errors).and_then(|mut s| {
        let crate_dir = s.string("crate", errors);
        let target = s.string("target", errors);
        let chip = s.string("chip", errors);
        let features = s.string_list("features", false, errors);
        s.finish(errors);
        let chip_def = chips::find(&chip.value);
        if chip_def.is_none() && !chip.value.is_empty() {
            errors.push(chip.error(format!(
                "unknown chip '{}' in [build]{}; use one of: {}",
                chip.value,
                did_you_mean(&chip.value, chips::names()),
                chips::names().join(", ")
            )));
        }
        Some(BuildConfig {
            crate_dir: Located {
                value: PathBuf::from(&crate_dir.value),
                origin: crate_dir.origin,
            },
            target,
            chip: chip_def?,
            chip_origin: chip.origin,
            features,
        })
    });
    let memory = top.section("memory", errors).map(|mut s| {
        let memory = Memory {
            flash_base: s.size("flash_base", errors),
            flash_size: s.size("flash_size", errors),
            firmware_base: s.size("firmware_base", errors),
            firmware_size: s.size("firmware_size", errors),
            fs_base: s.size("fs_base", errors),
            fs_size: s.size("fs_size", errors),
            ram_base: s.size("ram_base", errors),
            ram_size: s.size("ram_size", errors),
            heap_size: s.size("heap_size", errors),
            stack_size: s.size("stack_size", errors),
        };
        s.finish(errors);
        memory
    });
    let pins = top
        .optional_section("pins", errors)
        .map(|s| s.free_form_strings(errors))
        .unwrap_or_default();
    let console = top.section("console", errors).map(|mut s| {
        let uart = s.int("uart", errors);
        let console = Console {
            uart: Located {
                value: u8::try_from(uart.value).unwrap_or(u8::MAX),
                origin: uart.origin,
            },
            tx: s.string("tx", errors),
            rx: s.string("rx", errors),
        };
        s.finish(errors);
        console
    });
    let (modules, frozen) = top
        .section("modules", errors)
        .map(|mut s| {
            let include = s.string_list("include", true, errors);
            let frozen = s
                .string_list("frozen", false, errors)
                .into_iter()
                .map(relative_to_manifest)
                .collect();
            s.finish(errors);
            (include, frozen)
        })
        .unwrap_or_default();
    let filesystem = top.section("filesystem", errors).map(|mut s| {
        let label = s
            .optional_string("label", errors)
            .unwrap_or_else(|| "MICROPYTHON".to_string());
        let files = s
            .optional_section("files", errors)
            .map(|f| f.free_form_strings(errors))
            .unwrap_or_default()
            .into_iter()
            .map(|(dest, source)| (dest, relative_to_manifest(source)))
            .collect();
        let origin = s.origin.clone();
        s.finish(errors);
        Filesystem {
            label,
            files,
            origin,
        }
    });
    let outputs = top.section("outputs", errors).map(|mut s| {
        let uf2 = s.optional_bool("uf2", errors).unwrap_or(false);
        let family = s.optional_int("uf2_family", errors);
        let outputs = Outputs {
            uf2_family: family.clone().map(|f| Located {
                value: u32::try_from(f.value).unwrap_or(0),
                origin: f.origin,
            }),
            hex: s.optional_bool("hex", errors).unwrap_or(false),
            bin: s.optional_bool("bin", errors).unwrap_or(false),
            esp_bin: s.optional_bool("esp_bin", errors).unwrap_or(false),
            origin: s.origin.clone(),
        };
        if uf2 && family.is_none() {
            errors.push(format!(
                "{}: [outputs] has uf2 = true but no uf2_family; add uf2_family = 0x... (the chip's UF2 family id)",
                s.origin
            ));
        }
        if !uf2 {
            if let Some(family) = &family {
                errors.push(family.error(
                    "uf2_family is set but uf2 is not true; add uf2 = true or remove uf2_family",
                ));
            }
        }
        s.finish(errors);
        Outputs {
            uf2_family: if uf2 { outputs.uf2_family } else { None },
            ..outputs
        }
    });
    let esp = top.optional_section("esp", errors).map(|mut s| {
        let esp = EspConfig {
            flash_size: s.string("flash_size", errors),
            flash_mode: s.string("flash_mode", errors),
            flash_freq: s.string("flash_freq", errors),
        };
        s.finish(errors);
        esp
    });
    let emulator = top.optional_section("emulator", errors).and_then(|mut s| {
        let kind = s.string("kind", errors);
        let machine = s.optional_string("machine", errors);
        let args = s
            .string_list("args", false, errors)
            .into_iter()
            .map(|a| a.value)
            .collect();
        let features = s
            .string_list("features", false, errors)
            .into_iter()
            .map(|f| f.value)
            .collect();
        s.finish(errors);
        let kind = match kind.value.as_str() {
            "qemu" => EmulatorKind::Qemu,
            "rp2040js" => EmulatorKind::Rp2040js,
            other => {
                errors.push(kind.error(format!(
                    "unknown emulator kind '{other}' in [emulator]; use \"qemu\" or \"rp2040js\""
                )));
                return None;
            }
        };
        Some(Emulator {
            kind,
            machine,
            args,
            features,
        })
    });
    top.finish(errors);

    let identity = identity?;
    if identity.id.value != file_id {
        errors.push(identity.id.error(format!(
            "board id '{}' does not match the file name '{file_id}.toml'; set id = \"{file_id}\"",
            identity.id.value
        )));
    }
    Some(Board {
        id: file_id.to_string(),
        manifest_chain: chain.to_vec(),
        identity,
        build: build?,
        memory: memory?,
        pins,
        console: console?,
        modules,
        frozen,
        filesystem: filesystem?,
        outputs: outputs?,
        esp,
        emulator,
    })
}

/// A path written in a manifest is relative to the manifest file that wrote it.
fn relative_to_manifest(path: Located<String>) -> Located<PathBuf> {
    let dir = path
        .origin
        .file
        .parent()
        .unwrap_or(Path::new(""))
        .to_path_buf();
    Located {
        value: dir.join(&path.value),
        origin: path.origin,
    }
}

/// One table of the manifest being read: hands out typed keys and reports the keys never asked
/// for as unknown (with a suggestion) when finished.
struct Section<'a> {
    name: String,
    table: &'a Table,
    origin: Origin,
    allowed: &'static [&'static str],
    used: BTreeSet<String>,
}

impl<'a> Section<'a> {
    fn new(name: &str, table: &'a Table, origin: Origin, allowed: &'static [&'static str]) -> Self {
        Section {
            name: name.to_string(),
            table,
            origin,
            allowed,
            used: BTreeSet::new(),
        }
    }

    fn where_(&self) -> String {
        if self.name.is_empty() {
            "at the top level".to_string()
        } else {
            format!("in [{}]", self.name)
        }
    }

    fn child_name(&self, key: &str) -> String {
        if self.name.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.name)
        }
    }

    fn get(&mut self, key: &str) -> Option<&'a Node> {
        self.used.insert(key.to_string());
        self.table.get(key)
    }

    fn missing(&self, key: &str, example: &str) -> String {
        format!(
            "{}: missing key '{key}' {}; add {key} = {example}",
            self.origin,
            self.where_()
        )
    }

    fn wrong_type(&self, key: &str, node: &Node, wanted: &str) -> String {
        format!(
            "{}: '{key}' {} must be {wanted}, not {}; change its value",
            node.origin,
            self.where_(),
            node.value.type_name()
        )
    }

    fn section(&mut self, key: &str, errors: &mut Vec<String>) -> Option<Section<'a>> {
        let section = self.optional_section(key, errors);
        if section.is_none() && self.table.get(key).is_none() {
            errors.push(format!(
                "{}: missing section [{}]; add it (the header comment of any manifest lists its keys)",
                self.origin,
                self.child_name(key)
            ));
        }
        section
    }

    fn optional_section(&mut self, key: &str, errors: &mut Vec<String>) -> Option<Section<'a>> {
        let node = self.get(key)?;
        match &node.value {
            Value::Table(table) => Some(Section::new(
                &self.child_name(key),
                table,
                node.origin.clone(),
                allowed_keys(&self.child_name(key)),
            )),
            _ => {
                errors.push(self.wrong_type(key, node, "a table"));
                None
            }
        }
    }

    fn optional_string(&mut self, key: &str, errors: &mut Vec<String>) -> Option<String> {
        let node = self.get(key)?;
        match &node.value {
            Value::Str(s) => Some(s.clone()),
            _ => {
                errors.push(self.wrong_type(key, node, "a string"));
                None
            }
        }
    }

    fn string(&mut self, key: &str, errors: &mut Vec<String>) -> Located<String> {
        match self.get(key) {
            Some(Node {
                value: Value::Str(s),
                origin,
            }) => Located {
                value: s.clone(),
                origin: origin.clone(),
            },
            Some(node) => {
                errors.push(self.wrong_type(key, node, "a string"));
                self.placeholder(String::new())
            }
            None => {
                errors.push(self.missing(key, "\"...\""));
                self.placeholder(String::new())
            }
        }
    }

    fn optional_bool(&mut self, key: &str, errors: &mut Vec<String>) -> Option<bool> {
        let node = self.get(key)?;
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                errors.push(self.wrong_type(key, node, "true or false"));
                None
            }
        }
    }

    fn optional_int(&mut self, key: &str, errors: &mut Vec<String>) -> Option<Located<i128>> {
        let node = self.get(key)?;
        match node.value {
            Value::Int(i) => Some(Located {
                value: i,
                origin: node.origin.clone(),
            }),
            _ => {
                errors.push(self.wrong_type(key, node, "an integer"));
                None
            }
        }
    }

    fn int(&mut self, key: &str, errors: &mut Vec<String>) -> Located<i128> {
        let present = self.table.contains_key(key);
        self.optional_int(key, errors).unwrap_or_else(|| {
            if !present {
                errors.push(self.missing(key, "0"));
            }
            self.placeholder(0)
        })
    }

    /// A 32-bit address or size: an integer (`0x10000`) or a string with a K/M suffix (`"64K"`).
    fn size(&mut self, key: &str, errors: &mut Vec<String>) -> Located<u32> {
        let Some(node) = self.get(key) else {
            errors.push(self.missing(key, "0x..."));
            return self.placeholder(0);
        };
        let parsed = match &node.value {
            Value::Int(i) => u32::try_from(*i).ok(),
            Value::Str(s) => parse_size(s),
            _ => None,
        };
        match parsed {
            Some(value) => Located {
                value,
                origin: node.origin.clone(),
            },
            None => {
                errors.push(format!(
                    "{}: '{key}' {} must be a 32-bit address or size (e.g. 0x10000 or \"64K\"); fix the value",
                    node.origin,
                    self.where_()
                ));
                self.placeholder(0)
            }
        }
    }

    fn string_list(
        &mut self,
        key: &str,
        required: bool,
        errors: &mut Vec<String>,
    ) -> Vec<Located<String>> {
        let Some(node) = self.get(key) else {
            if required {
                errors.push(self.missing(key, "[\"...\"]"));
            }
            return Vec::new();
        };
        let Value::Array(items) = &node.value else {
            errors.push(self.wrong_type(key, node, "an array of strings"));
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| match &item.value {
                Value::Str(s) => Some(Located {
                    value: s.clone(),
                    origin: item.origin.clone(),
                }),
                other => {
                    errors.push(format!(
                        "{}: items of '{key}' {} must be strings, not {}; quote them",
                        item.origin,
                        self.where_(),
                        other.type_name()
                    ));
                    None
                }
            })
            .collect()
    }

    /// A table whose keys are names chosen by the manifest (pins, filesystem files).
    fn free_form_strings(mut self, errors: &mut Vec<String>) -> Vec<(String, Located<String>)> {
        self.allowed = &[];
        let mut out = Vec::new();
        for (key, node) in self.table {
            self.used.insert(key.clone());
            match &node.value {
                Value::Str(s) => out.push((
                    key.clone(),
                    Located {
                        value: s.clone(),
                        origin: node.origin.clone(),
                    },
                )),
                _ => errors.push(self.wrong_type(key, node, "a string")),
            }
        }
        out
    }

    fn placeholder<T>(&self, value: T) -> Located<T> {
        Located {
            value,
            origin: self.origin.clone(),
        }
    }

    /// Reports every key of this table that was never read.
    fn finish(self, errors: &mut Vec<String>) {
        for (key, node) in self.table {
            if !self.used.contains(key) {
                let fix = match crate::suggest::closest(key, self.allowed.iter().copied()) {
                    Some(near) => format!("did you mean '{near}'?"),
                    None => format!("known keys: {}", self.allowed.join(", ")),
                };
                errors.push(format!(
                    "{}: unknown key '{key}' {}; {fix}",
                    node.origin,
                    self.where_()
                ));
            }
        }
    }
}

fn allowed_keys(section: &str) -> &'static [&'static str] {
    match section {
        "board" => &["id", "name", "vendor", "url", "mcu", "features"],
        "build" => &["crate", "target", "chip", "features"],
        "memory" => &[
            "flash_base",
            "flash_size",
            "firmware_base",
            "firmware_size",
            "fs_base",
            "fs_size",
            "ram_base",
            "ram_size",
            "heap_size",
            "stack_size",
        ],
        "console" => &["uart", "tx", "rx"],
        "modules" => &["include", "frozen"],
        "filesystem" => &["label", "files"],
        "outputs" => &["uf2", "uf2_family", "hex", "bin", "esp_bin"],
        "esp" => &["flash_size", "flash_mode", "flash_freq"],
        "emulator" => &["kind", "machine", "args", "features"],
        _ => &[],
    }
}

/// `"256K"`, `"1M"`, `"0x4000"`, `"4096"`.
fn parse_size(text: &str) -> Option<u32> {
    let text = text.trim();
    let (digits, scale) = if let Some(d) = text.strip_suffix(['K', 'k']) {
        (d, 1024)
    } else if let Some(d) = text.strip_suffix(['M', 'm']) {
        (d, 1024 * 1024)
    } else {
        (text, 1)
    };
    let value = match digits.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok()?,
        None => digits.parse::<u64>().ok()?,
    };
    u32::try_from(value.checked_mul(scale)?).ok()
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("256K"), Some(256 * 1024));
        assert_eq!(parse_size("1M"), Some(1 << 20));
        assert_eq!(parse_size("0x100"), Some(256));
        assert_eq!(parse_size("4G"), None);
        assert_eq!(parse_size("lots"), None);
    }
}
