//! Backtest reports (the CLI's JSON) read back as a timeline and a breakdown.
use eventpen_playground::backtest::{bucket_start, read_report};
use eventpen_playground::breakdown::Dimension;

const SAMPLE: &str = include_str!("../../../tests/e2e/backtest-sample.json");

#[test]
fn bucket_keys_become_times() {
    #[rustfmt::skip]
    let cases = [
        ("2026-11-03", Some(1_793_664_000)), ("2026-11-03T14h", Some(1_793_714_400)),
        ("(no time)", None), ("2026-11-03T14", None), ("", None),
    ];
    for (key, expected) in cases {
        assert_eq!(bucket_start(key), expected, "{key}");
    }
}

#[test]
fn the_sample_report_reads_as_days_and_top_values() {
    let view = read_report(SAMPLE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (view.records, view.matches, view.interrupted),
        (1_250_000, 1_830, false)
    );
    let timeline = view.timeline.unwrap_or_else(|| panic!("timed"));
    assert_eq!(
        (timeline.bucket_seconds, timeline.buckets.len()),
        (86_400, 89)
    );
    assert_eq!(
        (
            timeline.buckets[0].matched,
            timeline.buckets[3].matched,
            timeline.buckets[4].matched
        ),
        (20, 0, 410)
    );
    assert_eq!(timeline.totals().matched, 1_830);
    let top = |d: Dimension| -> Vec<(String, usize, String)> {
        let counts = view
            .breakdown
            .dimensions
            .iter()
            .find(|c| c.dimension == d)
            .unwrap_or_else(|| panic!("{d:?}"));
        counts
            .top
            .iter()
            .map(|t| (t.value.clone(), t.count, t.path.join(".")))
            .collect()
    };
    let row = |v: &str, n: usize, p: &str| (v.to_string(), n, p.to_string());
    #[rustfmt::skip]
    let cases = [
        (Dimension::EventName, vec![row("RunInstances", 1_830, "detail.eventName")]),
        (Dimension::Principal, vec![row("arn:aws:iam::111122223333:user/alice", 1_200, "detail.userIdentity.arn"),
            row("arn:aws:sts::111122223333:assumed-role/Deployer/ci", 600, "detail.userIdentity.arn"), row("AWSService", 30, "")]),
        (Dimension::Account, vec![row("111122223333", 1_800, "account"), row("444455556666", 30, "account")]),
        (Dimension::Region, vec![row("us-east-1", 1_400, "region"), row("eu-west-1", 430, "region")]),
        (Dimension::ErrorCode, vec![]),
    ];
    for (dimension, expected) in cases {
        assert_eq!(top(dimension), expected, "{dimension:?}");
    }
}

#[test]
fn hourly_reports_and_problems() {
    let hourly = r#"{"by": "hour", "matches": 3, "matches_by_time": {"2026-11-03T14h": 1, "2026-11-03T16h": 2, "(no time)": 4},
        "matches_by_event_name": {}, "matches_by_principal": {"(no userIdentity)": 3}, "matches_by_account_region": {}}"#;
    let view = read_report(hourly).unwrap_or_else(|e| panic!("{e}"));
    let timeline = view.timeline.unwrap_or_else(|| panic!("timed"));
    assert_eq!(
        (
            timeline.bucket_seconds,
            timeline.buckets.len(),
            timeline.untimed.matched
        ),
        (3_600, 3, 4)
    );
    let principal = &view.breakdown.dimensions[1];
    assert_eq!((principal.distinct, principal.missing), (0, 3));
    #[rustfmt::skip]
    let cases = [
        ("[1]", "a backtest report is a JSON object"),
        ("{\"matches\": 1}", "no object at \"matches_by_time\""),
        ("{\n  \"by\": ", "not JSON at line 2:8"),
    ];
    for (text, message) in cases {
        let error = read_report(text).err().unwrap_or_default();
        assert!(error.contains(message), "{text}: {error}");
    }
}
