//! Writing files so that a reader, a crash or a full disk never meets half
//! of one: each file is written to a temporary file beside it (named after
//! it and the writing process, `.NAME.PID.tmp`), flushed to disk and
//! renamed over the old one. The temporary files of a run that died (its
//! process is gone) are removed by the next write to the same path.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::StoreError;

/// What a path is to be written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// One file.
    File,
    /// A folder of files (the CSV tables).
    Folder,
}

/// The folder a path is in (`.` for a bare file name).
fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The error of writing `path` (a file, or the folder of `target`), which
/// says whether an old one is left as it was.
fn write_error(path: &Path, target: Target, source: std::io::Error) -> StoreError {
    // a folder is no old file, but a file where a folder was asked for is
    let kept = match target {
        Target::File => path.is_file(),
        Target::Folder => path.exists(),
    };
    StoreError::Write {
        path: path.display().to_string(),
        kept,
        source,
    }
}

fn invalid(kind: std::io::ErrorKind, message: String) -> std::io::Error {
    std::io::Error::new(kind, message)
}

/// Check, before any work, that `path` can be written as `target`: its
/// folder exists and is a folder, and the path is not a folder (for a
/// file) or not a file (for a folder). Permissions are found out by
/// writing.
pub fn check_target(path: &Path, target: Target) -> Result<(), StoreError> {
    let err = |kind, message: String| Err(write_error(path, target, invalid(kind, message)));
    if path.file_name().is_none() {
        return err(std::io::ErrorKind::InvalidInput, "not a file name".to_string());
    }
    let dir = parent_of(path);
    if !dir.is_dir() {
        let what = if dir.exists() {
            "is not a folder"
        } else {
            "does not exist"
        };
        return err(
            std::io::ErrorKind::NotFound,
            format!("the folder {} {what}", dir.display()),
        );
    }
    match target {
        Target::File if path.is_dir() => err(std::io::ErrorKind::IsADirectory, "it is a folder".to_string()),
        Target::Folder if path.exists() && !path.is_dir() => err(
            std::io::ErrorKind::NotADirectory,
            "it is a file, not a folder (--format csv writes a folder)".to_string(),
        ),
        _ => Ok(()),
    }
}

/// The temporary name of `name` for process `pid`: `.NAME.PID.tmp`.
fn temp_name(name: &OsStr, pid: u32) -> OsString {
    let mut t = OsString::from(".");
    t.push(name);
    t.push(format!(".{pid}.tmp"));
    t
}

/// The process id in `entry` when it is a temporary name of `name`.
fn temp_pid(entry: &OsStr, name: &OsStr) -> Option<u32> {
    let entry = entry.to_str()?;
    let rest = entry.strip_prefix('.')?.strip_prefix(name.to_str()?)?;
    let digits = rest.strip_prefix('.')?.strip_suffix(".tmp")?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Whether process `pid` is gone, as far as can be told: on a system
/// without `/proc` nothing is known to be gone, and nothing is removed.
fn process_gone(pid: u32) -> bool {
    let proc = Path::new("/proc");
    proc.join("self").exists() && !proc.join(pid.to_string()).exists()
}

/// Remove the temporary files (or folders) of `name` in `dir` left by
/// processes that are gone. Best effort: what cannot be removed stays.
fn remove_stale(dir: &Path, name: &OsStr) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Some(pid) = temp_pid(&entry.file_name(), name) else {
            continue;
        };
        if pid == std::process::id() || !process_gone(pid) {
            continue;
        }
        let p = entry.path();
        let _ = if p.is_dir() {
            std::fs::remove_dir_all(&p)
        } else {
            std::fs::remove_file(&p)
        };
    }
}

/// Make a rename in `dir` durable (where the platform allows opening a
/// folder).
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Write `bytes` to the new file `tmp` and flush it to disk, with the
/// permissions of `like` when that file exists.
fn write_new(tmp: &Path, bytes: &[u8], like: &Path) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(tmp)?;
    f.write_all(bytes)?;
    if let Ok(meta) = std::fs::metadata(like) {
        f.set_permissions(meta.permissions())?;
    }
    f.sync_all()
}

/// Replace the file at `path` with `bytes` atomically: write a temporary
/// file in the same directory, flush it to disk, and rename it over the
/// old one. A reader sees the old file or the new one, never a part; when
/// anything fails the old file is left as it was and the temporary file is
/// removed. A new file gets the old one's permissions. Temporary files of
/// earlier runs that died are removed first.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    check_target(path, Target::File)?;
    // A device, a pipe or a socket (`-o /dev/null`, `-o /dev/stdout`, a
    // named pipe) is written to as it is: renaming a file over it would
    // replace /dev/null with a regular file for every program after us.
    if is_special(path) {
        return std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, bytes))
            .map_err(|e| write_error(path, Target::File, e));
    }
    let dir = parent_of(path);
    let name = path.file_name().expect("checked");
    remove_stale(&dir, name);
    let tmp = dir.join(temp_name(name, std::process::id()));
    let result = write_new(&tmp, bytes, path).and_then(|()| std::fs::rename(&tmp, path));
    match result {
        Ok(()) => {
            sync_dir(&dir);
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(write_error(path, Target::File, e))
        }
    }
}

/// A file written as a stream (a table too large to hold in memory) and
/// put in place atomically by [`AtomicFile::commit`], as [`write_atomic`]
/// does; dropped without a commit, it leaves the old file as it was and
/// removes its temporary file.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    /// The temporary file, `None` for a device or a pipe written directly.
    tmp: Option<PathBuf>,
    file: std::io::BufWriter<std::fs::File>,
}

impl AtomicFile {
    /// Start writing the file at `path`.
    pub fn create(path: &Path) -> Result<AtomicFile, StoreError> {
        check_target(path, Target::File)?;
        let open = |p: &Path, new: bool| {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(new)
                .open(p)
                .map_err(|e| write_error(path, Target::File, e))
        };
        if is_special(path) {
            return Ok(AtomicFile {
                path: path.to_path_buf(),
                tmp: None,
                file: std::io::BufWriter::new(open(path, false)?),
            });
        }
        let dir = parent_of(path);
        let name = path.file_name().expect("checked");
        remove_stale(&dir, name);
        let tmp = dir.join(temp_name(name, std::process::id()));
        let file = std::io::BufWriter::with_capacity(1 << 16, open(&tmp, true)?);
        Ok(AtomicFile {
            path: path.to_path_buf(),
            tmp: Some(tmp),
            file,
        })
    }

    /// Flush the file to disk and rename it over the old one.
    pub fn commit(mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let fail = |e| write_error(&path, Target::File, e);
        self.file.flush().map_err(fail)?;
        let Some(tmp) = self.tmp.take() else {
            return Ok(());
        };
        let done = (|| {
            let f = self.file.get_ref();
            if let Ok(meta) = std::fs::metadata(&path) {
                f.set_permissions(meta.permissions())?;
            }
            f.sync_all()?;
            std::fs::rename(&tmp, &path)
        })();
        match done {
            Ok(()) => {
                sync_dir(&parent_of(&path));
                Ok(())
            }
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                Err(fail(e))
            }
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// Whether `path` exists and is neither a file nor a folder (a device, a
/// pipe, a socket), following links.
fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Swap the two paths in one step, where the system can (Linux's
/// `renameat2` with `RENAME_EXCHANGE`; not every file system has it).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Make the folder `tmp` holding `files`, flushed to disk, with the
/// permissions of the folder `like` when it exists.
fn make_folder(tmp: &Path, files: &[(&str, &[u8])], like: &Path) -> std::io::Result<()> {
    std::fs::create_dir(tmp)?;
    for (name, bytes) in files {
        write_new(&tmp.join(name), bytes, &like.join(name))?;
    }
    if let Ok(meta) = std::fs::metadata(like) {
        std::fs::set_permissions(tmp, meta.permissions())?;
    }
    sync_dir(tmp);
    Ok(())
}

/// Whether the folder `dir` holds nothing but files named in `files` (and
/// temporary files of them): then it can be swapped whole for a new one.
fn holds_only(dir: &Path, files: &[(&str, &[u8])]) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.flatten().all(|e| {
        let n = e.file_name();
        e.file_type().is_ok_and(|t| t.is_file())
            && files
                .iter()
                .any(|(f, _)| n == OsStr::new(f) || temp_pid(&n, OsStr::new(f)).is_some())
    })
}

/// Write the folder `dir` holding `files` (name, contents), whole or not
/// at all. The new folder is made as a temporary folder beside it and
/// renamed into place; a folder there that holds only these files is
/// swapped for it in one step (where the system can) and then removed.
/// In a folder that holds other files too (left alone), every file is
/// first written in full to a temporary file and flushed, and only then
/// are they renamed into place, so that a failure (a full disk, say)
/// leaves every old file as it was. Temporary files and folders of
/// earlier runs that died are removed first.
pub fn write_folder_atomic(dir: &Path, files: &[(&str, &[u8])]) -> Result<(), StoreError> {
    check_target(dir, Target::Folder)?;
    let parent = parent_of(dir);
    let dir_name = dir.file_name().expect("checked");
    let pid = std::process::id();
    remove_stale(&parent, dir_name);
    let meta = std::fs::symlink_metadata(dir);
    let whole = match &meta {
        Err(_) => true,
        // not through a symbolic link: swapping would replace the link
        Ok(m) => m.is_dir() && holds_only(dir, files),
    };
    if whole {
        let tmp = parent.join(temp_name(dir_name, pid));
        if let Err(e) = make_folder(&tmp, files, dir) {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(write_error(dir, Target::Folder, e));
        }
        let placed = if meta.is_err() {
            std::fs::rename(&tmp, dir).map_err(Some)
        } else {
            // the old folder is at `tmp` after the swap; when the system
            // cannot swap, the files are replaced one by one below
            exchange(&tmp, dir).map_err(|_| None)
        };
        match placed {
            Ok(()) => {
                let _ = std::fs::remove_dir_all(&tmp);
                sync_dir(&parent);
                return Ok(());
            }
            Err(e) => {
                let _ = std::fs::remove_dir_all(&tmp);
                if let Some(e) = e {
                    return Err(write_error(dir, Target::Folder, e));
                }
            }
        }
    }
    let mut written: Vec<(PathBuf, PathBuf)> = Vec::new();
    let result = (|| {
        for (name, bytes) in files {
            remove_stale(dir, OsStr::new(name));
            let (tmp, path) = (dir.join(temp_name(OsStr::new(name), pid)), dir.join(name));
            if path.is_dir() {
                return Err(invalid(
                    std::io::ErrorKind::IsADirectory,
                    format!("{} is a folder", path.display()),
                ));
            }
            written.push((tmp.clone(), path.clone()));
            write_new(&tmp, bytes, &path)?;
        }
        for (tmp, path) in &written {
            std::fs::rename(tmp, path)?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => {
            sync_dir(dir);
            Ok(())
        }
        Err(e) => {
            for (tmp, _) in &written {
                let _ = std::fs::remove_file(tmp);
            }
            Err(write_error(dir, Target::Folder, e))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    /// The id of a process that has ended.
    fn dead_pid() -> u32 {
        let mut c = std::process::Command::new("true").spawn().unwrap();
        let pid = c.id();
        c.wait().unwrap();
        pid
    }

    #[test]
    fn temp_names_parse_back_only_for_their_file() {
        let t = temp_name(OsStr::new("g.json"), 42);
        assert_eq!(t, ".g.json.42.tmp");
        assert_eq!(temp_pid(&t, OsStr::new("g.json")), Some(42));
        assert_eq!(temp_pid(&t, OsStr::new("g")), None);
        assert_eq!(temp_pid(OsStr::new(".g.json.lock"), OsStr::new("g.json")), None);
        assert_eq!(temp_pid(OsStr::new(".g.json..tmp"), OsStr::new("g.json")), None);
        assert_eq!(temp_pid(OsStr::new(".g.json.4x2.tmp"), OsStr::new("g.json")), None);
    }

    #[test]
    fn a_device_is_written_to_not_replaced() {
        // `-o /dev/null` must leave /dev/null a device
        write_atomic(Path::new("/dev/null"), b"{}").unwrap();
        let m = std::fs::metadata("/dev/null").unwrap();
        assert!(!m.is_file(), "/dev/null became a regular file");
    }

    #[test]
    fn atomic_write_replaces_or_leaves_alone() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.json");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        let e = write_atomic(&sub, b"x").unwrap_err().to_string();
        assert!(e.contains("it is a folder"), "{e}");
        assert!(sub.is_dir());
        assert_eq!(names(dir.path()), ["g.json", "sub"], "no temporary file left behind");
        let e = write_atomic(&dir.path().join("nosuch/g.json"), b"x")
            .unwrap_err()
            .to_string();
        assert!(e.contains("nosuch does not exist; nothing written"), "{e}");
    }

    #[test]
    fn stale_temporary_files_of_dead_runs_go_and_live_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.json");
        let dead = temp_name(OsStr::new("g.json"), dead_pid());
        // this test's own process is alive: its file must stay
        let live = temp_name(OsStr::new("g.json"), std::os::unix::process::parent_id());
        let other = temp_name(OsStr::new("h.json"), dead_pid());
        for n in [&dead, &live, &other] {
            std::fs::write(dir.path().join(n), b"partial").unwrap();
        }
        write_atomic(&p, b"new").unwrap();
        let mut want = vec![
            "g.json".to_string(),
            live.to_string_lossy().into_owned(),
            other.to_string_lossy().into_owned(),
        ];
        want.sort();
        assert_eq!(names(dir.path()), want);
    }

    #[test]
    fn a_folder_is_written_whole_new_or_beside_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("tables");
        write_folder_atomic(&out, &[("a.csv", b"1"), ("b.csv", b"2")]).unwrap();
        assert_eq!(names(&out), ["a.csv", "b.csv"]);
        assert_eq!(names(dir.path()), ["tables"], "no temporary folder left behind");
        // a folder of these tables only is swapped whole for the new one
        let inode = |p: &Path| std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p).unwrap());
        let first = inode(&out);
        write_folder_atomic(&out, &[("a.csv", b"1b"), ("b.csv", b"2b")]).unwrap();
        assert_eq!(std::fs::read(out.join("a.csv")).unwrap(), b"1b");
        assert_eq!(names(dir.path()), ["tables"], "the old folder is removed");
        if cfg!(target_os = "linux") {
            assert_ne!(inode(&out), first, "swapped, not rewritten file by file");
        }
        std::fs::write(out.join("notes.txt"), b"mine").unwrap();
        let kept = inode(&out);
        write_folder_atomic(&out, &[("a.csv", b"3"), ("b.csv", b"4")]).unwrap();
        assert_eq!(inode(&out), kept, "a folder with other files is kept");
        assert_eq!(names(&out), ["a.csv", "b.csv", "notes.txt"]);
        assert_eq!(std::fs::read(out.join("b.csv")).unwrap(), b"4");
        // one of the files cannot be written: neither is replaced
        std::fs::create_dir(out.join("b.csv.d")).unwrap();
        let e = write_folder_atomic(&out, &[("a.csv", b"5"), ("b.csv.d", b"6")]).unwrap_err();
        assert!(e.to_string().contains("is a folder"), "{e}");
        assert_eq!(std::fs::read(out.join("a.csv")).unwrap(), b"3");
        assert_eq!(names(&out), ["a.csv", "b.csv", "b.csv.d", "notes.txt"]);
        let file = dir.path().join("file");
        std::fs::write(&file, b"x").unwrap();
        let e = write_folder_atomic(&file, &[("a.csv", b"1")]).unwrap_err().to_string();
        assert!(e.contains("it is a file, not a folder"), "{e}");
    }
}
