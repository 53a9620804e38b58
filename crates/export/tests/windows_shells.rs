//! PowerShell and cmd.exe deliver the pattern: pwsh is not installable here (`apt-cache policy
//! powershell` lists nothing on this Debian) and cmd.exe needs Windows, so the rendered blocks
//! go through the emulators in `eventpen_export::shell_emulation` — PowerShell 5.1 and 7.x
//! legacy argument passing, cmd.exe's caret/quote pass, and the Windows argv split — for every
//! pattern, plus quoting cases written out by hand.
mod common;

use common::render;
use common::{commands, option};
use eventpen_export::json_text::one_line;
use eventpen_export::shell_emulation::{PowerShellVersion, cmd_delivers, powershell_delivers};
use eventpen_export::{Format, RuleSettings};
use serde_json::Value;

#[test]
fn powershell_delivers_every_pattern_in_51_and_7() {
    let block_shape = render(
        Format::CliPowershell,
        &serde_json::json!({"a": ["b"]}),
        &RuleSettings::default(),
    );
    let text = commands(&block_shape);
    assert!(
        text.contains("& {\n  $PSNativeCommandArgumentPassing = 'Legacy'\n"),
        "{text}"
    );
    assert!(
        text.contains("5.1") && text.contains("7.3+"),
        "the block names the versions it targets"
    );
    let mut checked = 0;
    for (name, pattern) in common::all_patterns() {
        let rendered = render(Format::CliPowershell, &pattern, &RuleSettings::default());
        assert!(
            rendered.warnings.is_empty(),
            "{name}: {:?}",
            rendered.warnings
        );
        let block = commands(&rendered);
        // Rejoin lines without collapsing spaces inside quoted values.
        let line = block
            .replace(" `\n", " ")
            .lines()
            .map(str::trim_start)
            .find(|line| line.starts_with("aws events put-rule"))
            .unwrap()
            .replace("    --", "--");
        for version in [
            PowerShellVersion::WindowsPowerShell51,
            PowerShellVersion::Pwsh7Legacy,
        ] {
            let argv =
                powershell_delivers(&line, version).unwrap_or_else(|| panic!("{name}: {line}"));
            assert_eq!(
                option(&argv, "--event-pattern"),
                one_line(&pattern),
                "{name} {version:?}"
            );
        }
        checked += 1;
    }
    assert!(checked >= common::TRICKY.len());
}

#[test]
fn cmd_delivers_every_pattern_or_warns_about_percent() {
    for (name, pattern) in common::all_patterns() {
        let rendered = render(Format::CliCmd, &pattern, &RuleSettings::default());
        let line = commands(&rendered)
            .lines()
            .find(|line| line.starts_with("aws events put-rule"))
            .unwrap();
        match cmd_delivers(line) {
            Ok(argv) => {
                assert_eq!(
                    option(&argv, "--event-pattern"),
                    one_line(&pattern),
                    "{name}"
                );
                assert!(
                    rendered.warnings.is_empty(),
                    "{name}: {:?}",
                    rendered.warnings
                );
            }
            Err(why) => {
                assert!(why.contains('%'), "{name}: {why}");
                assert!(
                    rendered.warnings.iter().any(|w| w.contains("%NAME%")),
                    "{name}"
                );
            }
        }
    }
}

/// Hand-verified cases: what each shell must be given, written out by hand from the rules
/// (PowerShell: `''` inside '…'; Windows argv: `\"`, backslashes before a quote doubled;
/// cmd: `^` where its own quote state — flipped by every `"` — is off).
#[test]
fn hand_verified_windows_quoting() {
    let cases = [
        (
            r#"{"source": ["aws.ec2"]}"#,
            r#"'{\"source\": [\"aws.ec2\"]}'"#,
            r#""{\"source\": [\"aws.ec2\"]}""#,
        ),
        (
            r#"{"a": ["it's"]}"#,
            r#"'{\"a\": [\"it''s\"]}'"#,
            r#""{\"a\": [\"it's\"]}""#,
        ),
        (
            r#"{"a": ["x&y|z"]}"#,
            r#"'{\"a\": [\"x&y|z\"]}'"#,
            r#""{\"a\": [\"x^&y^|z\"]}""#,
        ),
        (
            r#"{"a": ["q\"b"]}"#,
            r#"'{\"a\": [\"q\\\"b\"]}'"#,
            r#""{\"a\": [\"q\\\"b\"]}""#,
        ),
        (
            r#"{"a": ["end\\"]}"#,
            r#"'{\"a\": [\"end\\\\\"]}'"#,
            r#""{\"a\": [\"end\\\\\"]}""#,
        ),
    ];
    for (pattern, powershell, cmd) in cases {
        let value: Value = serde_json::from_str(pattern).unwrap();
        let ps = commands(&render(
            Format::CliPowershell,
            &value,
            &RuleSettings::default(),
        ))
        .to_owned();
        assert!(
            ps.contains(&format!("--event-pattern {powershell}")),
            "{pattern}\n{ps}"
        );
        let cm = commands(&render(Format::CliCmd, &value, &RuleSettings::default())).to_owned();
        assert!(
            cm.contains(&format!("--event-pattern {cmd}")),
            "{pattern}\n{cm}"
        );
    }
}

#[test]
fn cmd_line_length_limit_is_flagged() {
    // AWS caps a pattern at 4096 characters; quotes inside values are what cmd.exe's escaping
    // multiplies past its 8191-character line.
    let quotes = "\"".repeat(2030);
    let pattern = serde_json::json!({"detail": {"a": [quotes]}});
    assert!(pattern.to_string().len() <= 4096);
    let cmd = render(Format::CliCmd, &pattern, &RuleSettings::default());
    assert!(
        cmd.warnings.iter().any(|w| w.contains("8191")),
        "{:?}",
        cmd.warnings
    );
}
