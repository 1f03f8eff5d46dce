//! Modules: builtin module definitions (`ModuleDef`, static tables in flash, selected per board),
//! and `import` of builtin modules, then along `sys.path` of frozen modules (the `.frozen`
//! entry: the board's table of compiled code in flash, `frozen.rs`) and `.py` files.

use crate::obj::list::{list_get, tuple_items};
use crate::obj::map::{self, map_get, map_get_qstr, map_set_qstr};
use crate::obj::misc::{module_ref, new_module};
use crate::obj::types::*;
use crate::obj::{kind_of, Kind, NativeFn, TypeObj};
use crate::qstr::{q, Qstr};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::string::String;

/// A member of a builtin module.
pub enum Member {
    Fn(&'static NativeFn),
    Type(&'static TypeObj),
    Int(i64),
    Str(&'static str),
    /// A value built when the module is first imported (lists, floats, objects).
    Make(fn(&mut Vm) -> PyResult<Value>),
}

/// A builtin module, described in flash and instantiated on first import.
pub struct ModuleDef {
    pub name: Qstr,
    pub members: &'static [(Qstr, Member)],
}

fn make_builtin_module(vm: &mut Vm, def: &'static ModuleDef) -> PyResult<Value> {
    let m = new_module(vm, def.name)?;
    let d = module_ref(m).dict;
    for (name, member) in def.members {
        let v = match member {
            Member::Fn(f) => f.as_value(),
            Member::Type(t) => t.as_value(),
            Member::Int(i) => crate::obj::num::int_from_i64(vm, *i)?,
            Member::Str(s) => vm.new_str(s)?,
            Member::Make(f) => f(vm)?,
        };
        map_set_qstr(vm, d, *name, v)?;
    }
    Ok(m)
}

/// The builtin module definition named `name`, if this build has it.
fn find_builtin(vm: &Vm, name: &str) -> Option<&'static ModuleDef> {
    vm.modules_table
        .iter()
        .copied()
        .find(|d| vm.qstr_str(d.name) == name)
}

/// Import one module by its full dotted name (parents must already be imported).
fn import_one(vm: &mut Vm, full: &str, parent: Value) -> PyResult<Option<Value>> {
    let key = vm.new_str(full)?;
    if let Some(m) = map_get(vm, vm.modules, key)? {
        return Ok(Some(m));
    }
    if parent.is_null() {
        if let Some(def) = find_builtin(vm, full) {
            let m = make_builtin_module(vm, def)?;
            let key = Value::from_qstr(vm.intern(full)?);
            map::map_set(vm, vm.modules, key, m)?;
            return Ok(Some(m));
        }
    }
    // Search directories: the parent package's __path__ or sys.path.
    let leaf = &full[last_dot(full).map_or(0, |i| i + 1)..];
    let dirs = if parent.is_null() {
        vm.sys_path
    } else {
        match map_get_qstr(vm, module_ref(parent).dict, q::__path__) {
            Some(p) => crate::obj::list::new_list(vm, &[p])?,
            None => return Ok(None),
        }
    };
    let mut i = 0;
    while let Some(dir) = list_get(dirs, i) {
        i += 1;
        let dir = crate::obj::string::str_of(vm, dir).unwrap_or("");
        if dir == FROZEN_DIR {
            if let Some(m) = import_frozen(vm, full)? {
                return Ok(Some(m));
            }
            continue;
        }
        // `dir/leaf`, then `.py` (a module) or `/__init__.py` (a package) after it.
        let slashes = dir.bytes().rev().take_while(|&c| c == b'/').count();
        let mut file = String::from(&dir[..dir.len() - slashes]);
        if !dir.is_empty() {
            file.push('/');
        }
        file.push_str(leaf);
        let base_len = file.len();
        for (suffix, package) in [(".py", false), ("/__init__.py", true)] {
            file.truncate(base_len);
            file.push_str(suffix);
            if let Some(src) = read_source(vm, &file) {
                let path = if package {
                    vm.new_str(&file[..base_len])?
                } else {
                    Value::NULL
                };
                return exec_module_source(vm, full, &file, &src, path).map(Some);
            }
        }
    }
    Ok(None)
}

/// Where the last `.` of a dotted module name is (a byte scan: the generic `str` pattern
/// searchers cost more flash).
fn last_dot(name: &str) -> Option<usize> {
    name.bytes().rposition(|c| c == b'.')
}

/// The source of a `.py` file for `import` (and the board's `boot.py`/`main.py`): through the
/// VFS when something is mounted, otherwise from the port (boards without a filesystem,
/// embedders with their own files).
pub fn read_source(vm: &mut Vm, path: &str) -> Option<alloc::vec::Vec<u8>> {
    #[cfg(feature = "vfs")]
    if !vm.vfs.is_empty() {
        return vm.vfs.read_all(path).ok();
    }
    vm.port().read_file(path)
}

/// The `sys.path` entry that stands for the board's frozen modules (as in MicroPython, its
/// place in `sys.path` decides whether files on the filesystem override them).
pub const FROZEN_DIR: &str = ".frozen";

/// Append [`FROZEN_DIR`] to `sys.path` if the Vm has frozen modules (boards; MicroPython's
/// `sys.path` is `['', '.frozen', '/lib']`).
pub fn add_frozen_path(vm: &mut Vm) -> PyResult<()> {
    if vm.frozen.is_empty() {
        return Ok(());
    }
    let dir = vm.new_str(FROZEN_DIR)?;
    let path = vm.sys_path;
    crate::obj::list::list_append(vm, path, dir)
}

/// Import frozen module `full` if the board has one of that name: its code runs in place from
/// flash (`loader::load_frozen`).
fn import_frozen(vm: &mut Vm, full: &str) -> PyResult<Option<Value>> {
    let Some(fm) = vm.frozen.iter().find(|m| m.name == full) else {
        return Ok(None);
    };
    let (code, load) = (fm.code, fm.load);
    let mut file = String::from(full);
    file.push_str(".py");
    exec_module(vm, full, &file, Value::NULL, &mut |vm, globals| {
        let code = load(vm, code)?;
        crate::interp::exec_code(vm, code, globals, Value::NULL)
    })
    .map(Some)
}

/// Create module `name`, register it in sys.modules, and run `src` in it.
pub fn exec_module_source(
    vm: &mut Vm,
    name: &str,
    file: &str,
    src: &[u8],
    path: Value,
) -> PyResult<Value> {
    exec_module(vm, name, file, path, &mut |vm, globals| {
        let Ok(src) = core::str::from_utf8(src) else {
            return Err(vm.new_error(&SYNTAX_ERROR_TYPE, "invalid UTF-8 in source file"));
        };
        crate::embed::exec_source(
            vm,
            src,
            file,
            crate::compile::CompileMode::File,
            globals,
            Value::NULL,
        )
    })
}

/// Create module `name` (with `__file__`, and `__path__` unless NULL), register it in
/// sys.modules, and `run` its body in its globals; on error it is removed again. (`run` is a
/// `dyn`: one copy of this code serves source and frozen modules.)
fn exec_module(
    vm: &mut Vm,
    name: &str,
    file: &str,
    path: Value,
    run: &mut dyn FnMut(&mut Vm, Value) -> PyResult<Value>,
) -> PyResult<Value> {
    let qn = vm.intern(name)?;
    let m = new_module(vm, qn)?;
    let d = module_ref(m).dict;
    let f = vm.new_str(file)?;
    map_set_qstr(vm, d, q::__file__, f)?;
    if !path.is_null() {
        map_set_qstr(vm, d, q::__path__, path)?;
    }
    let key = Value::from_qstr(qn);
    map::map_set(vm, vm.modules, key, m)?;
    if let Err(e) = run(vm, d) {
        map::map_delete(vm, vm.modules, key)?;
        return Err(e);
    }
    Ok(m)
}

/// `import name` / `from name import fromlist` / relative imports with `level`.
pub fn import(
    vm: &mut Vm,
    name: Qstr,
    fromlist: Value,
    level: Value,
    globals: Value,
) -> PyResult<Value> {
    let level = level.as_small_int().unwrap_or(0);
    let mut full = String::from(vm.qstr_str(name));
    if level > 0 {
        let pkg_name = map_get_qstr(vm, globals, q::__name__)
            .and_then(|v| crate::obj::string::str_of(vm, v))
            .unwrap_or("");
        let is_pkg = map_get_qstr(vm, globals, q::__path__).is_some();
        let mut base = String::from(pkg_name);
        let strip = if is_pkg { level - 1 } else { level };
        for _ in 0..strip {
            match last_dot(&base) {
                Some(i) => base.truncate(i),
                None => {
                    if base.is_empty() {
                        return Err(vm.new_error(
                            &IMPORT_ERROR_TYPE,
                            "attempted relative import with no known parent package",
                        ));
                    }
                    base.clear();
                }
            }
        }
        if base.is_empty() {
            return Err(vm.new_error(
                &IMPORT_ERROR_TYPE,
                "attempted relative import with no known parent package",
            ));
        }
        if !full.is_empty() {
            base.push('.');
            base.push_str(&full);
        }
        full = base;
    }
    let mut parent = Value::NULL;
    let mut top = Value::NULL;
    let mut pos = 0;
    loop {
        let end = full.as_bytes()[pos..]
            .iter()
            .position(|&c| c == b'.')
            .map_or(full.len(), |i| pos + i);
        let part = &full[..end];
        let m = match import_one(vm, part, parent)? {
            Some(m) => m,
            None => {
                let parts = ["no module named '", part, "'"];
                return Err(vm.error_from_parts(&IMPORT_ERROR_TYPE, &parts));
            }
        };
        if !parent.is_null() {
            let leaf = vm.intern(&full[pos..end])?;
            map_set_qstr(vm, module_ref(parent).dict, leaf, m)?;
        }
        if top.is_null() {
            top = m;
        }
        parent = m;
        if end == full.len() {
            break;
        }
        pos = end + 1;
    }
    let empty_tuple = crate::obj::list::is_tuple(fromlist) && tuple_items(fromlist).is_empty();
    let has_fromlist = !(fromlist.is_none() || empty_tuple);
    Ok(if has_fromlist || level > 0 {
        parent
    } else {
        top
    })
}

/// `from package import submodule` where the submodule is not yet an attribute.
pub fn import_submodule(vm: &mut Vm, pkg: Value, name: Qstr) -> PyResult<Value> {
    if kind_of(pkg) != Kind::Module {
        return Err(vm.new_error(&IMPORT_ERROR_TYPE, "not a package"));
    }
    let mut full = String::from(vm.qstr_str(module_ref(pkg).name));
    full.push('.');
    full.push_str(vm.qstr_str(name));
    match import_one(vm, &full, pkg)? {
        Some(m) => {
            map_set_qstr(vm, module_ref(pkg).dict, name, m)?;
            Ok(m)
        }
        None => Err(vm.new_error(&IMPORT_ERROR_TYPE, "cannot import name")),
    }
}

/// `from m import *`: public names (or `__all__`).
pub fn import_star(vm: &mut Vm, m: Value, ns: Value) -> PyResult<()> {
    let d = module_ref(m).dict;
    if let Some(all) = map_get_qstr(vm, d, q::__all__) {
        let names = crate::ops::collect_iterable(vm, all)?;
        let mut i = 0;
        while let Some(n) = list_get(names, i) {
            let v = crate::ops::getitem(vm, d, n)?;
            map::map_set(vm, ns, n, v)?;
            i += 1;
        }
        return Ok(());
    }
    let mut pos = 0;
    while let Some(e) = map::next_entry(d, &mut pos) {
        let public = crate::obj::string::str_of(vm, e.key)
            .map(|s| s.as_bytes().first() != Some(&b'_'))
            .unwrap_or(false);
        if public {
            map::map_set_hashed(vm, ns, e.key, e.value, e.hash)?;
        }
    }
    Ok(())
}
