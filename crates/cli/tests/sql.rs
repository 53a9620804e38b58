//! `eventpen sql`, proven by execution: the DuckDB query over generated CloudTrail log files
//! returns exactly the records `eventpen backtest` matches on the same files (a superset, never
//! fewer, where the query says it over-approximates). Athena and CloudTrail Lake queries are
//! golden files, and each must parse with sqlglot's Trino dialect.
//!
//! The Python tools come from `.venv` (scripts/bootstrap.sh installs duckdb and sqlglot): when
//! they are missing these tests FAIL, they never skip.
//! `EVENTPEN_UPDATE_GOLDEN=1 cargo test -p eventpen-cli --test sql` rewrites the golden files.

mod common;

use common::logs::{OPERATOR_PATTERNS, generated_logs};
use common::run_in;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const ALL: &str = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";
const OVER_APPROXIMATES: &str = "MORE ROWS, NEVER FEWER";

fn python() -> PathBuf {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: run scripts/bootstrap.sh (it installs duckdb and sqlglot into .venv)",
        python.display()
    );
    python
}

/// Runs `script` with the venv's Python, `stdin` as input; its stdout.
fn run_python(script: &str, stdin: &str) -> String {
    let mut child = Command::new(python())
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python runs");
    let mut input = child.stdin.take().expect("stdin");
    let text = stdin.to_string();
    let feeder = std::thread::spawn(move || std::io::Write::write_all(&mut input, text.as_bytes()));
    let output = child.wait_with_output().expect("python finishes");
    let _ = feeder.join();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "python failed: {stderr}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

const DUCKDB_ROWS: &str = "import duckdb, sys
for (row,) in duckdb.sql(sys.stdin.read()).fetchall():
    print(row)";

/// `eventID`s backtest matches, in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS.
fn backtest_event_ids(root: &Path, pattern: &Path) -> BTreeSet<String> {
    let pattern = pattern.to_str().unwrap_or_default();
    let outcome = run_in(
        root,
        "backtest",
        &[
            "-p", pattern, "--output", "json", "--first", "100000", "--state", ALL, "AWSLogs",
        ],
        b"",
    );
    let report: Value =
        serde_json::from_str(&outcome.stdout).unwrap_or_else(|e| panic!("{e}: {outcome:?}"));
    let matches = report["first_matches"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    matches
        .iter()
        .map(|m| {
            m["event"]["detail"]["eventID"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

fn sql(root: &Path, pattern: &Path, dialect: &str, extra: &[&str]) -> String {
    let pattern = pattern.to_str().unwrap_or_default();
    let mut args = vec!["-p", pattern, "--dialect", dialect];
    args.extend_from_slice(extra);
    let outcome = run_in(root, "sql", &args, b"");
    assert_eq!(outcome.code, 0, "{outcome:?}");
    outcome.stdout
}

#[test]
fn duckdb_rows_equal_backtest_rows() {
    let (root, _) = generated_logs("sql");
    let source = "['AWSLogs/**/*.json.gz', 'AWSLogs/**/*.json']";
    for (i, pattern) in OPERATOR_PATTERNS.iter().enumerate() {
        let pattern_file = root.join(format!("pattern-{i}.json"));
        std::fs::write(&pattern_file, pattern).expect("write pattern");
        let backtest = backtest_event_ids(&root, &pattern_file);
        assert!(
            !backtest.is_empty(),
            "the generated logs exercise {pattern}"
        );
        let query = sql(
            &root,
            &pattern_file,
            "duckdb",
            &["--state", ALL, "--select", "eventid", "--source", source],
        );
        let rows = run_python(
            &format!(
                "import os; os.chdir({:?})\n{DUCKDB_ROWS}",
                root.display().to_string()
            ),
            &query,
        );
        let duckdb: BTreeSet<String> = rows.lines().map(str::to_string).collect();
        if query.contains(OVER_APPROXIMATES) {
            assert!(
                duckdb.is_superset(&backtest),
                "never fewer rows: {pattern}\n{query}"
            );
        } else {
            assert_eq!(duckdb, backtest, "{pattern}\n{query}");
        }
    }
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn athena_and_lake_queries_are_golden_and_parse_as_trino() {
    let root = std::env::temp_dir().join(format!("eventpen-sql-golden-{}", std::process::id()));
    std::fs::create_dir_all(&root).expect("temp dir");
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sql");
    let update = std::env::var_os("EVENTPEN_UPDATE_GOLDEN").is_some();
    let mut queries = Vec::new();
    for (i, pattern) in OPERATOR_PATTERNS.iter().enumerate() {
        let pattern_file = root.join(format!("pattern-{i}.json"));
        std::fs::write(&pattern_file, pattern).expect("write pattern");
        for (dialect, extension) in [("athena", "athena.sql"), ("cloudtrail-lake", "lake.sql")] {
            let query = sql(&root, &pattern_file, dialect, &[]);
            let file = golden.join(format!("{i:02}.{extension}"));
            if update {
                std::fs::create_dir_all(&golden).expect("golden dir");
                std::fs::write(&file, &query).expect("write golden");
            }
            let want = std::fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            assert_eq!(
                query, want,
                "{pattern} ({dialect}); EVENTPEN_UPDATE_GOLDEN=1 rewrites"
            );
            queries.push(query);
        }
    }
    let script = "import json, sys, sqlglot
for query in json.load(sys.stdin):
    sqlglot.parse_one(query, read='trino')
    print('parsed')";
    let parsed = run_python(script, &serde_json::to_string(&queries).unwrap_or_default());
    assert_eq!(
        parsed.lines().count(),
        queries.len(),
        "every query parses as Trino"
    );
    let _ = std::fs::remove_dir_all(&root);
}
