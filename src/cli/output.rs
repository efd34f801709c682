//! `--output FILE`: where the result goes, and how it gets there without
//! replacing what the name points at.
//!
//! - A regular file, or a name with nothing behind it yet, is written whole
//!   or not at all: the result goes into a temporary file in the same
//!   folder, which is then renamed over it (keeping the old file's
//!   permissions). The temporary file is removed if anything fails.
//! - A symbolic link is followed to what it names (even when nothing is
//!   there yet), which is written as above: the link stays a link.
//! - Anything else (a terminal or other device, a named pipe) is opened and
//!   written to where it is, like a shell's `>`, never replaced.
//! - A directory, or a place that cannot be written, is one message.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::Failure;

/// Symbolic links followed before giving up, as Linux does (`ELOOP`).
const MAX_LINKS: usize = 40;

/// How much of the result is held before it is written.
pub const BUFFER: usize = 64 * 1024;

/// Writes what `write` makes to `path`, as the module documentation says.
pub fn write(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Failure> {
    let shown = path.display();
    let cannot = |e: io::Error| Failure::Message(format!("cannot write {shown}: {e}"));
    let (target, found) = follow_links(path).map_err(cannot)?;
    match found {
        Some(metadata) if metadata.is_dir() => Err(Failure::Message(format!(
            "{shown} is a directory; name a file to write"
        ))),
        Some(metadata) if !metadata.is_file() => {
            // A device or a pipe: written in place. A reader that goes away
            // stops the result quietly, as on standard output.
            let file = OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(cannot)?;
            let mut out = BufWriter::with_capacity(BUFFER, file);
            match write(&mut out).and_then(|()| out.flush()) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(Failure::Quiet),
                Err(e) => Err(cannot(e)),
            }
        }
        found => {
            let permissions = found.map(|metadata| metadata.permissions());
            let (temporary, file) = create_beside(&target).map_err(cannot)?;
            let written = (|| {
                if let Some(permissions) = permissions {
                    file.set_permissions(permissions)?;
                }
                let mut out = BufWriter::with_capacity(BUFFER, &file);
                write(&mut out)?;
                out.flush()?;
                drop(out);
                file.sync_all()?;
                fs::rename(&temporary, &target)
            })();
            written.map_err(|e| {
                let _ = fs::remove_file(&temporary);
                cannot(e)
            })
        }
    }
}

/// Follows `path` through any symbolic links to what it names, and that
/// thing's metadata (`None` when nothing is there).
fn follow_links(path: &Path) -> io::Result<(PathBuf, Option<fs::Metadata>)> {
    let mut current = path.to_path_buf();
    for _ in 0..=MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                // A relative link is relative to the folder that holds it.
                current = match current.parent() {
                    Some(folder) if link.is_relative() => folder.join(link),
                    _ => link,
                };
            }
            Ok(metadata) => return Ok((current, Some(metadata))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((current, None)),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// A new, empty file in the folder of `target`, named after it.
fn create_beside(target: &Path) -> io::Result<(PathBuf, File)> {
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let mut attempt = 0;
    loop {
        let temporary = folder.join(format!(".{name}.{}.{attempt}.partial", std::process::id()));
        // create_new: never open (and so truncate) a file, or follow a
        // link, that someone else left under this name.
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => return Ok((temporary, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}
