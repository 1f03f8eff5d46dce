//! `help()`: MicroPython's built-in help. No argument: the REPL's control keys; `help('modules')`:
//! the modules this build has; `help(obj)`: the object's type and, for modules, classes and
//! instances, its members. Cargo feature `repl-extras` (MicroPython's MICROPY_PY_BUILTINS_HELP);
//! without it `help` is a NameError.

use crate::obj::{type_of, Args, NativeFn};
use crate::ops::repr_into;
use crate::qstr::q;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use alloc::string::String;

const WELCOME: &str = "Welcome to MicroPython (micropython-rs)!

Control commands:
  CTRL-A        -- on a blank line, enter raw REPL mode
  CTRL-B        -- on a blank line, enter normal REPL mode
  CTRL-C        -- interrupt a running program
  CTRL-D        -- on a blank line, do a soft reset of the board (exit on the host)
  CTRL-E        -- on a blank line, enter paste mode

For further help on a specific object, type help(obj)
For a list of available modules, type help('modules')
";

/// The `help` builtin (cargo feature `repl-extras`; `builtins.rs` adds it to the namespace).
pub static HELP: NativeFn = NativeFn::new(q::help, bi_help);

fn bi_help(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some(&obj) = args.pos.first() else {
        vm.write_out(WELCOME.as_bytes());
        return Ok(Value::NONE);
    };
    if crate::obj::string::str_of(vm, obj) == Some("modules") {
        let mut text = String::new();
        for def in vm.modules_table {
            text.push_str(vm.qstr_str(def.name));
            text.push('\n');
        }
        text.push_str("Plus any modules on the filesystem\n");
        vm.write_out(text.as_bytes());
        return Ok(Value::NONE);
    }
    let mut text = String::from("object ");
    repr_into(vm, obj, &mut text)?;
    text.push_str(" is of type ");
    text.push_str(vm.type_name(obj));
    text.push('\n');
    vm.write_out(text.as_bytes());
    // Members as MicroPython lists them: a module's or class's own, an instance's type's.
    let is_module = core::ptr::eq(type_of(obj), &crate::obj::types::MODULE_TYPE);
    let obj = if is_module || crate::obj::is_type(obj) {
        obj
    } else {
        type_of(obj).as_value()
    };
    let dir = crate::obj::map::map_get_qstr(vm, vm.builtins, crate::qstr::q::dir)
        .ok_or_else(|| vm.type_error("dir() is unavailable"))?;
    let names = crate::call::call(vm, dir, &[obj], &[])?;
    for &name in crate::obj::list::list_items(names) {
        let Some(q) = name.as_qstr() else { continue };
        if vm.qstr_str(q).starts_with("__") {
            continue;
        }
        let Ok(Some(value)) = crate::attr::getattr_opt(vm, obj, q) else {
            continue;
        };
        let mut line = String::from("  ");
        line.push_str(vm.qstr_str(q));
        line.push_str(" -- ");
        repr_into(vm, value, &mut line)?;
        line.push('\n');
        vm.write_out(line.as_bytes());
    }
    Ok(Value::NONE)
}
