//! The transformer against the behaviours AWS documents. Each test's name is the documented rule
//! it checks; the sources are the EventBridge user guide page "Amazon EventBridge input
//! transformation" (`eb-transform-target-input`, sections "Predefined variables", "Input
//! transform examples", "Common Issues with transforming input") and the `InputTransformer`
//! API reference. Events and templates are EventPen's own.

use eventpen_transform::{Field, RuleContext, Severity, TargetInput};
use serde_json::{Value, json};

fn ec2_event() -> Value {
    json!({
        "version": "0", "id": "e-1", "detail-type": "EC2 Instance State-change Notification",
        "source": "aws.ec2", "account": "111122223333", "time": "2026-01-02T03:04:05Z",
        "region": "eu-west-1", "resources": ["arn:aws:ec2:eu-west-1:111122223333:instance/i-1"],
        "detail": {"instance-id": "i-1", "state": "running", "count": 2, "tags": {"team": "red"},
                   "list": ["a", "b"], "quote": "say \"hi\"", "items": [{"id": "x"}, {"id": "y"}]}
    })
}

fn rule() -> RuleContext {
    RuleContext {
        rule_name: "my-rule".into(),
        rule_arn: "arn:aws:events:eu-west-1:111122223333:rule/my-rule".into(),
    }
}

fn transformer(paths_map: &str, template: &str) -> TargetInput {
    TargetInput::Transformer {
        paths_map: paths_map.into(),
        template: template.into(),
    }
}

/// (paths map, template, exactly what the target receives)
fn assert_delivers(cases: &[(&str, &str, &str)]) {
    for (paths_map, template, want) in cases {
        let input = transformer(paths_map, template);
        let problems: Vec<_> = input.check().into_iter().filter(|p| p.is_error()).collect();
        assert!(problems.is_empty(), "{template}: {problems:?}");
        let delivered = input.deliver(&ec2_event(), &rule()).unwrap();
        assert_eq!(delivered.text, *want, "{template}");
    }
}

/// (paths map, template, field, line, column, words in the message)
fn assert_rejects(cases: &[(&str, &str, Field, usize, usize, &str)]) {
    for (paths_map, template, field, line, column, words) in cases {
        let problems = transformer(paths_map, template).check();
        let error = problems
            .iter()
            .find(|p| p.severity == Severity::Error)
            .unwrap_or_else(|| panic!("{paths_map} / {template}: no error in {problems:?}"));
        assert_eq!(
            (&error.field, error.position.line, error.position.column),
            (field, *line, *column),
            "{paths_map} / {template}: {}",
            error.message
        );
        assert!(error.message.contains(words), "{}", error.message);
    }
}

const STATE: &str = r#"{"state": "$.detail.state", "id": "$.detail.instance-id"}"#;

#[test]
fn examples_a_string_template_is_sent_as_written_with_values_inserted() {
    assert_delivers(&[
        (
            STATE,
            "instance <id> is in <state>",
            "instance i-1 is in running",
        ),
        (
            STATE,
            "\"instance <id> is in <state>\"",
            "\"instance i-1 is in running\"",
        ),
        (
            STATE,
            "<id> is in state \\\"<state>\\\"",
            "i-1 is in state \\\"running\\\"",
        ),
    ]);
}

#[test]
fn examples_a_json_template_gets_quotes_added_around_string_variables() {
    assert_delivers(&[
        (
            STATE,
            r#"{"instance": <id>, "state": [9, <state>, true], "Transformed": "Yes"}"#,
            r#"{"instance": "i-1", "state": [9, "running", true], "Transformed": "Yes"}"#,
        ),
        (
            STATE,
            r#"{"text": "<id> is <state>"}"#,
            r#"{"text": "i-1 is running"}"#,
        ),
    ]);
}

#[test]
fn common_issues_no_quotes_are_added_around_objects_arrays_and_numbers() {
    assert_delivers(&[(
        r#"{"tags": "$.detail.tags", "list": "$.detail.list", "n": "$.detail.count"}"#,
        r#"{"t": <tags>, "l": <list>, "n": <n>}"#,
        r#"{"t": {"team":"red"}, "l": ["a","b"], "n": 2}"#,
    )]);
}

#[test]
fn common_issues_an_object_referenced_inside_a_string_loses_its_internal_quotes() {
    assert_delivers(&[
        (
            r#"{"tags": "$.detail.tags"}"#,
            r#"{"d": "Tags are <tags>"}"#,
            r#"{"d": "Tags are {team:red}"}"#,
        ),
        (
            r#"{"list": "$.detail.list"}"#,
            "list: <list>",
            "list: [a,b]",
        ),
    ]);
}

#[test]
fn common_issues_values_are_not_escaped_inside_strings() {
    let input = transformer(r#"{"q": "$.detail.quote"}"#, r#"{"said": "<q>"}"#);
    let delivered = input.deliver(&ec2_event(), &rule()).unwrap();
    assert_eq!(delivered.text, r#"{"said": "say "hi""}"#);
    assert!(
        delivered.notes.iter().any(|n| n.contains("not valid JSON")),
        "{:?}",
        delivered.notes
    );
}

#[test]
fn common_issues_a_path_not_in_the_event_creates_no_variable() {
    for (template, want) in [
        (
            r#"{"who": <who>, "id": <id>}"#,
            r#"{"who": null, "id": "i-1"}"#,
        ),
        ("<who> stopped <id>", " stopped i-1"),
    ] {
        let input = transformer(
            r#"{"who": "$.detail.user", "id": "$.detail.instance-id"}"#,
            template,
        );
        let delivered = input.deliver(&ec2_event(), &rule()).unwrap();
        assert_eq!(delivered.text, want);
        assert!(
            delivered
                .notes
                .iter()
                .any(|n| n.contains("$.detail.user is not in this event"))
        );
    }
}

#[test]
fn predefined_variables_rule_arn_name_and_ingestion_time() {
    assert_delivers(&[
        (
            "",
            "<aws.events.rule-name> <aws.events.rule-arn> <aws.events.event.ingestion-time>",
            "my-rule arn:aws:events:eu-west-1:111122223333:rule/my-rule 2026-01-02T03:04:05Z",
        ),
        (
            "",
            r#"{"rule": <aws.events.rule-name>}"#,
            r#"{"rule": "my-rule"}"#,
        ),
    ]);
}

#[test]
fn predefined_variables_event_is_the_payload_without_detail_and_event_json_the_whole_event() {
    let input = transformer(
        "",
        r#"{"e": <aws.events.event>, "all": <aws.events.event.json>}"#,
    );
    let text = input.deliver(&ec2_event(), &rule()).unwrap().text;
    let sent: Value = serde_json::from_str(&text).unwrap();
    let mut without_detail = ec2_event();
    without_detail.as_object_mut().unwrap().remove("detail");
    assert_eq!(sent["e"], without_detail);
    assert_eq!(sent["all"], ec2_event());
}

#[test]
fn supported_syntax_array_indices_wildcards_dashes_and_slashes() {
    assert_delivers(&[
        (
            r#"{"first": "$.detail.items[0].id", "all": "$.detail.items[*].id"}"#,
            r#"{"f": <first>, "a": <all>}"#,
            r#"{"f": "x", "a": ["x","y"]}"#,
        ),
        (
            r#"{"r": "$.resources[0]"}"#,
            "<r>",
            "arn:aws:ec2:eu-west-1:111122223333:instance/i-1",
        ),
        (
            r#"{"t": "$.detail-type"}"#,
            "<t>",
            "EC2 Instance State-change Notification",
        ),
    ]);
}

#[test]
fn api_reference_rejections_are_positioned() {
    use Field::{InputPathsMap as Map, InputTemplate as Template};
    assert_rejects(&[
        // "You must use JSON dot notation, not bracket notation."
        (
            r#"{"a": "$.detail['state']"}"#,
            "<a>",
            Map,
            1,
            16,
            "dot notation",
        ),
        // Only the documented syntax: no deep scan.
        (
            "{\n  \"a\": \"$..state\"\n}",
            "<a>",
            Map,
            2,
            11,
            "deep scan",
        ),
        // "The keys cannot start with "AWS.""
        (r#"{"AWS.x": "$.detail"}"#, "x", Map, 1, 2, "reserved"),
        // Predefined variables are reserved.
        (
            r#"{"aws.events.rule-name": "$.detail"}"#,
            "x",
            Map,
            1,
            2,
            "reserved",
        ),
        // "If InputTemplate is a JSON object … the placeholder cannot be used as an object key."
        (STATE, r#"{<id>: "x"}"#, Template, 1, 2, "object key"),
        (STATE, r#"{"<id>": "x"}"#, Template, 1, 3, "object key"),
        // A JSON-object template must be valid JSON.
        (
            STATE,
            "{\"a\": <id>,\n \"b\": running}",
            Template,
            2,
            7,
            "double quotes",
        ),
        (STATE, r#"{"a": <id>"#, Template, 1, 11, "','"),
        (STATE, r#"{"a": <nope>}"#, Template, 1, 7, "not a variable"),
        // "can only be used as the value of a JSON field … not escaped"
        (
            "",
            r#"{"a": "x <aws.events.event.json>"}"#,
            Template,
            1,
            10,
            "value of a JSON field",
        ),
        (
            "",
            "event: <aws.events.event>",
            Template,
            1,
            8,
            "value of a JSON field",
        ),
        // The map itself is JSON.
        (
            r#"{"a": $.detail}"#,
            "<a>",
            Map,
            1,
            7,
            "JSON path in double quotes",
        ),
        // Length limit of the template.
        (STATE, "", Template, 1, 1, "empty"),
    ]);
}

#[test]
fn api_reference_at_most_100_variables() {
    let entries: Vec<String> = (0..101)
        .map(|i| format!("\"v{i}\": \"$.detail\""))
        .collect();
    let map = format!("{{{}}}", entries.join(", "));
    let problems = transformer(&map, "x").check();
    assert!(
        problems.iter().any(|p| p.message.contains("at most 100")),
        "{problems:?}"
    );
    let hundred = format!("{{{}}}", entries[..100].join(", "));
    assert!(transformer(&hundred, "x").check().is_empty());
}

#[test]
fn an_unknown_placeholder_in_text_is_sent_as_written_with_a_warning() {
    let input = transformer(STATE, "<id> is <nope>");
    let problems = input.check();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].severity, Severity::Warning);
    assert_eq!(
        input.deliver(&ec2_event(), &rule()).unwrap().text,
        "i-1 is <nope>"
    );
}

#[test]
fn input_path_and_constant_input() {
    let cases = [
        (
            TargetInput::Path("$.detail.tags".into()),
            Some(r#"{"team":"red"}"#),
        ),
        (TargetInput::Path("$.detail['tags']".into()), None),
        (
            TargetInput::Constant(r#"{"fixed": true}"#.into()),
            Some(r#"{"fixed": true}"#),
        ),
        (TargetInput::Constant("{\"fixed\": tru}".into()), None),
        // No input configuration: the matched event itself ("" below stands for it).
        (TargetInput::MatchedEvent, Some("")),
    ];
    for (input, want) in cases {
        let result = input.deliver(&ec2_event(), &rule());
        match (want, result) {
            (Some(""), Ok(delivered)) => assert_eq!(delivered.text, ec2_event().to_string()),
            (Some(text), Ok(delivered)) => assert_eq!(delivered.text, text),
            (None, Err(problems)) => assert!(!problems.is_empty()),
            (want, got) => panic!("{input:?}: want {want:?}, got {got:?}"),
        }
    }
}

#[test]
fn problems_never_change_the_users_text() {
    let map = r#"{"a": "$.detail['x']"}"#.to_string();
    let input = transformer(&map, "<a>");
    let _ = input.check();
    assert_eq!(input, transformer(r#"{"a": "$.detail['x']"}"#, "<a>"));
}
