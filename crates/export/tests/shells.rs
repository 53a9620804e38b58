//! The bash and `file://` exports deliver the pattern to `aws` byte for byte: the rendered
//! commands run in a real bash with a stub `aws` on PATH that records its argv (and the
//! content of `file://` arguments) exactly. PowerShell and cmd.exe: `windows_shells.rs`.
mod common;

use common::render;
use common::{commands, option};
use eventpen_export::json_text::{one_line, pretty};
use eventpen_export::{Format, RuleSettings, SnsTarget, test_event_pattern_command};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The stub `aws`: appends each call to `$AWS_LOG` as NUL-separated fields — the argument
/// count, the arguments, then for every `file://` argument its path and the file's content.
/// (A POSIX sh script: a Python stub costs ~0.3 s per call on this machine, too slow for
/// the ~1000 corpus patterns; NUL cannot occur in an argument, so the record is exact.)
const STUB: &str = r#"#!/bin/sh
{
  printf '%s\0' "$#"
  for arg in "$@"; do printf '%s\0' "$arg"; done
  for arg in "$@"; do
    case "$arg" in
      file://*) printf 'file\0%s\0' "$arg"; cat "${arg#file://}"; printf '\0' ;;
    esac
  done
  printf 'end\0'
} >> "$AWS_LOG"
"#;

/// One recorded call: argv after `aws`, and `file://` arguments with the content read.
struct Call {
    argv: Vec<String>,
    files: Vec<(String, String)>,
}

impl Call {
    fn file(&self, arg: &str) -> &str {
        &self
            .files
            .iter()
            .find(|(name, _)| name == arg)
            .unwrap_or_else(|| panic!("{arg} read"))
            .1
    }
}

fn parse_log(log: &str) -> Vec<Call> {
    let mut fields = log.split('\0');
    let mut calls = Vec::new();
    while let Some(count) = fields.next().filter(|field| !field.is_empty()) {
        let count: usize = count.parse().unwrap();
        let argv = (0..count)
            .map(|_| fields.next().unwrap().to_owned())
            .collect();
        let mut files = Vec::new();
        loop {
            match fields.next().unwrap() {
                "file" => {
                    let name = fields.next().unwrap().to_owned();
                    files.push((name, fields.next().unwrap().to_owned()));
                }
                "end" => break,
                other => panic!("bad log field {other:?}"),
            }
        }
        calls.push(Call { argv, files });
    }
    calls
}

/// A fresh directory with the stub `aws` in `bin/`.
fn sandbox(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("eventpen-export-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("bin")).unwrap();
    let stub = dir.join("bin/aws");
    std::fs::write(&stub, STUB).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&stub, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    dir
}

/// Runs `script` with bash in `dir`, the stub first on PATH; the recorded calls.
fn run_bash(dir: &Path, script: &str) -> Vec<Call> {
    let log = dir.join("aws.log");
    let _ = std::fs::remove_file(&log);
    let path = format!(
        "{}:{}",
        dir.join("bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let script_path = dir.join("commands.sh");
    std::fs::write(&script_path, format!("set -e\n{script}")).unwrap();
    let status = Command::new("bash")
        .arg(&script_path)
        .current_dir(dir)
        .env("PATH", path)
        .env("AWS_LOG", &log)
        .status()
        .expect("bash runs");
    assert!(status.success(), "bash failed");
    parse_log(&std::fs::read_to_string(&log).unwrap_or_default())
}

fn argv_of(call: &Call) -> Vec<String> {
    call.argv.clone()
}

#[test]
fn bash_delivers_every_pattern_byte_for_byte() {
    let dir = sandbox("bash");
    let patterns = common::all_patterns();
    let script: String = patterns
        .iter()
        .map(|(_, pattern)| {
            commands(&render(Format::CliBash, pattern, &RuleSettings::default())).to_owned()
        })
        .collect();
    let calls = run_bash(&dir, &script);
    assert_eq!(calls.len(), patterns.len());
    for ((name, pattern), call) in patterns.iter().zip(&calls) {
        let argv = argv_of(call);
        let received = option(&argv, "--event-pattern");
        assert_eq!(received, one_line(pattern), "{name}");
        assert_eq!(
            &serde_json::from_str::<Value>(received).unwrap(),
            pattern,
            "{name}"
        );
        assert_eq!(
            &argv[..4],
            ["events", "put-rule", "--name", "eventpen-rule"],
            "{name}"
        );
    }
    println!("bash: {} patterns delivered intact", calls.len());
}

#[test]
fn file_form_writes_the_pattern_file_exactly() {
    let dir = sandbox("file");
    let patterns = common::all_patterns();
    let mut checked = 0;
    for (name, pattern) in &patterns {
        let rendered = render(Format::CliFile, pattern, &RuleSettings::default());
        let file = rendered.file("pattern.json").expect("pattern.json block");
        std::fs::write(dir.join("pattern.json"), &file.text).unwrap();
        let calls = run_bash(&dir, commands(&rendered));
        let content = calls[0].file("file://pattern.json");
        assert_eq!(content, format!("{}\n", pretty(pattern)), "{name}");
        assert_eq!(
            &serde_json::from_str::<Value>(content).unwrap(),
            pattern,
            "{name}"
        );
        checked += 1;
        if checked == 150 {
            break; // one bash per pattern: the tricky ones and a sample of the corpus suffice
        }
    }
}

fn sns_settings(description: &str) -> RuleSettings {
    RuleSettings {
        name: "orders-created".into(),
        event_bus: "orders".into(),
        description: Some(description.into()),
        sns: Some(SnsTarget {
            topic: "alerts".into(),
            account: Some("111122223333".into()),
            region: Some("eu-west-1".into()),
        }),
        ..RuleSettings::default()
    }
}

#[test]
fn sns_target_commands_run_in_order_with_the_policy_file() {
    let dir = sandbox("sns");
    let pattern: Value = serde_json::from_str(common::TRICKY[0].1).unwrap();
    for format in [Format::CliBash, Format::CliFile] {
        let rendered = render(format, &pattern, &sns_settings("it's $5 \"now\""));
        for block in rendered
            .blocks
            .iter()
            .filter(|block| block.file_name.is_some())
        {
            std::fs::write(dir.join(block.file_name.as_ref().unwrap()), &block.text).unwrap();
        }
        let calls = run_bash(&dir, commands(&rendered));
        let words: Vec<String> = calls
            .iter()
            .map(|call| argv_of(call)[..2].join(" "))
            .collect();
        assert_eq!(
            words,
            [
                "events put-rule",
                "sns create-topic",
                "sns set-topic-attributes",
                "events put-targets"
            ]
        );
        let put_rule = argv_of(&calls[0]);
        assert_eq!(option(&put_rule, "--description"), "it's $5 \"now\"");
        assert_eq!(option(&put_rule, "--region"), "eu-west-1");
        let targets = argv_of(&calls[3]);
        assert_eq!(
            option(&targets, "--targets"),
            "Id=sns-topic,Arn=arn:aws:sns:eu-west-1:111122223333:alerts"
        );
        assert_eq!(option(&targets, "--event-bus-name"), "orders");
        let policy: Value =
            serde_json::from_str(calls[2].file("file://topic-policy.json")).unwrap();
        let statement = &policy["Statement"][0];
        assert_eq!(statement["Principal"]["Service"], "events.amazonaws.com");
        assert_eq!(
            statement["Condition"]["ArnEquals"]["aws:SourceArn"],
            "arn:aws:events:eu-west-1:111122223333:rule/orders/orders-created"
        );
        assert_eq!(
            statement["Resource"],
            "arn:aws:sns:eu-west-1:111122223333:alerts"
        );
    }
}

#[test]
fn test_event_pattern_commands() {
    let dir = sandbox("test-event");
    let pattern: Value = serde_json::from_str(common::TRICKY[1].1).unwrap();
    let event = serde_json::json!({
        "version": "0", "id": "1", "detail-type": "x", "source": "s", "account": "111122223333",
        "time": "2024-01-01T00:00:00Z", "region": "us-east-1", "resources": [], "detail": {"name": "it's"}
    });
    let bash = test_event_pattern_command(Format::CliBash, &pattern, &event);
    assert!(bash.warnings.is_empty(), "{:?}", bash.warnings);
    let calls = run_bash(&dir, commands(&bash));
    let argv = argv_of(&calls[0]);
    assert_eq!(&argv[..2], ["events", "test-event-pattern"]);
    assert_eq!(option(&argv, "--event-pattern"), one_line(&pattern));
    assert_eq!(option(&argv, "--event"), one_line(&event));

    let file = test_event_pattern_command(Format::CliFile, &pattern, &event);
    for block in file.blocks.iter().filter(|block| block.file_name.is_some()) {
        std::fs::write(dir.join(block.file_name.as_ref().unwrap()), &block.text).unwrap();
    }
    let calls = run_bash(&dir, commands(&file));
    let event_file = calls[0].file("file://event.json");
    assert_eq!(serde_json::from_str::<Value>(event_file).unwrap(), event);

    let not_envelope =
        test_event_pattern_command(Format::CliCmd, &pattern, &serde_json::json!({"detail": {}}));
    assert!(
        not_envelope.warnings[0]
            .contains("id, account, source, time, region, resources, detail-type")
    );
    let iac = test_event_pattern_command(Format::Terraform, &pattern, &event);
    assert!(
        iac.file("pattern.json").is_some()
            && iac.warnings.iter().any(|w| w.contains("AWS CLI command"))
    );
}

#[test]
fn a_line_break_in_a_description_is_flagged_for_cmd() {
    let settings = RuleSettings {
        description: Some("two\nlines".into()),
        ..RuleSettings::default()
    };
    let pattern = serde_json::json!({"source": ["a"]});
    let cmd = render(Format::CliCmd, &pattern, &settings);
    assert!(
        cmd.warnings.iter().any(|w| w.contains("line break")),
        "{:?}",
        cmd.warnings
    );
    let bash = render(Format::CliBash, &pattern, &settings);
    let calls = run_bash(&sandbox("newline"), commands(&bash));
    assert_eq!(option(&calls[0].argv, "--description"), "two\nlines");
    let file = render(Format::CliFile, &pattern, &settings);
    assert!(
        file.warnings.iter().any(|w| w.contains("written for bash")),
        "{:?}",
        file.warnings
    );
}

#[test]
fn put_targets_passes_the_input_transformer_intact_in_bash_and_the_file_form() {
    let dir = sandbox("transformer");
    let pattern = serde_json::json!({"source": ["aws.ec2"]});
    let settings = RuleSettings {
        input: eventpen_export::TargetInput::Transformer {
            paths_map: r#"{"user": "$.detail.userIdentity.userName", "n": "$.detail.count"}"#
                .into(),
            template: r#""<user> launched <n>× it's $HOME `x` 100%""#.into(),
        },
        region: Some("ap-southeast-2".into()),
        account: Some("444455556666".into()),
        ..sns_settings("d")
    };
    for format in [Format::CliBash, Format::CliFile] {
        let rendered = render(format, &pattern, &settings);
        for block in rendered
            .blocks
            .iter()
            .filter(|block| block.file_name.is_some())
        {
            std::fs::write(dir.join(block.file_name.as_ref().unwrap()), &block.text).unwrap();
        }
        let calls = run_bash(&dir, commands(&rendered));
        let put_targets = calls.last().unwrap();
        let argv = argv_of(put_targets);
        assert_eq!(option(&argv, "--region"), "ap-southeast-2", "{format:?}");
        let targets_arg = option(&argv, "--targets");
        let text = if targets_arg.starts_with("file://") {
            put_targets.file(targets_arg).to_owned()
        } else {
            targets_arg.to_owned()
        };
        let targets: Value = serde_json::from_str(&text).unwrap();
        let transformer = &targets[0]["InputTransformer"];
        assert_eq!(
            transformer["InputPathsMap"]["n"], "$.detail.count",
            "{format:?}"
        );
        assert_eq!(
            transformer["InputTemplate"],
            r#""<user> launched <n>× it's $HOME `x` 100%""#
        );
        assert_eq!(
            targets[0]["Arn"],
            "arn:aws:sns:ap-southeast-2:444455556666:alerts"
        );
        assert_eq!(option(&argv_of(&calls[0]), "--region"), "ap-southeast-2");
    }
}
