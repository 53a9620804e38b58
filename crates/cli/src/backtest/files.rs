//! Which files a backtest reads: the paths given, and under folders every log file, in path
//! order so results never depend on the order a directory lists its entries.

use std::fs;
use std::path::{Path, PathBuf};

/// A file to read and its size in bytes (as stored: compressed for `.json.gz`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogFile {
    /// The path as given or as found under a folder; `-` is stdin.
    pub path: PathBuf,
    /// Bytes on disk (0 for stdin), for the progress bar and throughput.
    pub size: u64,
}

/// Under a folder, the file names read: CloudTrail delivers `.json.gz`; people also keep
/// `.json` and JSON Lines.
const LOG_SUFFIXES: &[&str] = &[".json.gz", ".json", ".gz", ".jsonl", ".ndjson"];

/// Folders CloudTrail fills with files that hold no events (digests prove integrity).
const SKIPPED_FOLDERS: &[&str] = &["CloudTrail-Digest"];

/// Every file to read, or the first path that cannot be read.
pub fn log_files(paths: &[PathBuf]) -> Result<Vec<LogFile>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            files.push(LogFile {
                path: path.clone(),
                size: 0,
            });
            continue;
        }
        let metadata =
            fs::metadata(path).map_err(|error| format!("{}: {error}", path.display()))?;
        if metadata.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            found.sort_by(|a, b| a.path.cmp(&b.path));
            files.extend(found);
        } else {
            files.push(LogFile {
                path: path.clone(),
                size: metadata.len(),
            });
        }
    }
    Ok(files)
}

fn walk(folder: &Path, found: &mut Vec<LogFile>) -> Result<(), String> {
    let entries = fs::read_dir(folder).map_err(|error| format!("{}: {error}", folder.display()))?;
    for entry in entries {
        let entry = entry.map_err(|error| format!("{}: {error}", folder.display()))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let metadata =
            fs::metadata(&path).map_err(|error| format!("{}: {error}", path.display()))?;
        if metadata.is_dir() {
            if !SKIPPED_FOLDERS.contains(&name.as_str()) {
                walk(&path, found)?;
            }
        } else if LOG_SUFFIXES.iter().any(|suffix| name.ends_with(suffix)) {
            found.push(LogFile {
                path,
                size: metadata.len(),
            });
        }
    }
    Ok(())
}
