//! Every format × every operator: what each export does with it, one line per operator.
mod common;

use common::render;
use eventpen_export::operators::OperatorKind;
use eventpen_export::{Format, PipeSupport, RuleSettings, pipe_support};
use serde_json::Value;

/// (operator, an element using it, the CDK expression expected for it under `detail`).
/// "raw" means the JSON is kept as a literal because no helper writes exactly that JSON.
const OPERATORS: [(OperatorKind, &str, &str); 17] = [
    (OperatorKind::Exact, r#""x""#, "['x']"),
    (
        OperatorKind::Prefix,
        r#"{"prefix": "a"}"#,
        "events.Match.prefix('a')",
    ),
    (
        OperatorKind::PrefixIgnoreCase,
        r#"{"prefix": {"equals-ignore-case": "a"}}"#,
        "events.Match.prefixEqualsIgnoreCase('a')",
    ),
    (
        OperatorKind::Suffix,
        r#"{"suffix": "a"}"#,
        "events.Match.suffix('a')",
    ),
    (
        OperatorKind::SuffixIgnoreCase,
        r#"{"suffix": {"equals-ignore-case": "a"}}"#,
        "events.Match.suffixEqualsIgnoreCase('a')",
    ),
    (
        OperatorKind::EqualsIgnoreCase,
        r#"{"equals-ignore-case": "a"}"#,
        "events.Match.equalsIgnoreCase('a')",
    ),
    (
        OperatorKind::AnythingBut,
        r#"{"anything-but": ["a", "b"]}"#,
        "events.Match.anythingBut('a', 'b')",
    ),
    (
        OperatorKind::AnythingButPrefix,
        r#"{"anything-but": {"prefix": "a"}}"#,
        "[{ 'anything-but': { prefix: 'a' } }]",
    ),
    (
        OperatorKind::AnythingButSuffix,
        r#"{"anything-but": {"suffix": ["a"]}}"#,
        "events.Match.anythingButSuffix('a')",
    ),
    (
        OperatorKind::AnythingButIgnoreCase,
        r#"{"anything-but": {"equals-ignore-case": ["a"]}}"#,
        "events.Match.anythingButEqualsIgnoreCase('a')",
    ),
    (
        OperatorKind::AnythingButWildcard,
        r#"{"anything-but": {"wildcard": ["a*"]}}"#,
        "events.Match.anythingButWildcard('a*')",
    ),
    (
        OperatorKind::Numeric,
        r#"{"numeric": [">", 0, "<=", 5]}"#,
        "events.Match.allOf(events.Match.greaterThan(0), events.Match.lessThanOrEqual(5))",
    ),
    (
        OperatorKind::Exists,
        r#"{"exists": true}"#,
        "events.Match.exists()",
    ),
    (
        OperatorKind::DoesNotExist,
        r#"{"exists": false}"#,
        "events.Match.doesNotExist()",
    ),
    (
        OperatorKind::Cidr,
        r#"{"cidr": "10.0.0.0/24"}"#,
        "events.Match.cidr('10.0.0.0/24')",
    ),
    (
        OperatorKind::Wildcard,
        r#"{"wildcard": "a*b"}"#,
        "events.Match.wildcard('a*b')",
    ),
    (
        OperatorKind::Or,
        r#"{"$or": [{"a": ["x"]}, {"b": ["y"]}]}"#,
        "$or: [{ a: ['x'] }, { b: ['y'] }]",
    ),
];

fn pattern_for(kind: OperatorKind, element: &str) -> Value {
    let text = if kind == OperatorKind::Or {
        format!(r#"{{"detail": {element}}}"#)
    } else {
        format!(r#"{{"detail": {{"x": [{element}]}}}}"#)
    };
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_table_covers_every_operator() {
    let kinds: Vec<OperatorKind> = OPERATORS.iter().map(|(kind, _, _)| *kind).collect();
    assert_eq!(kinds, OperatorKind::ALL);
}

#[test]
fn formats_that_carry_the_pattern_verbatim_never_warn() {
    let verbatim = [
        Format::CliBash,
        Format::CliPowershell,
        Format::CliCmd,
        Format::CliFile,
        Format::CloudFormationYaml,
        Format::CloudFormationJson,
        Format::Sam,
        Format::Terraform,
        Format::PulumiTs,
        Format::Serverless,
    ];
    for (kind, element, _) in OPERATORS {
        let pattern = pattern_for(kind, element);
        for format in verbatim {
            let rendered = render(format, &pattern, &RuleSettings::default());
            assert!(
                rendered.warnings.is_empty(),
                "{kind:?} {format:?}: {:?}",
                rendered.warnings
            );
        }
    }
}

/// The text without whitespace and trailing commas, so layout does not matter.
fn squash(text: &str) -> String {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    compact
        .replace(",]", "]")
        .replace(",}", "}")
        .replace(",)", ")")
}

#[test]
fn cdk_uses_a_match_helper_or_the_raw_json() {
    for (kind, element, want) in OPERATORS {
        let pattern = pattern_for(kind, element);
        let ts = render(Format::CdkTs, &pattern, &RuleSettings::default());
        let text = squash(&ts.blocks[0].text);
        assert!(
            text.contains(&squash(want)),
            "{kind:?}: want {want}\n{}",
            ts.blocks[0].text
        );
        let python = render(Format::CdkPython, &pattern, &RuleSettings::default());
        let text = &python.blocks[0].text;
        if want.starts_with("events.Match.") {
            let name = want
                .trim_start_matches("events.Match.")
                .split('(')
                .next()
                .unwrap();
            let snake: String = name
                .chars()
                .flat_map(|c| {
                    if c.is_ascii_uppercase() {
                        vec!['_', c.to_ascii_lowercase()]
                    } else {
                        vec![c]
                    }
                })
                .collect();
            assert!(
                text.contains(&format!("events.Match.{snake}(")),
                "{kind:?}: {snake}\n{text}"
            );
        }
    }
}

#[test]
fn pipes_warns_exactly_for_operators_pipes_lacks() {
    for (kind, element, _) in OPERATORS {
        let pattern = pattern_for(kind, element);
        let rendered = render(Format::PipesFilter, &pattern, &RuleSettings::default());
        let flagged = rendered
            .warnings
            .iter()
            .any(|warning| warning.starts_with(kind.name()));
        let expected = pipe_support(kind) != PipeSupport::Supported;
        assert_eq!(flagged, expected, "{kind:?}: {:?}", rendered.warnings);
    }
}

#[test]
fn odd_inputs_never_panic() {
    // Invalid patterns never reach an export (the model exists only for valid ones); these
    // are valid patterns with keys and values that code generators trip on.
    let inputs = [
        serde_json::json!({"__proto__": ["x"], "constructor": ["y"]}),
        serde_json::json!({"a.b": [null], "$or": [{"c": [""]}, {"d": [{"exists": false}]}]}),
        serde_json::json!({"${x}": ["%{y}", "$(z)", "`w`"], "Ref": ["Fn::Sub"]}),
        serde_json::json!({"é ü": ["\\u0000 \n\t", 1e300, -0.0]}),
        serde_json::json!({"detail": {"detailType": [true, false]}}),
    ];
    let settings = RuleSettings {
        name: "bad name".into(),
        ..RuleSettings::default()
    };
    for input in &inputs {
        for format in Format::ALL {
            let rendered = render(format, input, &settings);
            assert!(!rendered.blocks.is_empty(), "{format:?} {input}");
            assert!(
                rendered.warnings[0].contains("rule name"),
                "{format:?}: settings problem first"
            );
        }
    }
}
