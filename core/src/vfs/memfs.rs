//! An in-memory [`Filesystem`] for core's unit tests (the VFS, `open()`, the boot sequence).

use super::*;
use alloc::collections::BTreeMap;

enum Node {
    Dir,
    File(Vec<u8>),
}

struct OpenFile {
    path: String,
    pos: usize,
    flags: OpenFlags,
}

pub struct MemFs {
    nodes: BTreeMap<String, Node>,
    files: Vec<Option<OpenFile>>,
}

fn parent(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) | None => "/",
        Some(i) => &path[..i],
    }
}

impl MemFs {
    pub fn new() -> MemFs {
        let mut nodes = BTreeMap::new();
        nodes.insert(String::from("/"), Node::Dir);
        MemFs {
            nodes,
            files: Vec::new(),
        }
    }

    /// A filesystem holding these files (their directories must exist: only `/` here).
    pub fn with_files(files: &[(&str, &str)]) -> MemFs {
        let mut fs = MemFs::new();
        for (p, text) in files {
            fs.nodes
                .insert(String::from(*p), Node::File(text.as_bytes().to_vec()));
        }
        fs
    }

    fn open_file(&mut self, h: Handle) -> FsResult<&mut OpenFile> {
        self.files
            .get_mut(h as usize)
            .and_then(Option::as_mut)
            .ok_or(Errno::EBADF)
    }

    fn data(&mut self, path: &str) -> FsResult<&mut Vec<u8>> {
        match self.nodes.get_mut(path) {
            Some(Node::File(d)) => Ok(d),
            _ => Err(Errno::EBADF),
        }
    }

    fn check_parent_dir(&self, path: &str) -> FsResult<()> {
        match self.nodes.get(parent(path)) {
            Some(Node::Dir) => Ok(()),
            Some(Node::File(_)) => Err(Errno::ENOTDIR),
            None => Err(Errno::ENOENT),
        }
    }
}

impl Filesystem for MemFs {
    fn open(&mut self, path: &str, flags: OpenFlags) -> FsResult<Handle> {
        match self.nodes.get_mut(path) {
            Some(Node::Dir) => return Err(Errno::EISDIR),
            Some(Node::File(_)) if flags.exclusive => return Err(Errno::EEXIST),
            Some(Node::File(d)) if flags.truncate => d.clear(),
            Some(Node::File(_)) => {}
            None if flags.create => {
                self.check_parent_dir(path)?;
                self.nodes
                    .insert(String::from(path), Node::File(Vec::new()));
            }
            None => return Err(Errno::ENOENT),
        }
        self.files.push(Some(OpenFile {
            path: String::from(path),
            pos: 0,
            flags,
        }));
        Ok((self.files.len() - 1) as Handle)
    }

    fn read(&mut self, h: Handle, buf: &mut [u8]) -> FsResult<usize> {
        let f = self.open_file(h)?;
        let (path, pos) = (f.path.clone(), f.pos);
        let d = self.data(&path)?;
        let n = buf.len().min(d.len().saturating_sub(pos));
        buf[..n].copy_from_slice(&d[pos..pos + n]);
        self.open_file(h)?.pos += n;
        Ok(n)
    }

    fn write(&mut self, h: Handle, data: &[u8]) -> FsResult<usize> {
        let f = self.open_file(h)?;
        let (path, pos, append) = (f.path.clone(), f.pos, f.flags.append);
        let d = self.data(&path)?;
        let pos = if append { d.len() } else { pos };
        if d.len() < pos + data.len() {
            d.resize(pos + data.len(), 0);
        }
        d[pos..pos + data.len()].copy_from_slice(data);
        self.open_file(h)?.pos = pos + data.len();
        Ok(data.len())
    }

    fn seek(&mut self, h: Handle, offset: i64, whence: Whence) -> FsResult<u64> {
        let f = self.open_file(h)?;
        let (path, pos) = (f.path.clone(), f.pos);
        let len = self.data(&path)?.len();
        let base = match whence {
            Whence::Start => 0,
            Whence::Current => pos as i64,
            Whence::End => len as i64,
        };
        let new = base + offset;
        if new < 0 {
            return Err(Errno::EINVAL);
        }
        self.open_file(h)?.pos = new as usize;
        Ok(new as u64)
    }

    fn flush(&mut self, h: Handle) -> FsResult<()> {
        self.open_file(h).map(|_| ())
    }

    fn close(&mut self, h: Handle) -> FsResult<()> {
        self.open_file(h)?;
        self.files[h as usize] = None;
        Ok(())
    }

    fn listdir(&mut self, path: &str) -> FsResult<Vec<DirEntry>> {
        match self.nodes.get(path) {
            Some(Node::Dir) => {}
            Some(Node::File(_)) => return Err(Errno::ENOTDIR),
            None => return Err(Errno::ENOENT),
        }
        let mut out = Vec::new();
        for (p, n) in &self.nodes {
            if p != "/" && parent(p) == path {
                let (kind, size) = match n {
                    Node::Dir => (EntryKind::Dir, 0),
                    Node::File(d) => (EntryKind::File, d.len() as u64),
                };
                out.push(DirEntry {
                    name: String::from(&p[p.rfind('/').map_or(0, |i| i + 1)..]),
                    stat: Stat {
                        kind,
                        size,
                        inode: 0,
                        mtime: 0,
                    },
                });
            }
        }
        Ok(out)
    }

    fn mkdir(&mut self, path: &str) -> FsResult<()> {
        if self.nodes.contains_key(path) {
            return Err(Errno::EEXIST);
        }
        self.check_parent_dir(path)?;
        self.nodes.insert(String::from(path), Node::Dir);
        Ok(())
    }

    fn rmdir(&mut self, path: &str) -> FsResult<()> {
        if !self.listdir(path)?.is_empty() {
            return Err(Errno::ENOTEMPTY);
        }
        self.nodes.remove(path);
        Ok(())
    }

    fn remove(&mut self, path: &str) -> FsResult<()> {
        match self.nodes.get(path) {
            Some(Node::File(_)) => {
                self.nodes.remove(path);
                Ok(())
            }
            Some(Node::Dir) => Err(Errno::EISDIR),
            None => Err(Errno::ENOENT),
        }
    }

    fn rename(&mut self, from: &str, to: &str) -> FsResult<()> {
        let node = self.nodes.remove(from).ok_or(Errno::ENOENT)?;
        self.nodes.insert(String::from(to), node);
        Ok(())
    }

    fn stat(&mut self, path: &str) -> FsResult<Stat> {
        let (kind, size) = match self.nodes.get(path) {
            Some(Node::Dir) => (EntryKind::Dir, 0),
            Some(Node::File(d)) => (EntryKind::File, d.len() as u64),
            None => return Err(Errno::ENOENT),
        };
        Ok(Stat {
            kind,
            size,
            inode: 0,
            mtime: 0,
        })
    }

    fn statvfs(&mut self, _path: &str) -> FsResult<StatVfs> {
        Ok(StatVfs::default())
    }

    fn sync(&mut self) -> FsResult<()> {
        Ok(())
    }
}
