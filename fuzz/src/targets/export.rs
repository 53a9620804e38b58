//! Every export format on every valid pattern, with arbitrary rule settings.
//!
//! Input layout: the pattern text, `\0`, then bytes that `arbitrary` turns into settings.
//! Beyond "no panic": the `pattern.json` file of the CLI form and the CloudFormation JSON
//! template must parse back as JSON.

use crate::runner::Verdict;
use arbitrary::Unstructured;
use eventpen_export::{Format, RuleSettings, RuleState, SnsTarget, render};
use serde_json::Value;

/// Tokens that exercise quoting in shells, YAML, HCL and code.
pub const DICTIONARY: &[&[u8]] = &[
    b"'",
    b"\\\"",
    b"${",
    b"%{",
    b"%PATH%",
    b"`",
    b"$(",
    b"\\n",
    b"\\u2028",
    b"Ref",
    b"Fn::Sub",
    b"Condition",
    b"\"prefix\"",
    b"\"wildcard\"",
    b"\"anything-but\"",
    b"\"numeric\"",
    b"\"$or\"",
    b"\"cidr\"",
    b"\"exists\"",
    b"#",
    b": ",
    b"- ",
    b"\x00",
    b"\"\"",
];

/// Runs one input; panics if a format panics or writes JSON that does not parse.
pub fn run(data: &[u8]) -> Verdict {
    let (text_bytes, control) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let text = String::from_utf8_lossy(text_bytes);
    let checked = eventpen_pattern::check(&text);
    let (Some(model), true) = (checked.model, checked.errors.is_empty()) else {
        return Verdict::Boring;
    };
    let mut u = Unstructured::new(control);
    let settings = settings(&mut u);
    for format in Format::ALL {
        let rendered = render(format, &model, &settings);
        if let (Format::CliFile, Some(file)) = (format, rendered.file("pattern.json")) {
            assert!(
                serde_json::from_str::<Value>(&file.text).is_ok(),
                "pattern.json is not JSON:\n{}",
                file.text
            );
        }
        if format == Format::CloudFormationJson {
            for block in rendered.blocks.iter().filter(|b| b.language == "json") {
                assert!(
                    serde_json::from_str::<Value>(&block.text).is_ok(),
                    "the CloudFormation template is not JSON:\n{}",
                    block.text
                );
            }
        }
    }
    Verdict::Interesting
}

/// Rule settings: the defaults, with fields replaced by arbitrary values.
fn settings(u: &mut Unstructured) -> RuleSettings {
    let mut settings = RuleSettings::default();
    let text = |u: &mut Unstructured| u.arbitrary::<String>().unwrap_or_default();
    if u.ratio(1, 2).unwrap_or(false) {
        settings.name = text(u);
    }
    if u.ratio(1, 2).unwrap_or(false) {
        settings.event_bus = text(u);
    }
    let states = [
        "ENABLED",
        "DISABLED",
        "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS",
    ];
    let state = states[u.choose_index(states.len()).unwrap_or(0)];
    settings.state = RuleState::parse(state).unwrap_or(settings.state);
    if u.ratio(1, 2).unwrap_or(false) {
        settings.description = Some(text(u));
    }
    if u.ratio(1, 3).unwrap_or(false) {
        settings.sns = Some(SnsTarget {
            topic: text(u),
            account: u.arbitrary().unwrap_or_default(),
            region: u.arbitrary().unwrap_or_default(),
        });
    }
    settings
}
