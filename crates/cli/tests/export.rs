//! Golden tests of `eventpen export`: the built binary on fixture files, stdout and stderr
//! compared with files in tests/fixtures/export (`EVENTPEN_UPDATE_GOLDEN=1` rewrites them), exit
//! codes for bad options, and the bash output run through bash with a stub `aws`.

mod common;

use std::path::Path;
use std::process::Command;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/export");

use common::Outcome;

fn run(args: &[&str]) -> Outcome {
    common::run_in(Path::new(FIXTURES), "export", args, b"")
}

fn golden(name: &str, actual: &str) {
    let path = Path::new(FIXTURES).join(name);
    if std::env::var_os("EVENTPEN_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("golden file written");
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} (run with EVENTPEN_UPDATE_GOLDEN=1)", path.display()));
    assert_eq!(actual, want, "{name}");
}

/// (golden name, arguments): one line per case.
const GOLDEN_CASES: [(&str, &[&str]); 6] = [
    (
        "cli-bash",
        &["--pattern", "ec2.pattern.json", "--format", "cli-bash"],
    ),
    (
        "cli-file-sns",
        &[
            "--pattern",
            "ec2.pattern.json",
            "--format",
            "cli-file",
            "--name",
            "ec2-alerts",
            "--event-bus",
            "ops",
            "--state",
            "disabled",
            "--description",
            "EC2 alerts (prod)",
            "--sns-topic",
            "alerts",
        ],
    ),
    (
        "cloudformation-yaml",
        &[
            "--pattern",
            "ec2.pattern.json",
            "--format",
            "cloudformation-yaml",
        ],
    ),
    (
        "terraform",
        &["--pattern", "ec2.pattern.json", "--format", "terraform"],
    ),
    (
        "pipes-filter",
        &["--pattern", "ec2.pattern.json", "--format", "pipes-filter"],
    ),
    (
        "test-event-cmd",
        &[
            "--pattern",
            "ec2.pattern.json",
            "--event",
            "ec2.event.json",
            "--format",
            "cli-cmd",
        ],
    ),
];

#[test]
fn outputs_match_golden_files() {
    for (name, args) in GOLDEN_CASES {
        let outcome = run(args);
        assert_eq!(outcome.code, 0, "{name}: {}", outcome.stderr);
        golden(&format!("{name}.stdout"), &outcome.stdout);
        golden(&format!("{name}.stderr"), &outcome.stderr);
    }
}

#[test]
fn one_file_formats_print_exactly_the_file_others_separate_blocks() {
    // (format, what stdout starts with): the file itself, or the first block's separator.
    let ids = [
        ("cli-bash", "# bash / zsh"),
        ("cli-powershell", "# Windows PowerShell"),
        ("cli-cmd", "REM cmd.exe"),
        ("cli-file", "// ---- pattern.json"),
        ("cloudformation-yaml", "AWSTemplateFormatVersion"),
        ("cloudformation-json", "{"),
        ("sam", "AWSTemplateFormatVersion"),
        ("terraform", "# AWS provider"),
        ("cdk-ts", "import * as cdk"),
        ("cdk-python", "from aws_cdk import"),
        ("pulumi-ts", "import"),
        ("serverless", "service"),
        ("pipes-filter", "// ---- filter-criteria.json"),
    ];
    for (id, first_line) in ids {
        let outcome = run(&["--pattern", "ec2.pattern.json", "--format", id]);
        assert_eq!(outcome.code, 0, "{id}: {}", outcome.stderr);
        assert!(
            outcome.stdout.starts_with(first_line),
            "{id}:\n{}",
            outcome.stdout
        );
    }
}

#[test]
fn cloudformation_stdout_is_the_template_and_parses_back() {
    let pattern: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(FIXTURES).join("ec2.pattern.json")).unwrap(),
    )
    .unwrap();
    for format in ["cloudformation-json", "cloudformation-yaml"] {
        let outcome = run(&[
            "--pattern",
            "ec2.pattern.json",
            "--format",
            format,
            "--sns-topic",
            "alerts",
            "--account",
            "111122223333",
            "--region",
            "ap-southeast-2",
            "--input-transformer",
            "transformer.json",
        ]);
        assert_eq!(outcome.code, 0, "{format}: {}", outcome.stderr);
        if format.ends_with("json") {
            let template: serde_json::Value =
                serde_json::from_str(&outcome.stdout).expect("stdout is JSON");
            assert_eq!(template["AWSTemplateFormatVersion"], "2010-09-09");
        }
        let rules = eventpen_export::import::import(&outcome.stdout)
            .unwrap_or_else(|error| panic!("{format}: {error}\n{}", outcome.stdout));
        assert_eq!(rules[0].pattern, pattern, "{format}");
        assert!(matches!(
            rules[0].settings.input,
            eventpen_export::TargetInput::Transformer { .. }
        ));
        assert!(
            outcome.stdout.contains("ap-southeast-2") && outcome.stdout.contains("111122223333")
        );
    }
}

#[test]
fn out_dir_writes_every_file_a_format_needs() {
    let dir = std::env::temp_dir().join(format!("eventpen-out-dir-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = dir.to_str().unwrap();
    let outcome = run(&[
        "--pattern",
        "ec2.pattern.json",
        "--format",
        "cli-file",
        "--sns-topic",
        "alerts",
        "--input-transformer",
        "transformer.json",
        "--out-dir",
        out,
    ]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(outcome.stdout.is_empty());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "commands.sh",
            "pattern.json",
            "targets.json",
            "topic-policy.json"
        ]
    );
    let commands = std::fs::read_to_string(dir.join("commands.sh")).unwrap();
    for file in ["pattern.json", "targets.json", "topic-policy.json"] {
        assert!(commands.contains(&format!("file://{file}")), "{file}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_input_exit_codes() {
    let cases: [(&[&str], i32, &str); 9] = [
        (
            &["--pattern", "ec2.pattern.json", "--format", "yaml"],
            2,
            "unknown format \"yaml\"",
        ),
        (
            &["--pattern", "ec2.pattern.json", "--name", "has space"],
            2,
            "rule name has ' '",
        ),
        (
            &["--pattern", "ec2.pattern.json", "--name", ""],
            2,
            "rule name is empty",
        ),
        (
            &["--pattern", "ec2.pattern.json", "--state", "on"],
            2,
            "invalid --state \"on\"",
        ),
        (
            &["--pattern", "ec2.pattern.json", "--event-bus", "a b"],
            2,
            "event bus name has ' '",
        ),
        (
            &["--pattern", "ec2.pattern.json", "--sns-topic", "bad topic"],
            2,
            "SNS topic name",
        ),
        (
            &["--pattern", "ec2.pattern.json", "--region", "moon"],
            2,
            "region \"moon\" is not valid",
        ),
        (
            &["--pattern", "missing.json"],
            1,
            "cannot read missing.json",
        ),
        (
            &["--pattern", "invalid.pattern.json"],
            1,
            "\"source\" must be an object or an array",
        ),
    ];
    for (args, code, message) in cases {
        let outcome = run(args);
        assert_eq!(outcome.code, code, "{args:?}: {}", outcome.stderr);
        assert!(
            outcome.stderr.contains(message),
            "{args:?}: {}",
            outcome.stderr
        );
        assert!(outcome.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn pattern_from_standard_input() {
    let text =
        std::fs::read_to_string(Path::new(FIXTURES).join("ec2.pattern.json")).expect("fixture");
    let from_stdin = common::run_in(
        Path::new(FIXTURES),
        "export",
        &["--pattern", "-", "--format", "cli-bash"],
        text.as_bytes(),
    );
    assert_eq!(from_stdin.code, 0, "{}", from_stdin.stderr);
    let from_file = run(&["--pattern", "ec2.pattern.json", "--format", "cli-bash"]);
    assert_eq!(from_stdin.stdout, from_file.stdout);
}

#[test]
fn bash_output_runs_and_delivers_the_pattern() {
    let dir = std::env::temp_dir().join(format!("eventpen-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("bin")).expect("temp dir");
    let stub = dir.join("bin/aws");
    std::fs::write(
        &stub,
        "#!/bin/sh\nfor arg in \"$@\"; do printf '%s\\0' \"$arg\"; done > \"$AWS_LOG\"\n",
    )
    .expect("stub written");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&stub, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let outcome = run(&["--pattern", "ec2.pattern.json", "--format", "cli-bash"]);
    let script = dir.join("export.sh");
    std::fs::write(&script, &outcome.stdout).expect("script written");
    let log = dir.join("aws.log");
    let path = format!(
        "{}:{}",
        dir.join("bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let status = Command::new("bash")
        .arg(&script)
        .env("PATH", path)
        .env("AWS_LOG", &log)
        .status()
        .expect("bash runs");
    assert!(status.success());
    let recorded = std::fs::read_to_string(&log).expect("aws was called");
    let argv: Vec<&str> = recorded.trim_end_matches('\0').split('\0').collect();
    let at = argv
        .iter()
        .position(|arg| *arg == "--event-pattern")
        .expect("--event-pattern");
    let text =
        std::fs::read_to_string(Path::new(FIXTURES).join("ec2.pattern.json")).expect("fixture");
    let want: serde_json::Value = serde_json::from_str(&text).expect("fixture is JSON");
    let got: serde_json::Value = serde_json::from_str(argv[at + 1]).expect("argument is JSON");
    assert_eq!(got, want);
    assert_eq!(argv[at + 1], eventpen_export::json_text::one_line(&want));
}

#[test]
fn text_after_the_pattern_exports_the_pattern_aws_reads() {
    // AWS (Jackson) stops reading at the closing brace: the pattern is valid, so it exports.
    let outcome = common::run_in(
        Path::new(FIXTURES),
        "export",
        &["--pattern", "-", "--format", "cli-file"],
        b"{\"source\": [\"aws.ec2\"]} and a note after it\n",
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(
        outcome.stdout.contains("{\n  \"source\": [\"aws.ec2\"]\n}"),
        "{}",
        outcome.stdout
    );
    assert!(!outcome.stdout.contains("a note"));
}
