//! The Python that checks exported code: the repository's `.venv` (made by
//! `scripts/bootstrap.sh` when the system's python3 lacks PyYAML), else `python3` on PATH.
//! A missing interpreter fails the checks that need it; they never skip.

use std::path::PathBuf;

/// The interpreter to run.
pub fn interpreter() -> PathBuf {
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/python3");
    if venv.exists() {
        venv
    } else {
        PathBuf::from("python3")
    }
}
