use super::*;
use crate::timeline::TimeRange;

/// Three JSON Lines events: RunInstances (us-east-1, 12:00), StopInstances (eu-west-1, 13:00,
/// read-only) and PutObject (eu-west-1, no time).
const EVENTS: &str = r#"{"source":"aws.ec2","detail-type":"AWS API Call via CloudTrail","account":"1","region":"us-east-1","time":"2024-05-01T12:00:00Z","detail":{"eventName":"RunInstances"}}
{"source":"aws.ec2","detail-type":"AWS API Call via CloudTrail","account":"1","region":"eu-west-1","time":"2024-05-01T13:00:00Z","detail":{"eventName":"StopInstances","readOnly":true}}
{"source":"aws.s3","detail-type":"AWS API Call via CloudTrail","account":"1","region":"eu-west-1","detail":{"eventName":"PutObject"}}"#;

fn loaded() -> Session {
    let mut session = Session::default();
    session.add_text(1, "events.jsonl", EVENTS.as_bytes(), false);
    session
}

/// (filter, range, offset, count, total, titles)
type WindowCase = (
    ListFilter,
    Option<TimeRange>,
    usize,
    usize,
    usize,
    &'static [&'static str],
);

/// The session's verdicts packed 32 a word (event `i` at bit `i % 32` of word `i / 32`).
fn verdict_words(session: &Session) -> Vec<u32> {
    let mut words = vec![0u32; session.event_count().div_ceil(32)];
    for i in session.bits.iter().flat_map(Bitset::ones_iter) {
        words[i / 32] |= 1 << (i % 32);
    }
    words
}

fn titles(page: &RowsPage) -> Vec<&str> {
    page.rows.iter().map(|r| r.title.as_str()).collect()
}

#[test]
fn counts_and_bits_follow_the_pattern() {
    // (pattern, matched, has verdicts, stale, bits)
    let cases: [(&str, usize, bool, bool, Vec<u32>); 5] = [
        ("", 0, false, false, vec![0]),
        (r#"{"source": ["aws.ec2"]}"#, 2, true, false, vec![0b011]),
        (r#"{"source": ["aws.ec2"]"#, 2, true, true, vec![0b011]),
        (r#"{"region": ["eu-west-1"]}"#, 2, true, false, vec![0b110]),
        (
            r#"{"detail": {"eventName": ["PutObject"]}}"#,
            1,
            true,
            false,
            vec![0b100],
        ),
    ];
    let mut session = loaded();
    for (pattern, matched, has, stale, bits) in cases {
        session.set_pattern(pattern);
        let view = session.evaluate(None);
        assert_eq!((view.total, view.matched), (3, matched), "{pattern}");
        assert_eq!(session.charts(None).is_some(), has, "{pattern}");
        assert_eq!((view.has_verdicts, view.stale), (has, stale), "{pattern}");
        assert_eq!(verdict_words(&session), bits, "{pattern}");
    }
}

#[test]
fn a_broken_text_first_has_no_verdicts_and_an_error() {
    let mut session = loaded();
    session.set_pattern(r#"{"source": "aws.ec2"}"#);
    let view = session.evaluate(None);
    assert!(!view.has_verdicts);
    assert_eq!(session.charts(None), None);
    let codes: Vec<&str> = view.listed.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(codes, ["scalar-leaf"]);
}

#[test]
fn windows_of_filtered_lists() {
    let mut session = loaded();
    session.set_pattern(r#"{"source": ["aws.ec2"]}"#);
    let noon_to_one = TimeRange {
        start: 1_714_564_800,
        end: 1_714_568_400,
    };
    let cases: [WindowCase; 8] = [
        (
            ListFilter::All,
            None,
            0,
            10,
            3,
            &["RunInstances", "StopInstances", "PutObject"],
        ),
        (ListFilter::All, None, 1, 1, 3, &["StopInstances"]),
        (
            ListFilter::Matched,
            None,
            0,
            10,
            2,
            &["RunInstances", "StopInstances"],
        ),
        (ListFilter::NotMatched, None, 0, 10, 1, &["PutObject"]),
        (
            ListFilter::All,
            Some(noon_to_one),
            0,
            10,
            1,
            &["RunInstances"],
        ),
        (ListFilter::Matched, None, 5, 10, 2, &[]),
        (ListFilter::All, None, 2, 10, 3, &["PutObject"]),
        (ListFilter::All, None, 7, 10, 3, &[]),
    ];
    for (filter, range, offset, count, total, want) in cases {
        let page = session.rows(filter, range, offset, count);
        assert_eq!(page.total, total, "{filter:?} {offset}");
        assert_eq!(titles(&page), want, "{filter:?} {offset}");
    }
}

#[test]
fn the_event_list_rows_are_every_event_without_reasons() {
    let mut session = loaded();
    session.set_pattern(r#"{"detail": {"eventName": ["RunInstances"]}}"#);
    let page = session.event_list_rows(1, 5);
    assert_eq!((page.total, page.offset), (3, 1));
    assert_eq!(titles(&page), ["StopInstances", "PutObject"]);
    assert!(page.rows.iter().all(|row| row.reasons.is_empty()));
    let explained = session.rows(ListFilter::All, None, 1, 5);
    assert!(explained.rows.iter().all(|row| !row.reasons.is_empty()));
}

#[test]
fn non_matching_rows_say_why_and_details_mark_fields() {
    let mut session = loaded();
    session.set_pattern(r#"{"detail": {"eventName": ["RunInstances"]}}"#);
    let page = session.rows(ListFilter::NotMatched, None, 0, 1);
    assert!(
        page.rows[0].reasons[0].contains("StopInstances"),
        "{:?}",
        page.rows[0]
    );
    let detail = session.event(1).expect("event 1 is loaded");
    assert_eq!(detail.row.verdict, Some(false));
    assert_eq!(
        detail.highlights,
        [(vec!["detail".to_string(), "eventName".to_string()], false)]
    );
    assert!(session.event(3).is_none());
}

#[test]
fn derived_facts_of_the_workspace() {
    let mut session = loaded();
    session.set_pattern(r#"{"region": ["eu-west-1"]}"#);
    let view = session.evaluate(None);
    assert_eq!(view.account.as_deref(), Some("1"));
    assert_eq!(view.region.as_deref(), Some("eu-west-1"));
    assert!(view.read_only_matched);
    let preview = session.preview();
    assert_eq!(preview.len(), 2);
    assert_eq!(
        preview.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
        session.preview_indices()
    );
    let charts = session.charts(None).expect("there are verdicts");
    let timeline = charts.timeline.expect("two events have a time");
    assert_eq!(timeline.untimed.matched, 1);
    assert!(!charts.breakdown.dimensions.is_empty());
}

#[test]
fn the_change_mark_counts_what_an_edit_added_and_removed() {
    let mut session = loaded();
    session.set_pattern(r#"{"source": ["aws.ec2"]}"#);
    let change = |session: &Session| session.charts(None).and_then(|c| c.change);
    assert_eq!(change(&session), None);
    session.set_pattern(r#"{"region": ["eu-west-1"]}"#);
    let (added, removed, _) = change(&session).expect("an edit changed the matches");
    assert_eq!((added, removed), (1, 1));
}

#[test]
fn range_counts_and_facets_in_range() {
    let mut session = loaded();
    session.set_pattern(r#"{"source": ["aws.ec2"]}"#);
    let noon_to_two = TimeRange {
        start: 1_714_564_800,
        end: 1_714_572_000,
    };
    assert_eq!(session.evaluate(Some(noon_to_two)).in_range, Some((2, 2)));
    let facets = session.facets(Some(noon_to_two)).facets;
    assert_eq!(facets.event_count(), 2);
    assert!(
        session
            .facets(None)
            .paths
            .contains(&vec!["detail".to_string(), "eventName".to_string()])
    );
}

#[test]
fn inputs_are_added_once_removed_by_id_and_loaded_in_chunks() {
    let mut session = loaded();
    let again = session.add_text(2, "events.jsonl", EVENTS.as_bytes(), false);
    assert_eq!(
        again,
        AddOutcome::Duplicate {
            name: "events.jsonl".into()
        }
    );
    let mut load = ChunkedLoad::new(3, "more.jsonl", EVENTS.len(), false);
    let (first, rest) = EVENTS.as_bytes().split_at(100);
    assert_eq!(
        load.push(first),
        LoadProgress {
            bytes: 100,
            total: EVENTS.len()
        }
    );
    load.push(rest);
    let AddOutcome::Added(summary) = load.finish(&mut session) else {
        panic!("a different name is a new input");
    };
    assert_eq!((summary.id, summary.events), (3, 3));
    assert_eq!(session.event_count(), 6);
    assert!(session.retain_inputs(&[3]));
    assert_eq!(session.event_count(), 3);
    assert!(!session.retain_inputs(&[3]));
    assert_eq!(session.inputs()[0].name, "more.jsonl");
}

#[test]
fn problems_are_reported_per_input() {
    let mut session = Session::default();
    let AddOutcome::Added(summary) = session.add_text(1, "bad.json", b"{\"a\": ", false) else {
        panic!("a broken input is still an input");
    };
    assert_eq!(summary.events, 0);
    assert!(
        summary
            .problems
            .iter()
            .any(|p| p.is_error && p.text.contains("bad.json"))
    );
}

#[test]
fn a_batch_of_inputs_is_ingested_with_one_rebuild() {
    let mut session = Session::default();
    let one = br#"{"source": "a", "detail-type": "X", "detail": {}}"#;
    let outcomes = session.add_texts(&[
        (1, "a.json", one, false),
        (2, "a.json", one, false),
        (3, "b.json", one, true),
    ]);
    let added: Vec<(u32, bool)> = outcomes
        .iter()
        .map(|(id, o)| (*id, matches!(o, AddOutcome::Added(_))))
        .collect();
    assert_eq!(added, [(1, true), (2, false), (3, true)]);
    assert_eq!(session.event_count(), 2);
    assert_eq!(session.facets(None).facets.event_count(), 2);
}

#[test]
fn a_log_file_streams_in_and_reads_like_the_same_records_ingested_whole() {
    let trail = eventpen_gen::Trail::new(9, 400);
    let records: Vec<serde_json::Value> = (0..400).map(|i| trail.record(i)).collect();
    // A log file takes the streaming path; the same records as a bare array go through ingest.
    let log_file = serde_json::json!({ "Records": records }).to_string();
    let array = serde_json::Value::Array(records.clone()).to_string();
    let mut streamed = Session::default();
    streamed.add_text(1, "trail.json", log_file.as_bytes(), false);
    let mut whole = Session::default();
    whole.add_text(1, "records.json", array.as_bytes(), false);
    for pattern in [
        r#"{"source": ["aws.ec2"], "detail": {"eventName": ["RunInstances"]}}"#,
        r#"{"detail": {"errorCode": [{"exists": true}], "readOnly": [false]}}"#,
        r#"{"detail": {"userIdentity": {"sessionContext": {"sessionIssuer": {"userName": [{"prefix": "Dev"}]}}}}}"#,
    ] {
        streamed.set_pattern(pattern);
        whole.set_pattern(pattern);
        let (a, b) = (streamed.evaluate(None), whole.evaluate(None));
        assert_eq!(
            (a.total, a.matched, verdict_words(&streamed)),
            (b.total, b.matched, verdict_words(&whole)),
            "{pattern}"
        );
        assert_eq!(a.read_only_matched, b.read_only_matched, "{pattern}");
        assert_eq!(a.clause_counts, b.clause_counts, "{pattern}");
    }
    assert_eq!(streamed.event_count(), 400);
    // The original text is the record as written, and the event is the same.
    let (a, b) = (streamed.event(7).unwrap(), whole.event(7).unwrap());
    assert_eq!(a.event, b.event);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&a.original).unwrap(),
        records[7]
    );
}

/// (pattern, events added before it, region counts among the matches)
type BreakdownCase = (
    &'static str,
    Option<&'static str>,
    Vec<(&'static str, usize)>,
);

#[test]
fn the_breakdown_follows_the_pattern_and_the_events_it_indexes() {
    let mut session = loaded();
    let region_counts = |session: &Session| -> Vec<(String, usize)> {
        let breakdown = session.charts(None).expect("there are verdicts").breakdown;
        breakdown.dimensions[3]
            .top
            .iter()
            .map(|v| (v.value.clone(), v.count))
            .collect()
    };
    let cases: [BreakdownCase; 3] = [
        (
            r#"{"source": ["aws.ec2"]}"#,
            None,
            vec![("eu-west-1", 1), ("us-east-1", 1)],
        ),
        (
            r#"{"account": ["1"]}"#,
            None,
            vec![("eu-west-1", 2), ("us-east-1", 1)],
        ),
        (
            r#"{"account": ["1"]}"#,
            Some(
                r#"{"source":"aws.s3","detail-type":"X","account":"1","region":"ap-south-1","detail":{}}"#,
            ),
            vec![("eu-west-1", 2), ("ap-south-1", 1), ("us-east-1", 1)],
        ),
    ];
    for (pattern, added, expected) in cases {
        if let Some(text) = added {
            session.add_text(2, "more.jsonl", text.as_bytes(), false);
        }
        session.set_pattern(pattern);
        let expected: Vec<(String, usize)> = expected
            .into_iter()
            .map(|(v, n)| (v.to_string(), n))
            .collect();
        assert_eq!(region_counts(&session), expected, "{pattern}");
    }
}

/// (ids asked for, texts given back, ids left out)
type KeptTextsCase = (
    &'static [u32],
    &'static [(u32, &'static str)],
    &'static [u32],
);

#[test]
fn kept_texts_give_small_inputs_back_by_id_and_name_the_rest() {
    let mut session = loaded();
    let large = vec![b' '; inputs::KEPT_TEXT_BYTES + 1];
    session.add_text(2, "large.json", &large, false);
    let cases: [KeptTextsCase; 4] = [
        (&[1], &[(1, EVENTS)], &[]),
        (&[2], &[], &[2]),
        (&[9], &[], &[9]),
        (&[2, 1, 9], &[(1, EVENTS)], &[2, 9]),
    ];
    for (ids, texts, left_out) in cases {
        let (got, missing) = session.kept_texts(ids);
        let got: Vec<(u32, &str)> = got.iter().map(|(id, t)| (*id, t.as_str())).collect();
        assert_eq!(
            (got.as_slice(), missing.as_slice()),
            (texts, left_out),
            "{ids:?}"
        );
    }
}
