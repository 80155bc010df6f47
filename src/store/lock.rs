//! One writer at a time on a saved graph: an advisory lock (`flock`,
//! through fs4) on a lock file beside the graph, `.NAME.lock`, held for
//! the whole read-modify-write of `build --into` and `merge -o`. The lock
//! file is never removed (removing it would let two writers lock two
//! different files); while held it holds the writer's process id, so
//! that a second writer can name it. The kernel releases the lock when
//! its process ends, however it ends. Readers take no lock: the graph is
//! only ever replaced whole (see [`super::atomic`]).

use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use fs4::TryLockError;

use super::StoreError;

/// The lock on a saved graph; released when dropped.
#[derive(Debug)]
pub struct GraphLock {
    file: std::fs::File,
    path: PathBuf,
}

/// What to do when another process holds the lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Wait for it to be released.
    Wait,
    /// Give up at once ([`StoreError::Locked`]).
    NoWait,
}

/// The lock file of the graph at `graph`: `.NAME.lock` beside it.
pub fn lock_path(graph: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(graph.file_name().unwrap_or_default());
    name.push(".lock");
    graph.with_file_name(name)
}

/// The process id written in a lock file, if any.
fn holder(file: &mut std::fs::File) -> Option<u32> {
    let mut s = String::new();
    file.rewind().ok()?;
    file.read_to_string(&mut s).ok()?;
    s.trim().parse().ok()
}

impl GraphLock {
    /// Take the lock of the graph at `graph` (which need not exist yet).
    /// When another process holds it: with [`Wait::Wait`], call `waiting`
    /// with its process id (when known) and wait; with [`Wait::NoWait`],
    /// fail with [`StoreError::Locked`].
    pub fn acquire(graph: &Path, wait: Wait, waiting: impl FnOnce(Option<u32>)) -> Result<GraphLock, StoreError> {
        super::atomic::check_target(graph, super::atomic::Target::File)?;
        let path = lock_path(graph);
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let err = |source| StoreError::Lock {
            path: graph.display().to_string(),
            lock: name.clone(),
            kept: graph.is_file(),
            source,
        };
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(err)?;
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let pid = holder(&mut file);
                if wait == Wait::NoWait {
                    return Err(StoreError::Locked {
                        path: graph.display().to_string(),
                        holder: pid,
                    });
                }
                waiting(pid);
                fs4::FileExt::lock(&file).map_err(err)?;
            }
            Err(TryLockError::Error(e)) => return Err(err(e)),
        }
        let mut lock = GraphLock { file, path };
        // the id only helps a waiter name the holder: on a full disk the
        // lock holds without it
        let _ = lock.record_holder();
        Ok(lock)
    }

    fn record_holder(&mut self) -> std::io::Result<()> {
        self.file.set_len(0)?;
        self.file.rewind()?;
        write!(self.file, "{}", std::process::id())?;
        self.file.flush()
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for GraphLock {
    fn drop(&mut self) {
        // the next holder writes its own id; clearing ours first keeps a
        // waiter from naming a process that is done
        let _ = self.file.set_len(0);
        let _ = fs4::FileExt::unlock(&self.file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_or_fails_naming_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let g = dir.path().join("g.json");
        let first = GraphLock::acquire(&g, Wait::NoWait, |_| panic!("free")).unwrap();
        assert_eq!(first.path(), dir.path().join(".g.json.lock"));
        assert_eq!(
            std::fs::read_to_string(first.path()).unwrap(),
            std::process::id().to_string()
        );
        // flock locks belong to the open file, so a second open in this
        // process contends as another process would
        match GraphLock::acquire(&g, Wait::NoWait, |_| panic!("no wait")) {
            Err(StoreError::Locked { holder, .. }) => assert_eq!(holder, Some(std::process::id())),
            other => panic!("{other:?}"),
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let g2 = g.clone();
        let waiter = std::thread::spawn(move || {
            let _second = GraphLock::acquire(&g2, Wait::Wait, |pid| tx.send(pid).unwrap()).unwrap();
        });
        assert_eq!(rx.recv().unwrap(), Some(std::process::id()), "told whom it waits for");
        drop(first);
        waiter.join().unwrap();
        assert_eq!(std::fs::read_to_string(dir.path().join(".g.json.lock")).unwrap(), "");
        assert!(!g.exists(), "locking creates no graph");
    }

    #[test]
    fn a_lock_in_a_missing_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let e = GraphLock::acquire(&dir.path().join("no/g.json"), Wait::Wait, |_| {}).unwrap_err();
        assert!(e.to_string().contains("does not exist"), "{e}");
    }
}
