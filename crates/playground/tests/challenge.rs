//! Scoring a pattern against marked events: valid and invalid patterns, unmarked events,
//! partial credit, solved.

use eventpen_playground::challenge::{Expectation, score};
use serde_json::{Value, json};

/// Three small EventBridge events: the launch a rule wants, a near-miss from the same service,
/// and an event from another service.
fn events() -> Vec<Value> {
    let event = |source: &str, name: &str| {
        json!({
            "version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
            "detail-type": "AWS API Call via CloudTrail", "source": source,
            "account": "111122223333", "time": "2026-11-24T09:14:03Z", "region": "eu-west-1",
            "resources": [], "detail": {"eventName": name}
        })
    };
    vec![
        event("aws.ec2", "RunInstances"),
        event("aws.ec2", "StopInstances"),
        event("aws.s3", "PutBucketPolicy"),
    ]
}

const EXACT: &str = r#"{"detail": {"eventName": ["RunInstances"]}}"#;
const BROAD: &str = r#"{"source": ["aws.ec2"]}"#;
const NOTHING: &str = r#"{"source": ["aws.lambda"]}"#;
const SCALAR_LEAF: &str = r#"{"source": "aws.ec2"}"#;
const NOT_JSON: &str = r#"{"source": ["aws.ec2"]"#;

/// (case, pattern, marks, valid, correct, total, solved)
type TotalsCase<'a> = (
    &'a str,
    &'a str,
    &'a [Option<bool>],
    bool,
    usize,
    usize,
    bool,
);
/// Per event: (expected, matched, correct).
type Row = (Option<bool>, Option<bool>, Option<bool>);
/// (case, pattern, marks, one row per event)
type PerEventCase<'a> = (&'a str, &'a str, &'a [Option<bool>], [Row; 3]);

const T: Option<bool> = Some(true);
const F: Option<bool> = Some(false);
const U: Option<bool> = None;

#[test]
fn totals_and_verdicts() {
    let cases: &[TotalsCase] = &[
        (
            "exact pattern, all marked",
            EXACT,
            &[T, F, F],
            true,
            3,
            3,
            true,
        ),
        (
            "too broad: partial credit",
            BROAD,
            &[T, F, F],
            true,
            2,
            3,
            false,
        ),
        (
            "matches nothing: partial credit",
            NOTHING,
            &[T, F, F],
            true,
            2,
            3,
            false,
        ),
        (
            "too broad, near-miss unmarked",
            BROAD,
            &[T, U, F],
            true,
            2,
            2,
            true,
        ),
        ("only one mark", BROAD, &[T, U, U], true, 1, 1, true),
        (
            "no marks: nothing proved",
            EXACT,
            &[U, U, U],
            true,
            0,
            0,
            false,
        ),
        ("empty marks list", EXACT, &[], true, 0, 0, false),
        ("shorter marks list", EXACT, &[T], true, 1, 1, true),
        (
            "longer marks list",
            EXACT,
            &[T, F, F, T, T],
            true,
            3,
            3,
            true,
        ),
        (
            "scalar leaf is invalid",
            SCALAR_LEAF,
            &[T, F, F],
            false,
            0,
            3,
            false,
        ),
        (
            "unparseable JSON is invalid",
            NOT_JSON,
            &[T, F, F],
            false,
            0,
            3,
            false,
        ),
        ("empty text is invalid", "", &[T, F, F], false, 0, 3, false),
        (
            "invalid and unmarked",
            SCALAR_LEAF,
            &[U, U, U],
            false,
            0,
            0,
            false,
        ),
    ];
    let events = events();
    for &(case, pattern, marks, valid, correct, total, solved) in cases {
        let got = score(pattern, &events, marks);
        assert_eq!(
            (got.valid_pattern, got.correct, got.total, got.solved),
            (valid, correct, total, solved),
            "{case}"
        );
        assert_eq!(
            got.per_event.len(),
            events.len(),
            "{case}: one entry per event"
        );
    }
}

#[test]
fn per_event_outcomes() {
    let cases: &[PerEventCase] = &[
        (
            "exact",
            EXACT,
            &[T, F, F],
            [(T, T, T), (F, F, T), (F, F, T)],
        ),
        (
            "broad: the near-miss is wrong",
            BROAD,
            &[T, F, F],
            [(T, T, T), (F, T, F), (F, F, T)],
        ),
        (
            "unmarked events still show whether they matched",
            BROAD,
            &[U, U, T],
            [(U, T, U), (U, T, U), (T, F, F)],
        ),
        (
            "invalid pattern: nothing matched, nothing judged",
            SCALAR_LEAF,
            &[T, F, U],
            [(T, U, U), (F, U, U), (U, U, U)],
        ),
    ];
    let events = events();
    for (case, pattern, marks, rows) in cases {
        let got = score(pattern, &events, marks);
        for (index, (event, &(expected, matched, correct))) in
            got.per_event.iter().zip(rows.iter()).enumerate()
        {
            assert_eq!(event.index, index, "{case}");
            assert_eq!(
                (event.expected, event.matched, event.correct),
                (expected, matched, correct),
                "{case}: event {index}"
            );
        }
    }
}

#[test]
fn no_events() {
    let got = score(EXACT, &[], &[T, F]);
    assert!(got.valid_pattern);
    assert!(got.per_event.is_empty());
    assert_eq!((got.correct, got.total, got.solved), (0, 0, false));
}

#[test]
fn hidden_events_are_just_appended() {
    // Visible events solved; a hidden near-miss appended on submit turns it into partial credit.
    let mut events = events();
    let visible: &[Option<bool>] = &[T, U, F];
    assert!(score(BROAD, &events, visible).solved);
    events.push(events[1].clone());
    let submitted: &[Option<bool>] = &[T, U, F, F];
    let got = score(BROAD, &events, submitted);
    assert_eq!((got.correct, got.total, got.solved), (2, 3, false));
}

#[test]
fn expectations_become_marks() {
    let cases = [(true, Some(true)), (false, Some(false))];
    for (must_match, mark) in cases {
        let mark_from: Option<bool> = Expectation { must_match }.into();
        assert_eq!(mark_from, mark);
    }
}
