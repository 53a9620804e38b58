//! The words and JSON a backtest prints. Deterministic: the same files give the same bytes on
//! any number of cores (timing goes to stderr, and only with --stats).

use super::tally::{Counts, Tally};
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::time::Duration;

/// What the report is about.
pub struct Heading<'a> {
    /// The pattern file as given.
    pub pattern: &'a str,
    /// The rule state's name.
    pub state: &'a str,
    /// `day` or `hour`.
    pub by: &'a str,
    /// Whether Ctrl+C cut the reading short.
    pub interrupted: bool,
    /// Files found, read or not.
    pub files_listed: usize,
}

/// The report for people.
pub fn text(heading: &Heading<'_>, tally: &Tally, top: usize) -> String {
    let mut out = String::new();
    if heading.interrupted {
        let _ = writeln!(
            out,
            "INTERRUPTED: partial results, {} of {} files read to the end",
            tally.files, heading.files_listed
        );
    }
    let _ = writeln!(
        out,
        "Backtest of {} over {} files ({} stored, {} of JSON): {} records read",
        heading.pattern,
        tally.files,
        megabytes(tally.stored_bytes),
        megabytes(tally.text_bytes),
        tally.records
    );
    let _ = writeln!(
        out,
        "Rule state {}: {} {}",
        heading.state,
        tally.matches,
        plural(tally.matches, "match", "matches")
    );
    if tally.read_only_matches > 0 {
        let verb = if heading.state == "ENABLED" {
            "never received in state ENABLED (they match only in state \
             ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS), not counted above"
        } else {
            "counted above: received only because of this state"
        };
        let _ = writeln!(
            out,
            "  read-only matches: {}, {verb}",
            tally.read_only_matches
        );
    }
    table(
        &mut out,
        &format!("Matches per {}", heading.by),
        &tally.by_time,
        None,
    );
    table(
        &mut out,
        "Matches per eventName",
        &tally.by_event_name,
        Some(top),
    );
    table(
        &mut out,
        "Matches per principal",
        &tally.by_principal,
        Some(top),
    );
    table(
        &mut out,
        "Matches per account / region",
        &tally.by_account_region,
        Some(top),
    );
    if !tally.samples.is_empty() {
        let _ = writeln!(out, "\nFirst {} matches", tally.samples.len());
        for sample in &tally.samples {
            let event = &sample.event;
            let text = |value: &Value| value.as_str().unwrap_or("-").to_string();
            let _ = writeln!(
                out,
                "  {}  {}  {}  {} {}  {} {}",
                text(&event["time"]),
                text(&event["detail"]["eventName"]),
                super::tally::principal(event),
                text(&event["account"]),
                text(&event["region"]),
                sample.file,
                sample.path
            );
        }
    }
    if tally.unreadable_count > 0 {
        let _ = writeln!(
            out,
            "\nUnreadable: {} (records or files not read; first {} listed)",
            tally.unreadable_count,
            tally.unreadable.len()
        );
        for problem in &tally.unreadable {
            let _ = writeln!(out, "  {}", problem.text);
        }
    }
    out
}

/// A table of counts, most first (ties by key); `limit` rows, or all.
fn table(out: &mut String, title: &str, counts: &Counts, limit: Option<usize>) {
    if counts.is_empty() {
        return;
    }
    let mut rows: Vec<(&String, &u64)> = counts.iter().collect();
    if limit.is_some() {
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    }
    let shown = limit.unwrap_or(rows.len()).min(rows.len());
    let more = if shown < rows.len() {
        format!(" (top {shown} of {})", rows.len())
    } else {
        String::new()
    };
    let _ = writeln!(out, "\n{title}{more}");
    let width = rows
        .iter()
        .take(shown)
        .map(|(k, _)| k.len())
        .max()
        .unwrap_or(0);
    for (key, count) in rows.into_iter().take(shown) {
        let _ = writeln!(out, "  {key:<width$}  {count}");
    }
}

/// The report for scripts: every count, every table in full.
pub fn json(heading: &Heading<'_>, tally: &Tally) -> String {
    let samples: Vec<Value> = tally
        .samples
        .iter()
        .map(|s| json!({"file": s.file, "path": s.path, "event": s.event}))
        .collect();
    let unreadable: Vec<&str> = tally.unreadable.iter().map(|u| u.text.as_str()).collect();
    let report = json!({
        "pattern": heading.pattern,
        "state": heading.state,
        "interrupted": heading.interrupted,
        "files": tally.files,
        "files_listed": heading.files_listed,
        "stored_bytes": tally.stored_bytes,
        "text_bytes": tally.text_bytes,
        "records": tally.records,
        "matches": tally.matches,
        "read_only_matches": tally.read_only_matches,
        "by": heading.by,
        "matches_by_time": tally.by_time,
        "matches_by_event_name": tally.by_event_name,
        "matches_by_principal": tally.by_principal,
        "matches_by_account_region": tally.by_account_region,
        "first_matches": samples,
        "unreadable_count": tally.unreadable_count,
        "unreadable": unreadable,
    });
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

/// `read 2147.5 MB stored (14.2 GB of JSON) in 31.2 s: 68.8 MB/s stored, 455.1 MB/s of JSON`.
pub fn throughput(tally: &Tally, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64().max(1e-9);
    let rate = |bytes: u64| bytes as f64 / 1e6 / seconds;
    format!(
        "read {} stored ({} of JSON, {} records) in {seconds:.1} s: {:.1} MB/s stored, {:.1} MB/s of JSON, {:.0} records/s",
        megabytes(tally.stored_bytes),
        megabytes(tally.text_bytes),
        tally.records,
        rate(tally.stored_bytes),
        rate(tally.text_bytes),
        tally.records as f64 / seconds
    )
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn plural(count: u64, one: &'static str, many: &'static str) -> &'static str {
    if count == 1 { one } else { many }
}
