//! Golden files for every format (tests/golden/<format id>.txt) on one rich pattern with an
//! SNS target, plus structural checks for the code formats: the Python CDK output must parse
//! with python3's `ast`, TypeScript brackets must balance. `EVENTPEN_UPDATE_GOLDEN=1` rewrites them.
mod common;
mod python;

use common::render;
use eventpen_export::{Format, RuleSettings, RuleState, SnsTarget};
use serde_json::Value;
use std::process::{Command, Stdio};

const PATTERN: &str = r#"{
  "source": ["aws.ec2", {"prefix": "aws.auto"}],
  "detail-type": ["EC2 Instance State-change Notification"],
  "detail": {
    "state": [{"anything-but": ["pending", "running"]}],
    "instance-id": [{"wildcard": "i-0*"}],
    "cpu": [{"numeric": [">=", 0, "<=", 99.50]}],
    "tags": {"env": [{"equals-ignore-case": "PROD"}], "owner": [{"exists": false}]},
    "$or": [{"az": [{"suffix": "-1a"}]}, {"ip": [{"cidr": "10.0.0.0/8"}]}],
    "note": ["it's \"quoted\" ${x} 100% é"]
  }
}"#;

fn settings() -> RuleSettings {
    RuleSettings {
        name: "ec2-state-alerts".into(),
        event_bus: "default".into(),
        state: RuleState::Enabled,
        description: Some("EC2 state changes (prod)".into()),
        sns: Some(SnsTarget {
            topic: "ec2-alerts".into(),
            account: Some("111122223333".into()),
            region: Some("eu-west-1".into()),
        }),
        ..RuleSettings::default()
    }
}

fn full_text(format: Format) -> String {
    let pattern: Value = serde_json::from_str(PATTERN).unwrap();
    let rendered = render(format, &pattern, &settings());
    let mut out = String::new();
    for block in &rendered.blocks {
        let name = block.file_name.as_deref().unwrap_or(&block.title);
        out.push_str(&format!(
            "{} ---- {name}\n{}",
            block.comment_prefix(),
            block.text
        ));
    }
    for warning in &rendered.warnings {
        out.push_str(&format!("warning: {warning}\n"));
    }
    out
}

#[test]
fn every_format_matches_its_golden_file() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden");
    let update = std::env::var_os("EVENTPEN_UPDATE_GOLDEN").is_some();
    for format in Format::ALL {
        let path = format!("{dir}/{}.txt", format.id());
        let text = full_text(format);
        if update {
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{path} (run with EVENTPEN_UPDATE_GOLDEN=1)"));
        assert_eq!(text, want, "{}", format.id());
    }
}

fn python_parses(source: &str) -> bool {
    let python = python::interpreter();
    let mut child = match Command::new(&python)
        .args(["-c", "import ast, sys; ast.parse(sys.stdin.read())"])
        .stdin(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => panic!(
            "{} is needed for the Python syntax check ({e}): run scripts/bootstrap.sh",
            python.display()
        ),
    };
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(source.as_bytes())
        .unwrap();
    child.wait().unwrap().success()
}

/// Brackets balance outside string literals and comments (a cheap TypeScript sanity check).
fn brackets_balance(source: &str) -> bool {
    let mut stack = Vec::new();
    let mut quote: Option<char> = None;
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            if c == '\\' {
                chars.next();
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' | '`' => quote = Some(c),
            '/' if chars.peek() == Some(&'/') => {
                for next in chars.by_ref() {
                    if next == '\n' {
                        break;
                    }
                }
            }
            '(' | '[' | '{' => stack.push(c),
            ')' | ']' | '}' => {
                let open = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                if stack.pop() != Some(open) {
                    return false;
                }
            }
            _ => {}
        }
    }
    stack.is_empty() && quote.is_none()
}

#[test]
fn code_formats_are_well_formed_for_every_tricky_pattern() {
    for (name, pattern) in common::tricky() {
        for settings in [RuleSettings::default(), settings()] {
            let python = render(Format::CdkPython, &pattern, &settings);
            assert!(
                python_parses(&python.blocks[0].text),
                "{name}\n{}",
                python.blocks[0].text
            );
            for format in [Format::CdkTs, Format::PulumiTs] {
                let ts = render(format, &pattern, &settings);
                assert!(
                    brackets_balance(&ts.blocks[0].text),
                    "{name} {format:?}\n{}",
                    ts.blocks[0].text
                );
            }
        }
    }
}

#[test]
fn cdk_structure() {
    let text = full_text(Format::CdkTs);
    for needle in [
        "new events.Rule(this, 'Ec2StateAlertsRule', {",
        "detailType: ['EC2 Instance State-change Notification'],",
        "source: events.Match.anyOf('aws.ec2', events.Match.prefix('aws.auto')),",
        "events.Match.interval(0, 99.50)",
        "rule.addTarget(new targets.SnsTopic(topic));",
    ] {
        assert!(text.contains(needle), "missing {needle}\n{text}");
    }
    let pulumi = full_text(Format::PulumiTs);
    assert!(
        pulumi.contains("eventPattern: JSON.stringify({"),
        "{pulumi}"
    );
    assert!(pulumi.contains("'aws:SourceArn': ruleArn"), "{pulumi}");
}
