//! Golden tests of `eventpen events`: run the built binary on the files in
//! `tests/fixtures/events/` and compare stdout, stderr and the exit code exactly.
//!
//! Goldens live in `tests/fixtures/events/golden/<case>.stdout` and `.stderr`. After a
//! deliberate change, regenerate them with `EVENTPEN_UPDATE_GOLDEN=1 cargo test -p eventpen-cli
//! --test events` and review the diff.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// One run: case name (golden file stem), arguments after `events`, file piped to stdin, exit code.
struct Case {
    name: &'static str,
    args: &'static [&'static str],
    stdin: Option<&'static str>,
    code: i32,
}

const fn case(name: &'static str, args: &'static [&'static str], code: i32) -> Case {
    Case {
        name,
        args,
        stdin: None,
        code,
    }
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    case("record",             &["console_login_failure.json"], 0),
    case("log_file",           &["log_file.json"], 0),
    case("log_file_gzip",      &["111122223333_CloudTrail_us-east-1_20240505T2255Z_Ab12Cd34Ef56Gh78.json.gz"], 0),
    case("lookup_events",      &["lookup_events.json"], 0),
    case("lake",               &["lake_query_results.json"], 0),
    case("json_lines",         &["eventbridge_events.jsonl"], 1),
    case("put_events",         &["put_events_request.json"], 1),
    case("sqs",                &["sqs_receive_message.json"], 1),
    case("sns",                &["sns_notification.json"], 0),
    case("cloudwatch_logs",    &["filter_log_events.json"], 0),
    case("concatenated",       &["firehose_concatenated.json"], 0),
    case("records_array",      &["records_array.json"], 1),
    case("broken",             &["broken.json"], 2),
    case("truncated",          &["truncated_log_file.json"], 1),
    case("not_utf8",           &["latin1.json"], 2),
    case("empty",              &["empty.json"], 2),
    case("missing_file",       &["no_such_file.json"], 2),
    case("many_files",         &["broken.json", "console_login_failure.json", "no_such_file.json", "log_file.json"], 1),
    case("notes",              &["--notes", "log_file.json", "lookup_events.json", "111122223333_CloudTrail_us-east-1_20240505T2255Z_Ab12Cd34Ef56Gh78.json.gz", "put_metric_alarm_event.json"], 0),
    case("pretty",             &["--pretty", "put_events_request.json"], 1),
    Case { name: "stdin", args: &["-"], stdin: Some("lookup_events.json"), code: 0 },
    Case { name: "stdin_and_file", args: &["firehose_concatenated.json", "-"], stdin: Some("broken.json"), code: 1 },
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/events")
}

fn run(case: &Case) -> (String, String, i32) {
    let input = case
        .stdin
        .map(|file| std::fs::read(fixtures().join(file)).expect("stdin fixture exists"))
        .unwrap_or_default();
    let outcome = common::run_in(&fixtures(), "events", case.args, &input);
    (outcome.stdout, outcome.stderr, outcome.code)
}

#[test]
fn events_subcommand_matches_goldens() {
    let update = std::env::var_os("EVENTPEN_UPDATE_GOLDEN").is_some();
    let golden = fixtures().join("golden");
    let mut failures = Vec::new();
    for case in CASES {
        let (stdout, stderr, code) = run(case);
        let stdout_path = golden.join(format!("{}.stdout", case.name));
        let stderr_path = golden.join(format!("{}.stderr", case.name));
        if update {
            std::fs::create_dir_all(&golden).expect("golden directory");
            std::fs::write(&stdout_path, &stdout).expect("write golden stdout");
            std::fs::write(&stderr_path, &stderr).expect("write golden stderr");
        }
        let want_stdout = std::fs::read_to_string(&stdout_path).unwrap_or_default();
        let want_stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
        if stdout != want_stdout {
            failures.push(format!(
                "{}: stdout differs from {}:\n{stdout}",
                case.name,
                stdout_path.display()
            ));
        }
        if stderr != want_stderr {
            failures.push(format!(
                "{}: stderr differs from {}:\n{stderr}",
                case.name,
                stderr_path.display()
            ));
        }
        if code != case.code {
            failures.push(format!(
                "{}: exit code {code}, want {}\n{stderr}",
                case.name, case.code
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn output_lines_are_the_events_in_input_order() {
    let case = case(
        "order",
        &["firehose_concatenated.json", "console_login_failure.json"],
        0,
    );
    let (stdout, _, code) = run(&case);
    let kinds: Vec<String> = stdout
        .lines()
        .map(|line| {
            let event: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            event["detail-type"].as_str().unwrap_or("?").to_string()
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "EC2 Instance State-change Notification",
            "CloudWatch Alarm State Change",
            "AWS Console Sign In via CloudTrail",
        ]
    );
    assert_eq!(code, 0);
}

#[test]
fn help_documents_notes_and_exit_codes() {
    let output = Command::new(env!("CARGO_BIN_EXE_eventpen"))
        .args(["events", "--help"])
        .output()
        .expect("eventpen runs");
    let help = String::from_utf8_lossy(&output.stdout);
    for needle in ["--notes", "--pretty", "Exit status", "stderr"] {
        assert!(help.contains(needle), "--help lacks {needle}:\n{help}");
    }
}
