//! The charts' counts: times, bucket sizes, per-bucket verdicts, edit changes, top values.
use eventpen_playground::breakdown::{Breakdown, Dimension};
use eventpen_playground::columns::Bitset;
use eventpen_playground::timeline::{Bucket, Timeline, bucket_size, parse_time};
use serde_json::{Value, json};

#[test]
fn times_parse_to_epoch_seconds() {
    #[rustfmt::skip]
    let cases: Vec<(&str, Option<i64>)> = vec![
        ("1970-01-01T00:00:00Z", Some(0)),
        ("2026-11-03T14:05:00Z", Some(1_793_714_700)),
        ("2026-11-03T14:05:00.123Z", Some(1_793_714_700)),
        ("2026-11-03T16:05:00+02:00", Some(1_793_714_700)),
        ("2026-11-03T09:05:00-05:00", Some(1_793_714_700)),
        ("2024-02-29T00:00:00Z", Some(1_709_164_800)),
        ("1969-12-31T23:59:59Z", Some(-1)),
        ("2026-11-03", None),
        ("2026-13-03T14:05:00Z", None),
        ("2026-11-03T14:05:00", None),
        ("2026-11-03T14:05:00Zjunk", None),
        ("yesterday", None),
        ("", None),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_time(text), expected, "{text}");
    }
}

#[test]
fn bucket_size_follows_the_span() {
    #[rustfmt::skip]
    let cases = [(0, 60), (3_000, 60), (4_320, 300), (5 * 3_600, 300), (12 * 3_600, 900),
        (24 * 3_600, 3_600), (2 * 86_400, 3_600), (7 * 86_400, 10_800), (30 * 86_400, 43_200),
        (365 * 86_400, 86_400)];
    for (span, size) in cases {
        assert_eq!(bucket_size(span), size, "span {span}");
    }
}

/// One case: times, verdicts now, verdicts before, and the expected (start, buckets, untimed).
type BucketCase = (
    Vec<Option<i64>>,
    Vec<bool>,
    Option<Vec<bool>>,
    Option<(i64, Vec<Bucket>, Bucket)>,
);
/// One case: verdicts before, now, and (added, removed).
type ChangeCase = (Vec<bool>, Vec<bool>, (usize, usize));
/// One case: index, dimension, top (value, count), distinct, missing.
type DimensionCase = (usize, Dimension, Vec<(String, usize)>, usize, usize);

fn b(matched: usize, not_matched: usize, added: usize, removed: usize) -> Bucket {
    Bucket {
        matched,
        not_matched,
        added,
        removed,
    }
}

#[test]
fn buckets_count_verdicts_and_changes() {
    let minute = |m: i64| Some(1_000_020 + m * 60);
    #[rustfmt::skip]
    let cases: Vec<BucketCase> = vec![
        (vec![], vec![], None, None),
        (vec![None, None], vec![true, false], None, None),
        (vec![minute(0)], vec![true], None, Some((1_000_020, vec![b(1, 0, 0, 0)], b(0, 0, 0, 0)))),
        (vec![minute(0), minute(2), minute(0), None], vec![true, false, false, true], None,
            Some((1_000_020, vec![b(1, 1, 0, 0), b(0, 0, 0, 0), b(0, 1, 0, 0)], b(1, 0, 0, 0)))),
        (vec![minute(0), minute(1), minute(1)], vec![true, false, true], Some(vec![false, true, true]),
            Some((1_000_020, vec![b(1, 0, 1, 0), b(1, 1, 0, 1)], b(0, 0, 0, 0)))),
    ];
    for (times, now, before, expected) in cases {
        let before_bits = before.as_deref().map(Bitset::from_bools);
        let timeline = Timeline::build(&times, &Bitset::from_bools(&now), before_bits.as_ref());
        let got = timeline.map(|t| (t.start, t.buckets, t.untimed));
        assert_eq!(got, expected, "{times:?} {now:?}");
    }
}

#[test]
fn ranges_cover_whole_buckets() {
    let times = [Some(0), Some(3_600 * 10)];
    let verdicts = Bitset::from_bools(&[true, false]);
    let timeline = Timeline::build(&times, &verdicts, None).unwrap_or_else(|| panic!("timed"));
    assert_eq!(timeline.bucket_seconds, 900);
    #[rustfmt::skip]
    let cases = [((0, 0), 0, 900), ((3, 1), 900, 3_600), ((40, 40), 36_000, 36_900)];
    for ((from, to), start, end) in cases {
        let range = timeline.range(from, to);
        assert_eq!((range.start, range.end), (start, end), "{from}..{to}");
    }
    assert!(timeline.range(0, 0).contains(Some(899)));
    assert!(!timeline.range(0, 0).contains(Some(900)));
    assert!(!timeline.range(0, 40).contains(None));
    assert_eq!((timeline.peak(), timeline.totals().matched), (1, 1));
}

#[test]
fn change_counts_added_and_removed() {
    #[rustfmt::skip]
    let cases: Vec<ChangeCase> = vec![
        (vec![], vec![], (0, 0)),
        (vec![true, false], vec![true, false], (0, 0)),
        (vec![false, false, true], vec![true, true, false], (2, 1)),
    ];
    for (before, now, expected) in cases {
        let (before, now) = (Bitset::from_bools(&before), Bitset::from_bools(&now));
        let change = (now.count_and_not(&before), before.count_and_not(&now));
        assert_eq!(change, expected, "{before:?} → {now:?}");
    }
}

fn user(name: &str) -> Value {
    json!({"type": "IAMUser", "userName": name, "arn": format!("arn:aws:iam::1:user/{name}")})
}

fn role(name: &str) -> Value {
    json!({"type": "AssumedRole", "arn": "arn:aws:sts::1:assumed-role/r/s",
        "sessionContext": {"sessionIssuer": {"type": "Role", "userName": name}}})
}

#[test]
fn principal_is_the_user_or_role_behind_the_identity() {
    #[rustfmt::skip]
    let cases: Vec<(Value, Option<(&str, &str)>)> = vec![
        (user("alice"), Some(("detail.userIdentity.userName", "alice"))),
        (role("deployer"), Some(("detail.userIdentity.sessionContext.sessionIssuer.userName", "deployer"))),
        (json!({"type": "AssumedRole", "arn": "arn:aws:sts::1:assumed-role/r/s"}), Some(("detail.userIdentity.arn", "arn:aws:sts::1:assumed-role/r/s"))),
        (json!({"type": "AWSService", "invokedBy": "ec2.amazonaws.com"}), Some(("detail.userIdentity.type", "AWSService"))),
        (json!({"userName": ""}), None),
        (json!(null), None),
    ];
    for (identity, expected) in cases {
        let event = json!({"detail": {"userIdentity": identity}});
        let got = Dimension::Principal
            .value_of(&event)
            .map(|(path, v)| (path.join("."), v));
        assert_eq!(
            got.as_ref().map(|(p, v)| (p.as_str(), *v)),
            expected,
            "{event}"
        );
    }
}

fn event(name: &str, identity: Value, region: &str, error: Option<&str>) -> Value {
    let mut detail =
        json!({"eventName": name, "userIdentity": identity, "sourceIPAddress": "10.0.0.1"});
    if let Some(error) = error {
        detail["errorCode"] = json!(error);
    }
    json!({"account": "111122223333", "region": region, "detail": detail})
}

#[test]
fn breakdown_counts_top_values_per_dimension() {
    let events = [
        event("RunInstances", user("alice"), "us-east-1", None),
        event(
            "RunInstances",
            role("deployer"),
            "us-east-1",
            Some("AccessDenied"),
        ),
        event("StopInstances", user("alice"), "eu-west-1", None),
        event("RunInstances", user("bob"), "us-east-1", None),
        json!({"source": "my.app"}),
    ];
    let breakdown = Breakdown::collect(&events, 2);
    assert_eq!(breakdown.events, 5);
    let rows = |d: usize| -> Vec<(String, usize)> {
        breakdown.dimensions[d]
            .top
            .iter()
            .map(|t| (t.value.clone(), t.count))
            .collect()
    };
    let own = |pairs: &[(&str, usize)]| -> Vec<(String, usize)> {
        pairs.iter().map(|(v, c)| (v.to_string(), *c)).collect()
    };
    #[rustfmt::skip]
    let cases: Vec<DimensionCase> = vec![
        (0, Dimension::EventName, own(&[("RunInstances", 3), ("StopInstances", 1)]), 2, 1),
        (1, Dimension::Principal, own(&[("alice", 2), ("bob", 1)]), 3, 1),
        (2, Dimension::Account, own(&[("111122223333", 4)]), 1, 1),
        (3, Dimension::Region, own(&[("us-east-1", 3), ("eu-west-1", 1)]), 2, 1),
        (4, Dimension::SourceIp, own(&[("10.0.0.1", 4)]), 1, 1),
        (5, Dimension::ErrorCode, own(&[("AccessDenied", 1)]), 1, 4),
    ];
    for (d, dimension, top, distinct, missing) in cases {
        let counts = &breakdown.dimensions[d];
        assert_eq!(
            (counts.dimension, rows(d), counts.distinct, counts.missing),
            (dimension, top, distinct, missing)
        );
    }
    assert_eq!(
        breakdown.dimensions[1].top[0].path,
        ["detail", "userIdentity", "userName"]
    );
}
