//! `eventpen check`: every error, warning and tip for a pattern — the same list the app shows —
//! for scripts and CI.
//!
//! With `--events`, the events are read like the app reads them (any CloudTrail / EventBridge
//! shape) and the tips that need them are added. Exit status: 0 the pattern is valid, 1 it has
//! errors, 2 an input could not be read.

use crate::bounded::{MAX_PATTERN_FILE_BYTES, read_path};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use eventpen_ingest::{Input, MAX_INPUT_BYTES, ingest};
use eventpen_pattern::Diagnostic;
use eventpen_playground::Playground;
use serde_json::{Value, json};

/// Print every error, warning and tip for a pattern.
#[derive(clap::Args)]
#[command(
    after_help = "Exit status: 0 the pattern is valid (warnings and tips allowed); 1 it has errors; 2 an input could not be read."
)]
pub struct Args {
    /// The pattern file (`-` for standard input).
    #[arg(value_name = "PATTERN")]
    pattern: PathBuf,

    /// Event files to check the pattern against (CloudTrail records, log files, `.json.gz`,
    /// lookup-events output, EventBridge events, JSON Lines): adds the tips that need events.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    events: Vec<PathBuf>,

    /// `text` (one line per finding, `FILE:LINE:COLUMN: severity[kind] at PATH: message`) or
    /// `jsonl` (one JSON object per finding).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Output formats.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Jsonl,
}

/// Run the subcommand.
pub fn run(args: Args) -> ExitCode {
    match check(&args) {
        Ok(valid) => ExitCode::from(if valid { 0 } else { 1 }),
        Err(message) => {
            eprintln!("eventpen check: {message}");
            ExitCode::from(2)
        }
    }
}

/// The bytes of `path` (`-` for stdin), at most `limit` of them (checked while reading).
fn read(path: &Path, limit: usize) -> Result<Vec<u8>, String> {
    let name = if path.as_os_str() == "-" {
        String::from("-")
    } else {
        path.display().to_string()
    };
    read_path(path, limit).map_err(|e| format!("{name}: cannot read: {e}"))
}

/// Whether the pattern is valid.
fn check(args: &Args) -> Result<bool, String> {
    let bytes = read(&args.pattern, MAX_PATTERN_FILE_BYTES)?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{}: not UTF-8: {e}", args.pattern.display()))?;
    let mut contents = Vec::new();
    // One budget for all event inputs, as ingest has.
    let mut left = MAX_INPUT_BYTES;
    for path in &args.events {
        let bytes = read(path, left)?;
        left -= bytes.len();
        contents.push((path.display().to_string(), bytes));
    }
    let inputs: Vec<Input> = contents
        .iter()
        .map(|(name, bytes)| Input { name, bytes })
        .collect();
    let ingested = ingest(&inputs);
    for problem in &ingested.problems {
        eprintln!("{problem}");
    }
    let events = ingested.events.into_iter().map(|e| e.event).collect();
    let playground = Playground::new(events);
    let evaluation = playground.evaluate(&text);
    let file = args.pattern.display().to_string();
    let mut out = io::stdout().lock();
    for diagnostic in &evaluation.diagnostics {
        let line = match args.format {
            Format::Text => text_line(&file, &text, diagnostic),
            Format::Jsonl => json_line(&text, diagnostic).to_string(),
        };
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    Ok(evaluation.checked.errors.is_empty())
}

/// `p.json:3:15: error[unknown-operator] at detail.items: message`, then `  fix: …` lines.
fn text_line(file: &str, text: &str, d: &Diagnostic) -> String {
    let place = if d.path.is_root() {
        String::new()
    } else {
        format!(" at {}", d.path)
    };
    let mut line = format!(
        "{file}:{}: {}[{}]{place}: {}",
        d.position,
        d.severity.label(),
        d.code(),
        d.message
    );
    if let Some(suggestion) = &d.suggestion {
        line.push_str(&format!("\n  fix: {}", suggestion.title));
        if let Some(fixed) = suggestion.apply(text) {
            for fixed_line in fixed.lines() {
                line.push_str(&format!("\n  | {fixed_line}"));
            }
        }
    }
    line
}

/// One finding as JSON: kind, severity, line, column, byte span, path, message, operator,
/// value, and the fix (its edits and the fixed pattern).
fn json_line(text: &str, d: &Diagnostic) -> Value {
    let suggestion = d.suggestion.as_ref().map(|s| {
        json!({
            "title": s.title,
            "edits": s.edits.iter().map(|e| json!({"start": e.span.start, "end": e.span.end, "text": e.text})).collect::<Vec<_>>(),
            "fixed": s.apply(text),
        })
    });
    json!({
        "kind": d.code(),
        "severity": d.severity.label(),
        "line": d.position.line,
        "column": d.position.column,
        "start": d.span.start,
        "end": d.span.end,
        "path": d.path.to_string(),
        "message": d.message,
        "operator": d.operator,
        "value": d.value,
        "suggestion": suggestion,
    })
}
