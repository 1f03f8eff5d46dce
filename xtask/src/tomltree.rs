//! A TOML document as a tree whose every key and value remembers the file and line it came from.
//!
//! Manifests are merged across `extends` chains before they are read, so an error found after the
//! merge (an overlapping region, an unknown pin) must still name the file and line that set the
//! offending value. serde's derive would lose that, so manifests are read through this tree.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where a key or value was written: `file:line`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: Arc<PathBuf>,
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file.display(), self.line)
    }
}

#[derive(Clone, Debug)]
pub enum Value {
    Str(String),
    Int(i128),
    Bool(bool),
    /// Floats and datetimes are never valid in a manifest; kept only to name their type in errors.
    Other(&'static str),
    Array(Vec<Node>),
    Table(Table),
}

impl Value {
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::Int(_) => "an integer",
            Value::Bool(_) => "a boolean",
            Value::Other(name) => name,
            Value::Array(_) => "an array",
            Value::Table(_) => "a table",
        }
    }
}

/// A value with the place of its key (for tables' entries) or of itself (for array items).
#[derive(Clone, Debug)]
pub struct Node {
    pub value: Value,
    pub origin: Origin,
}

/// Table entries keyed by name; each entry's origin is the line of its key.
pub type Table = BTreeMap<String, Node>;

/// Parses `text` (the contents of `file`) into a tree of nodes.
pub fn parse(file: &Path, text: &str) -> Result<Node, String> {
    let file = Arc::new(file.to_path_buf());
    let lines = LineIndex::new(text);
    let doc = toml::de::DeTable::parse(text).map_err(|err| {
        let line = err.span().map(|s| lines.line_of(s.start)).unwrap_or(1);
        format!(
            "{}:{}: TOML syntax error: {}; fix the syntax at that line",
            file.display(),
            line,
            err.message().trim()
        )
    })?;
    let table = convert_table(doc.get_ref(), &file, &lines);
    Ok(Node {
        value: Value::Table(table),
        origin: Origin { file, line: 1 },
    })
}

fn convert_table(table: &toml::de::DeTable<'_>, file: &Arc<PathBuf>, lines: &LineIndex) -> Table {
    table
        .iter()
        .map(|(key, value)| {
            let origin = Origin {
                file: file.clone(),
                line: lines.line_of(key.span().start),
            };
            let node = Node {
                value: convert_value(value.get_ref(), file, lines),
                origin,
            };
            (key.get_ref().to_string(), node)
        })
        .collect()
}

fn convert_value(value: &toml::de::DeValue<'_>, file: &Arc<PathBuf>, lines: &LineIndex) -> Value {
    use toml::de::DeValue;
    match value {
        DeValue::String(s) => Value::Str(s.to_string()),
        DeValue::Integer(i) => i128::from_str_radix(i.as_str(), i.radix())
            .map(Value::Int)
            .unwrap_or(Value::Other("an out-of-range integer")),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Float(_) => Value::Other("a float"),
        DeValue::Datetime(_) => Value::Other("a datetime"),
        DeValue::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| Node {
                    value: convert_value(item.get_ref(), file, lines),
                    origin: Origin {
                        file: file.clone(),
                        line: lines.line_of(item.span().start),
                    },
                })
                .collect(),
        ),
        DeValue::Table(t) => Value::Table(convert_table(t, file, lines)),
    }
}

/// Merges `child` over `parent`: tables merge key by key (recursively), anything else in the
/// child replaces the parent's value. This is what `extends` means.
pub fn merge(parent: &Table, child: &Table) -> Table {
    let mut merged = parent.clone();
    for (key, child_node) in child {
        let combined = match (merged.get(key), &child_node.value) {
            (
                Some(Node {
                    value: Value::Table(parent_table),
                    ..
                }),
                Value::Table(child_table),
            ) => Node {
                value: Value::Table(merge(parent_table, child_table)),
                origin: child_node.origin.clone(),
            },
            _ => child_node.clone(),
        };
        merged.insert(key.clone(), combined);
    }
    merged
}

/// Byte offset -> 1-based line number.
struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_remember_their_lines() {
        let text = "# comment\n[memory]\nflash_size = 0x1000\n\nheap_size = 4_096\n";
        let root = parse(Path::new("m.toml"), text).expect("valid toml");
        let Value::Table(root) = root.value else {
            panic!("root is a table")
        };
        let Value::Table(memory) = &root["memory"].value else {
            panic!("memory is a table")
        };
        assert_eq!(root["memory"].origin.line, 2);
        assert_eq!(memory["flash_size"].origin.line, 3);
        assert!(matches!(memory["flash_size"].value, Value::Int(0x1000)));
        assert_eq!(memory["heap_size"].origin.line, 5);
        assert!(matches!(memory["heap_size"].value, Value::Int(4096)));
    }

    #[test]
    fn syntax_errors_name_file_and_line() {
        let err = parse(Path::new("bad.toml"), "a = 1\nb = = 2\n").expect_err("invalid");
        assert!(err.starts_with("bad.toml:2: TOML syntax error"), "{err}");
    }

    #[test]
    fn merge_overrides_only_given_keys() {
        let parent = parse(Path::new("p.toml"), "[m]\na = 1\nb = 2\n[n]\nc = [1]\n").unwrap();
        let child = parse(Path::new("c.toml"), "[m]\nb = 3\n").unwrap();
        let (Value::Table(p), Value::Table(c)) = (parent.value, child.value) else {
            panic!("tables")
        };
        let merged = merge(&p, &c);
        let Value::Table(m) = &merged["m"].value else {
            panic!("table")
        };
        assert!(matches!(m["a"].value, Value::Int(1)));
        assert!(matches!(m["b"].value, Value::Int(3)));
        assert_eq!(m["b"].origin.file.as_path(), Path::new("c.toml"));
        assert!(merged.contains_key("n"));
    }
}
