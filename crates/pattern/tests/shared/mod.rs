//! What the conformance tests of the engine (`crates/pattern/tests/conformance.rs`) and of the
//! CLI's `--batch` (`crates/cli/tests/test_event_pattern.rs`) share: where the corpus is, how
//! many lines each file must have, the one opt-out variable, and the one list of exceptions.
//!
//! The corpus is third-party data read in place from `../shared/conformance` (never copied).
//! A missing corpus FAILS the tests, so a checkout without it cannot pass silently; set
//! `EVENTPEN_SKIP_SHARED=1` to run without it on purpose (the summary then says so).
#![allow(dead_code)] // each test file uses the part it needs

mod exceptions;

pub use exceptions::{EXCEPTIONS, Exception};

use std::path::{Path, PathBuf};

/// The opt-out: set to run the tests without `../shared`.
pub const SKIP_VARIABLE: &str = "EVENTPEN_SKIP_SHARED";

/// The corpus files, each with the fewest lines it may have (a truncated or wrong file fails).
pub const FILES: [(&str, usize); 4] = [
    ("aws-verified.jsonl", 182),
    ("event-ruler.jsonl", 812),
    ("docs.jsonl", 99),
    ("event-ruler-generated.jsonl", 5928),
];

/// What AWS prints before event-ruler's message for an invalid pattern.
pub const REASON_PREFIX: &str = "Event pattern is not valid. Reason: ";

/// Where `../shared` is when the checkout is not beside it (a git worktree elsewhere).
pub const LOCATION_VARIABLE: &str = "EVENTPEN_SHARED_DIR";

/// Or the conformance directory itself.
pub const CORPUS_VARIABLE: &str = "EVENTPEN_CONFORMANCE";

/// The corpus directory (`$EVENTPEN_CONFORMANCE`, else `$EVENTPEN_SHARED_DIR/conformance`,
/// else `../shared/conformance` beside the repository), `None` when it is missing and the opt-out is set. Panics when it
/// is missing without the opt-out.
pub fn corpus_dir(manifest_dir: &str) -> Option<PathBuf> {
    let dir = match (
        std::env::var_os(CORPUS_VARIABLE),
        std::env::var_os(LOCATION_VARIABLE),
    ) {
        (Some(corpus), _) => PathBuf::from(corpus),
        (None, Some(shared)) => PathBuf::from(shared).join("conformance"),
        (None, None) => Path::new(manifest_dir).join("../../../shared/conformance"),
    };
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os(SKIP_VARIABLE).is_some() {
        println!(
            "SKIPPED: conformance corpus not found at {} and {SKIP_VARIABLE} is set",
            dir.display()
        );
        return None;
    }
    panic!(
        "conformance corpus not found at {}; set {LOCATION_VARIABLE} to the shared folder (the \
         one holding conformance/), or {SKIP_VARIABLE}=1 to run without it",
        dir.display()
    );
}

/// The lines of one corpus file as JSON values; panics when the file has fewer lines than
/// its minimum or a line is not JSON.
pub fn read_lines(dir: &Path, file: &str) -> Vec<serde_json::Value> {
    let minimum = FILES
        .iter()
        .find(|(name, _)| *name == file)
        .map_or(1, |(_, minimum)| *minimum);
    let text = std::fs::read_to_string(dir.join(file))
        .unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
    let lines: Vec<serde_json::Value> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(number, line)| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{file}:{}: {e}", number + 1))
        })
        .collect();
    assert!(
        lines.len() >= minimum,
        "{file} has {} lines, expected at least {minimum}",
        lines.len()
    );
    lines
}

/// The text to send for a pattern or event: a string is exact text, anything else is
/// serialised (numbers keep their text: serde_json's arbitrary_precision).
pub fn text_of(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The listed exception for this line, if any.
pub fn exception(file: &str, id: &str) -> Option<&'static Exception> {
    EXCEPTIONS.iter().find(|e| e.file == file && e.id == id)
}

/// Tallies one file's lines and enforces that the exception list stays true: a disagreement
/// not listed fails, and a listed line that agrees fails too.
#[derive(Debug, Default)]
pub struct Tally {
    /// Lines that agree.
    pub agreed: usize,
    /// Lines that disagree as listed.
    pub excepted: usize,
    /// Why the test fails.
    pub failures: Vec<String>,
}

impl Tally {
    /// Records one line's outcome (`Err` = how we disagree).
    pub fn record(&mut self, file: &str, id: &str, outcome: Result<(), String>) {
        match (outcome, exception(file, id)) {
            (Ok(()), None) => self.agreed += 1,
            (Ok(()), Some(listed)) => self.failures.push(format!(
                "{file} {id}: listed as an exception ({}) but now agrees: remove it from the list",
                listed.reason
            )),
            (Err(_), Some(_)) => self.excepted += 1,
            (Err(why), None) => self.failures.push(format!("{file} {id}: {why}")),
        }
    }
}
