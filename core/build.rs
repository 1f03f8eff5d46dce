//! Generates the static qstr table (names known at build time, kept in flash) from
//! `src/qstrs.txt`: one name per line, or `ident = text` for names that are not identifiers,
//! plus, for firmware with frozen modules, the names their code uses (the file named by
//! `MPY_EXTRA_QSTRS`, one text per line, written by xtask; no `q::` constants for those); and
//! stamps the build date for the banner (`MPY_BUILD_DATE`, UTC, `YYYY-MM-DD`), where
//! `SOURCE_DATE_EPOCH` overrides the clock so builds are reproducible.
use std::fmt::Write as _;
use std::time::{SystemTime, UNIX_EPOCH};

fn main() {
    stamp_build_date();
    generate_qstr_table();
}

fn stamp_build_date() {
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        });
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    println!("cargo:rustc-env=MPY_BUILD_DATE={y:04}-{m:02}-{d:02}");
}

fn generate_qstr_table() {
    let src = std::fs::read_to_string("src/qstrs.txt").expect("read core/src/qstrs.txt");
    println!("cargo:rerun-if-changed=src/qstrs.txt");
    let mut entries: Vec<(String, String)> = Vec::new();
    for line in src
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (ident, text) = match line.split_once('=') {
            Some((i, t)) => (i.trim().to_string(), t.trim().to_string()),
            None => (line.to_string(), line.to_string()),
        };
        entries.push((ident, text));
    }
    // Extra names have no constant (empty ident); sorting them after a named entry with the
    // same text keeps the named one when duplicates are dropped.
    entries.extend(extra_qstrs().into_iter().map(|t| (String::new(), t)));
    entries.sort_by(|a, b| (a.1.as_bytes(), a.0.is_empty()).cmp(&(b.1.as_bytes(), b.0.is_empty())));
    entries.dedup_by(|later, first| later.1 == first.1);
    let mut out = String::new();
    out.push_str("/// Static qstrs, sorted by bytes for binary search.\n");
    writeln!(
        out,
        "pub static STATIC_QSTRS: [&str; {}] = [",
        entries.len()
    )
    .unwrap();
    for (_, text) in &entries {
        writeln!(out, "    {:?},", text).unwrap();
    }
    out.push_str("];\n\n");
    out.push_str(
        "/// Their hashes (`qstr::hash_bytes`), so name lookups never rehash a static name.\n",
    );
    writeln!(
        out,
        "pub static STATIC_QSTR_HASHES: [u32; {}] = [",
        entries.len()
    )
    .unwrap();
    for (_, text) in &entries {
        writeln!(out, "    {},", fnv1a(text.as_bytes())).unwrap();
    }
    out.push_str("];\n\n/// Named constants for static qstrs.\n#[allow(non_upper_case_globals, dead_code)]\npub mod q {\n    use super::Qstr;\n");
    for (i, (ident, _)) in entries.iter().enumerate().filter(|(_, e)| !e.0.is_empty()) {
        let name = match ident.as_str() {
            "self" | "super" | "crate" | "Self" => format!("{}_", ident),
            s if is_keyword(s) => format!("r#{}", s),
            s => s.to_string(),
        };
        writeln!(out, "    pub const {}: Qstr = Qstr({});", name, i).unwrap();
    }
    out.push_str("}\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("qstr_table.rs");
    std::fs::write(dest, out).expect("write qstr table");
}

/// Names from `MPY_EXTRA_QSTRS` (frozen modules' names), one per line; none if unset.
fn extra_qstrs() -> Vec<String> {
    println!("cargo:rerun-if-env-changed=MPY_EXTRA_QSTRS");
    let Some(path) = std::env::var_os("MPY_EXTRA_QSTRS") else {
        return Vec::new();
    };
    println!(
        "cargo:rerun-if-changed={}",
        std::path::Path::new(&path).display()
    );
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("MPY_EXTRA_QSTRS: cannot read {path:?}: {e}"));
    text.lines().map(str::to_string).collect()
}

/// Must match `qstr::hash_bytes` (a unit test checks they agree).
fn fnv1a(b: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &c in b {
        h = (h ^ c as u32).wrapping_mul(0x0100_0193);
    }
    h & 0x3fff_ffff
}

fn is_keyword(s: &str) -> bool {
    matches!(
        s,
        "as" | "break"
            | "const"
            | "continue"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "fn"
            | "for"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "pub"
            | "ref"
            | "return"
            | "static"
            | "struct"
            | "trait"
            | "true"
            | "type"
            | "unsafe"
            | "use"
            | "where"
            | "while"
            | "async"
            | "await"
            | "dyn"
            | "abstract"
            | "become"
            | "box"
            | "do"
            | "final"
            | "macro"
            | "override"
            | "priv"
            | "typeof"
            | "unsized"
            | "virtual"
            | "yield"
            | "try"
            | "gen"
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day) (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}
