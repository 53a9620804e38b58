//! Facets: values and event counts per field, search, order, the distinct-value cap, speed.
use crate::p;
use eventpen_playground::builder::Facets;
use serde_json::{Value, json};

#[test]
fn facets_count_events_per_value() {
    let events = [
        json!({"source": "aws.ec2", "detail": {"eventName": "RunInstances", "items": [{"t": "t2.micro"}, {"t": "t2.micro"}, {"t": "m5.large"}], "n": 5}}),
        json!({"source": "aws.ec2", "detail": {"eventName": "RunInstances", "items": [{"t": "t2.micro"}], "n": "5"}}),
        json!({"source": "aws.s3", "detail": {"eventName": "PutObject", "empty": [], "o": {}}}),
    ];
    let facets = Facets::collect(&events);
    let show = |path: &str| -> Vec<(String, usize)> {
        facets
            .field(&p(path))
            .map(|f| {
                f.values
                    .iter()
                    .map(|v| (v.value.to_string(), v.count))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(facets.event_count(), 3);
    #[rustfmt::skip]
    let cases: Vec<(&str, Vec<(&str, usize)>)> = vec![
        ("source", vec![(r#""aws.ec2""#, 2), (r#""aws.s3""#, 1)]),
        ("detail.eventName", vec![(r#""RunInstances""#, 2), (r#""PutObject""#, 1)]),
        ("detail.items.t", vec![(r#""t2.micro""#, 2), (r#""m5.large""#, 1)]),
        ("detail.n", vec![("5", 1), (r#""5""#, 1)]),
        ("detail.empty", vec![]),
    ];
    for (path, want) in cases {
        let want: Vec<(String, usize)> =
            want.into_iter().map(|(v, n)| (v.to_string(), n)).collect();
        assert_eq!(show(path), want, "{path}");
    }
    let paths: Vec<String> = facets.paths().iter().map(|p| p.join(".")).collect();
    assert_eq!(
        paths,
        ["source", "detail.eventName", "detail.items.t", "detail.n"]
    );
}

#[test]
fn facets_search() {
    let events = [
        json!({"source": "aws.ec2", "detail": {"eventName": "RunInstances", "userAgent": "console"}}),
        json!({"source": "aws.lambda", "detail": {"eventName": "UpdateFunctionConfiguration20150331v2"}}),
    ];
    let facets = Facets::collect(&events);
    let hits = |query: &str| -> Vec<String> {
        facets
            .search(query)
            .iter()
            .map(|h| {
                format!(
                    "{}: {}",
                    h.field.path.join("."),
                    h.values
                        .iter()
                        .map(|v| v.text())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect()
    };
    #[rustfmt::skip]
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("eventname", vec!["detail.eventName: RunInstances, UpdateFunctionConfiguration20150331v2"]),
        ("update", vec!["detail.eventName: UpdateFunctionConfiguration20150331v2"]),
        ("  CONSOLE ", vec!["detail.userAgent: console"]),
        ("zzz", vec![]),
    ];
    for (query, want) in cases {
        assert_eq!(hits(query), want, "{query}");
    }
    assert_eq!(facets.search("").len(), 3);
}

#[test]
fn facets_cap_distinct_values_and_stay_fast() {
    let events: Vec<Value> = (0..10_000)
        .map(|i| {
            let name = ["RunInstances", "StopInstances", "TerminateInstances"][i % 3];
            json!({"version": "0", "id": format!("id-{i}"), "detail-type": "AWS API Call via CloudTrail", "source": "aws.ec2",
                "account": "111122223333", "time": "2024-05-01T12:00:00Z", "region": "eu-west-1", "resources": [],
                "detail": {"eventVersion": "1.09", "eventName": name,
                    "userIdentity": {"type": "IAMUser", "userName": format!("user{}", i % 40), "accountId": "111122223333"},
                    "sourceIPAddress": format!("198.51.100.{}", i % 250), "readOnly": false,
                    "requestParameters": {"instancesSet": {"items": [{"instanceId": format!("i-{i:08x}"), "instanceType": "t2.micro"}]}},
                    "eventID": format!("e-{i}")}})
        })
        .collect();
    let started = std::time::Instant::now();
    let facets = Facets::collect(&events);
    let elapsed = started.elapsed();
    println!(
        "Facets::collect over 10,000 events: {elapsed:?} ({} fields)",
        facets.fields().len()
    );
    let ids = facets.field(&p("id"));
    assert!(ids.is_some_and(|f| f.truncated && f.values.len() == 1000 && f.all_distinct()));
    let names = facets.field(&p("detail.eventName"));
    assert!(
        names
            .is_some_and(|f| f.values.len() == 3 && f.values[0].count == 3334 && !f.all_distinct())
    );
    let order: Vec<String> = facets.fields().iter().map(|f| f.path.join(".")).collect();
    assert_eq!(order[..3], ["source", "detail-type", "detail.eventName"]);
    let position = |name: &str| order.iter().position(|o| o == name);
    assert!(
        position("region") < position("id") && position("region") < position("detail.eventID"),
        "{order:?}"
    );
    let started = std::time::Instant::now();
    let hits = facets.search("stop").len();
    println!(
        "Facets::search over them: {:?} ({hits} hits)",
        started.elapsed()
    );
}
