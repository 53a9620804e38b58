//! `matches_json_prevalidated` stops reading once the verdict is known: these cases check
//! both that its verdict is `matches_json`'s on valid JSON (repeated keys, dotted keys,
//! arrays, `$or`, `exists: false`, `anything-but`, numbers) and where it stops, by putting
//! bytes that are not JSON (`@@`) after the point where the verdict is known: a path that
//! stops there still answers, one that reads on reports an error.

use eventpen_pattern::compile;

/// What the prevalidated path answers: the verdict, or `None` for an error.
fn prevalidated(pattern: &str, event: &str) -> Option<bool> {
    let compiled = compile(pattern).ok()?;
    compiled.matches_json_prevalidated(event.as_bytes()).ok()
}

#[test]
fn agrees_with_matches_json_on_valid_json() {
    #[rustfmt::skip]
    let cases: &[(&str, &str)] = &[
        // Repeated keys add values (event-ruler reads each one).
        (r#"{"a": ["x"]}"#, r#"{"a":"y","a":"x"}"#),
        (r#"{"a": ["x"]}"#, r#"{"a":"x","a":"y"}"#),
        (r#"{"a": [{"anything-but": "x"}]}"#, r#"{"a":"x","a":"y"}"#),
        (r#"{"a": [{"exists": false}]}"#, r#"{"b":1,"a":null}"#),
        (r#"{"p": {"q": ["x"]}}"#, r#"{"p":{"q":"y"},"p":{"q":"x"}}"#),
        (r#"{"p": {"q": ["x"]}}"#, r#"{"p":{"q":"y","q":"x"}}"#),
        // Dotted keys reach the same field, before or after the nested one.
        (r#"{"p": {"q": ["x"]}}"#, r#"{"p":{"q":"y"},"p.q":"x"}"#),
        (r#"{"p": {"q": ["x"]}}"#, r#"{"p.q":"y","p":{"q":"x"}}"#),
        (r#"{"p": {"q": ["x"]}, "r": ["z"]}"#, r#"{"p.q":"y","r":"z","p":[{"q":"x"}]}"#),
        // Arrays: later elements add values, and array consistency decides.
        (r#"{"p": {"q": ["x"]}}"#, r#"{"p":[{"q":"y"},{"q":"x"}]}"#),
        (r#"{"p": {"q": ["x"], "r": ["z"]}}"#, r#"{"p":[{"q":"x"},{"r":"z"}]}"#),
        (r#"{"p": {"q": ["x"], "r": ["z"]}}"#, r#"{"p":[{"q":"x","r":"z"}]}"#),
        (r#"{"a": ["x"]}"#, r#"{"a":["y",["x"]]}"#),
        (r#"{"p": {"q": ["x"]}}"#, r#"{"p":[{"r":1},{"q":"x"}]}"#),
        (r#"{"p": {"q": [{"exists": false}]}}"#, r#"{"p":[{"r":1},{"q":"x"}]}"#),
        // `$or`, replaced leaves, `exists: false` and numbers.
        (r#"{"$or": [{"a": ["x"]}, {"b": ["y"]}]}"#, r#"{"a":"n","b":"y"}"#),
        (r#"{"$or": [{"a": ["x"]}, {"b": ["y"]}]}"#, r#"{"a":"n","b":"n"}"#),
        (r#"{"a": ["1"], "$or": [{"a": ["2"]}, {"b": ["3"]}]}"#, r#"{"a":"2","b":"4"}"#),
        (r#"{"a": [{"exists": false}], "b": ["y"]}"#, r#"{"b":"y","c":{"a":1}}"#),
        (r#"{"a": [{"exists": false}], "b": ["y"]}"#, r#"{"b":"y","a":1}"#),
        (r#"{"n": [{"numeric": [">", 5]}]}"#, r#"{"n":4,"n":6}"#),
        (r#"{"n": [{"numeric": [">", 5]}], "m": [1]}"#, r#"{"n":6,"m":1.0}"#),
        // Segments as string values, not keys: only a later key counts.
        (r#"{"p": {"q": ["x"]}}"#, r#"{"p":{"q":"y"},"s":"\"p.q\""}"#),
    ];
    for (case, &(pattern, event)) in cases.iter().enumerate() {
        let compiled = compile(pattern).ok();
        let expected = compiled
            .as_ref()
            .and_then(|c| c.matches_json(event.as_bytes()).ok());
        assert!(expected.is_some(), "case {case}: {pattern} on {event}");
        assert_eq!(
            prevalidated(pattern, event),
            expected,
            "case {case}: {pattern} on {event}"
        );
    }
}

#[test]
fn stops_where_the_verdict_is_known_and_not_before() {
    #[rustfmt::skip]
    let cases: &[(&str, &str, Option<bool>)] = &[
        // Matched for good: nothing after can undo "some value satisfies".
        (r#"{"source": ["aws.ec2"]}"#, r#"{"source":"aws.ec2","x":@@"#, Some(true)),
        (r#"{"a": ["x"], "b": ["y"]}"#, r#"{"a":"x","b":"y",@@"#, Some(true)),
        // Failed, and no later key can reach the field.
        (r#"{"a": ["x"], "b": ["y"]}"#, r#"{"a":"n",@@"#, Some(false)),
        (r#"{"p": {"q": ["x"]}, "r": ["z"]}"#, r#"{"p":{"q":"n",@@"#, Some(false)),
        (r#"{"$or": [{"a": ["x"]}, {"b": ["y"]}]}"#, r#"{"a":"n","b":"n",@@"#, Some(false)),
        (r#"{"$or": [{"a": ["x"]}, {"b": ["y"]}]}"#, r#"{"b":"y",@@"#, Some(true)),
        // An object closed: the fields under it not read are absent for good.
        (r#"{"p": {"q": ["x"]}, "z": ["w"]}"#, r#"{"p":{"r":1},@@"#, Some(false)),
        (r#"{"p": {"q": [{"exists": false}]}}"#, r#"{"p":{"r":1},@@"#, Some(true)),
        (r#"{"p": {"q": ["x"]}, "z": ["w"]}"#, r#"{"p":{"r":1},"p.q":@@"#, None),
        (r#"{"p": {"q": ["x"]}, "z": ["w"]}"#, r#"{"p":[{"r":1},@@"#, None),
        // Unknown yet: a later key may still add a value, so reading goes on.
        (r#"{"a": ["x"]}"#, r#"{"a":"n","a":@@"#, None),
        (r#"{"p": {"q": ["x"]}}"#, r#"{"p":{"q":"n"},"p.q":@@"#, None),
        (r#"{"p": {"q": ["x"]}}"#, r#"{"p":[{"q":"n"},@@"#, None),
        (r#"{"a": [{"exists": false}]}"#, r#"{"b":1,@@"#, None),
        (r#"{"a": [{"exists": false}], "b": ["y"]}"#, r#"{"a":1,"a":@@"#, None),
        (r#"{"a": ["x"], "b": ["y"]}"#, r#"{"a":"x",@@"#, None),
        (r#"{"a": ["x"], "b": ["y"]}"#, r#"{"b":"n","c":"\"b",@@"#, None),
        // A pattern with an empty segment keeps reading to the end.
        (r#"{"a": {"": ["x"]}}"#, r#"{"a":{"":"x"},@@"#, None),
    ];
    for (case, &(pattern, event, expected)) in cases.iter().enumerate() {
        assert_eq!(
            prevalidated(pattern, event),
            expected,
            "case {case}: {pattern} on {event}"
        );
    }
}
