//! `os`: the filesystem functions of MicroPython's `os` over the interpreter's VFS
//! (`mpy_core::vfs`), plus `uname` and `sep`.
//!
//! `stat` returns MicroPython's 10-tuple `(mode, ino, dev, nlink, uid, gid, size, atime, mtime,
//! ctime)` with only mode, ino (0 on FAT), size and the times filled in; `ilistdir` yields
//! `(name, type, inode, size)`. `mount` takes a filesystem object: `VfsPosix(root)` where the
//! port offers host directories (`Port::posix_filesystem`); `VfsFat` arrives with the FAT driver.

use crate::{check_args, check_kw, check_pos, kwarg};
use alloc::boxed::Box;
use mpy_core::module::{Member, ModuleDef};
use mpy_core::obj::list::{list_append, new_list, new_tuple};
use mpy_core::obj::num::int_from_i64;
use mpy_core::obj::string::{new_str, str_of};
use mpy_core::obj::types::OBJECT_TYPE;
use mpy_core::obj::{obj, type_of, Args, Kind, NativeFn, ObjHeader, TypeObj};
use mpy_core::qstr::{q, Qstr};
use mpy_core::value::Value;
use mpy_core::vfs::{os_error, Errno, Filesystem, FsResult, Vfs};
use mpy_core::vm::{PyResult, Vm};

/// A str argument (a path), TypeError otherwise.
fn path_arg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<&'static str> {
    match str_of(vm, v) {
        Some(s) => Ok(s),
        None => {
            let msg = alloc::format!("{}: path must be str, not {}", fname, vm.type_name(v));
            Err(vm.type_error(&msg))
        }
    }
}

/// Run a VFS operation on the path argument `i` (default `.`); errors become OSError.
fn on_path<T>(
    vm: &mut Vm,
    args: &Args,
    i: usize,
    fname: &str,
    op: impl FnOnce(&mut Vfs, &str) -> FsResult<T>,
) -> PyResult<T> {
    let path = match args.pos.get(i) {
        Some(&v) => path_arg(vm, v, fname)?,
        None => ".",
    };
    op(&mut vm.vfs, path).map_err(|e| os_error(vm, e))
}

/// `fname(path)` returning None: one VFS change (mkdir, rmdir, remove, chdir, umount).
fn change_path(
    vm: &mut Vm,
    args: &Args,
    fname: &str,
    op: fn(&mut Vfs, &str) -> FsResult<()>,
) -> PyResult<Value> {
    check_args(vm, args, 1, 1, fname)?;
    on_path(vm, args, 0, fname, op)?;
    Ok(Value::NONE)
}

fn int(vm: &mut Vm, n: u64) -> PyResult<Value> {
    int_from_i64(vm, n.min(i64::MAX as u64) as i64)
}

fn os_getcwd(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "getcwd")?;
    let cwd = alloc::string::String::from(vm.vfs.cwd());
    new_str(vm, &cwd)
}

fn os_chdir(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    change_path(vm, args, "chdir", Vfs::chdir)
}

fn os_listdir(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 1, "listdir")?;
    let entries = on_path(vm, args, 0, "listdir", |v, p| v.listdir(p))?;
    let out = new_list(vm, &[])?;
    for e in &entries {
        let name = new_str(vm, &e.name)?;
        list_append(vm, out, name)?;
    }
    Ok(out)
}

/// `ilistdir([path])`: an iterator of `(name, type, inode, size)`.
fn os_ilistdir(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 1, "ilistdir")?;
    let entries = on_path(vm, args, 0, "ilistdir", |v, p| v.listdir(p))?;
    let out = new_list(vm, &[])?;
    for e in &entries {
        let name = new_str(vm, &e.name)?;
        let kind = Value::small_int(e.stat.kind.mode_bits() as isize);
        let ino = int(vm, e.stat.inode)?;
        let size = int(vm, e.stat.size)?;
        let t = new_tuple(vm, &[name, kind, ino, size])?;
        list_append(vm, out, t)?;
    }
    mpy_core::ops::iter(vm, out)
}

fn os_mkdir(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    change_path(vm, args, "mkdir", Vfs::mkdir)
}

fn os_rmdir(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    change_path(vm, args, "rmdir", Vfs::rmdir)
}

fn os_remove(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    change_path(vm, args, "remove", Vfs::remove)
}

fn os_rename(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 2, 2, "rename")?;
    let to = path_arg(vm, args.pos[1], "rename")?;
    on_path(vm, args, 0, "rename", |v, p| v.rename(p, to))?;
    Ok(Value::NONE)
}

fn os_stat(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "stat")?;
    let st = on_path(vm, args, 0, "stat", |v, p| v.stat(p))?;
    let mode = Value::small_int(st.kind.mode_bits() as isize);
    let ino = int(vm, st.inode)?;
    let size = int(vm, st.size)?;
    let t = int(vm, st.mtime)?;
    let zero = Value::small_int(0);
    new_tuple(vm, &[mode, ino, zero, zero, zero, zero, size, t, t, t])
}

fn os_statvfs(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 1, 1, "statvfs")?;
    let s = on_path(vm, args, 0, "statvfs", |v, p| v.statvfs(p))?;
    let fields = [
        s.bsize, s.frsize, s.blocks, s.bfree, s.bavail, s.files, s.ffree, s.ffree, 0, s.namemax,
    ];
    let mut vals = [Value::NONE; 10];
    for (slot, &n) in vals.iter_mut().zip(fields.iter()) {
        *slot = int(vm, n)?;
    }
    new_tuple(vm, &vals)
}

fn os_sync(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "sync")?;
    vm.vfs.sync().map_err(|e| os_error(vm, e))?;
    Ok(Value::NONE)
}

/// `VfsPosix([root])`: a host directory as a mountable filesystem.
#[repr(C)]
struct VfsPosixObj {
    header: ObjHeader,
    /// The host directory (a str; "" for the whole host filesystem).
    root: Value,
}

static VFS_POSIX_METHODS: &[(Qstr, &NativeFn)] =
    &[(q::__new__, &NativeFn::new(q::__new__, vfs_posix_new))];

pub static VFS_POSIX_TYPE: TypeObj =
    TypeObj::builtin(Kind::Native, q::VfsPosix, &OBJECT_TYPE, VFS_POSIX_METHODS);

/// The port's filesystem over host directory `root` (ENODEV on ports without one).
fn posix_filesystem(vm: &mut Vm, root: &str) -> PyResult<Box<dyn Filesystem>> {
    match vm.port().posix_filesystem(root) {
        Some(fs) => Ok(fs),
        None => Err(os_error(vm, Errno::ENODEV)),
    }
}

fn vfs_posix_new(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_pos(vm, args, 1, 2, "VfsPosix")?;
    check_kw(vm, args, &["root"], "VfsPosix")?;
    let root = match args.pos.get(1).copied().or_else(|| kwarg(vm, args, "root")) {
        Some(v) => v,
        None => Value::from_qstr(q::empty),
    };
    let root_s = path_arg(vm, root, "VfsPosix")?;
    // Fail now, not at mount time, where the port has no host filesystem.
    posix_filesystem(vm, root_s)?;
    vm.alloc_obj(
        VfsPosixObj {
            header: ObjHeader {
                ty: &VFS_POSIX_TYPE,
            },
            root,
        },
        0,
    )
}

/// `mount(fs, mount_point, *, readonly=False)`.
fn os_mount(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_pos(vm, args, 2, 2, "mount")?;
    check_kw(vm, args, &["readonly"], "mount")?;
    let readonly = match kwarg(vm, args, "readonly") {
        Some(v) => mpy_core::ops::truthy(vm, v)?,
        None => false,
    };
    let fsobj = args.pos[0];
    let path = path_arg(vm, args.pos[1], "mount")?;
    let fs: Box<dyn Filesystem> =
        if fsobj.is_obj() && core::ptr::eq(type_of(fsobj), &VFS_POSIX_TYPE) {
            // SAFETY: values of VFS_POSIX_TYPE are VfsPosixObj allocations (`vfs_posix_new`).
            let root = unsafe { obj::<VfsPosixObj>(fsobj) }.root;
            let root = str_of(vm, root).unwrap_or("");
            posix_filesystem(vm, root)?
        } else {
            let msg = alloc::format!(
                "mount() needs a filesystem object (VfsPosix), not '{}'",
                vm.type_name(fsobj)
            );
            return Err(vm.type_error(&msg));
        };
    let fs = if readonly {
        Box::new(mpy_core::vfs::ReadOnly(fs))
    } else {
        fs
    };
    vm.vfs.mount(path, fs).map_err(|e| os_error(vm, e))?;
    Ok(Value::NONE)
}

fn os_umount(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    change_path(vm, args, "umount", Vfs::umount)
}

/// `uname()`: (sysname, nodename, release, version, machine), as a plain tuple.
fn os_uname(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    check_args(vm, args, 0, 0, "uname")?;
    let version = alloc::format!("micropython-rs v{}", env!("CARGO_PKG_VERSION"));
    let parts = [
        crate::sys::PLATFORM,
        crate::sys::PLATFORM,
        env!("CARGO_PKG_VERSION"),
        version.as_str(),
        crate::sys::MACHINE,
    ];
    let mut vals = [Value::NONE; 5];
    for (slot, s) in vals.iter_mut().zip(parts.iter()) {
        *slot = new_str(vm, s)?;
    }
    new_tuple(vm, &vals)
}

pub static MODULE: ModuleDef = ModuleDef {
    name: q::os,
    members: &[
        (q::sep, Member::Str("/")),
        (q::getcwd, Member::Fn(&NativeFn::new(q::getcwd, os_getcwd))),
        (q::chdir, Member::Fn(&NativeFn::new(q::chdir, os_chdir))),
        (
            q::listdir,
            Member::Fn(&NativeFn::new(q::listdir, os_listdir)),
        ),
        (
            q::ilistdir,
            Member::Fn(&NativeFn::new(q::ilistdir, os_ilistdir)),
        ),
        (q::mkdir, Member::Fn(&NativeFn::new(q::mkdir, os_mkdir))),
        (q::rmdir, Member::Fn(&NativeFn::new(q::rmdir, os_rmdir))),
        (q::remove, Member::Fn(&NativeFn::new(q::remove, os_remove))),
        (q::rename, Member::Fn(&NativeFn::new(q::rename, os_rename))),
        (q::stat, Member::Fn(&NativeFn::new(q::stat, os_stat))),
        (
            q::statvfs,
            Member::Fn(&NativeFn::new(q::statvfs, os_statvfs)),
        ),
        (q::sync, Member::Fn(&NativeFn::new(q::sync, os_sync))),
        (q::mount, Member::Fn(&NativeFn::new(q::mount, os_mount))),
        (q::umount, Member::Fn(&NativeFn::new(q::umount, os_umount))),
        (q::uname, Member::Fn(&NativeFn::new(q::uname, os_uname))),
        (q::VfsPosix, Member::Type(&VFS_POSIX_TYPE)),
    ],
};
