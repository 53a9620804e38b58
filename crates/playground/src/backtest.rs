//! Backtest results (`eventpen backtest --output json`: counts of matches per day or hour and
//! per value, no events) as the same timeline and breakdown the loaded events give, so months
//! of history can be looked at in the browser without loading them.
//!
//! Why a reader here: the report's keys are text made by the CLI ("2026-11-03",
//! "2026-11-03T14h", "111122223333 / us-east-1", a principal's ARN); turning them back into
//! times and event fields is a pure function, tested in tables with the CLI's own shapes.
use crate::breakdown::{Breakdown, DIMENSIONS, Dimension, DimensionCounts, TopValue};
use crate::timeline::{Bucket, Timeline, parse_time};
use serde_json::{Map, Value};

/// Top values kept per dimension.
const TOP: usize = 5;
/// The most buckets drawn; a longer hourly report is drawn per day.
const MAX_BUCKETS: i64 = 2_000;

/// A backtest report, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BacktestView {
    /// The pattern it was run with.
    pub pattern: String,
    /// Records read.
    pub records: u64,
    /// Records that matched.
    pub matches: u64,
    /// The report stopped early (partial counts).
    pub interrupted: bool,
    /// Matches per day or hour (not-matched counts are not in a report: always 0).
    pub timeline: Option<Timeline>,
    /// Top values among the matches (eventName, principal, account, region).
    pub breakdown: Breakdown,
}

/// Read the JSON a backtest wrote. The error says what is wrong and where (line:column or
/// the missing key).
pub fn read_report(text: &str) -> Result<BacktestView, String> {
    let report: Value = serde_json::from_str(text)
        .map_err(|e| format!("not JSON at line {}:{}: {e}", e.line(), e.column()))?;
    let object = report
        .as_object()
        .ok_or("a backtest report is a JSON object at the top level")?;
    let counts = |key: &str| -> Result<&Map<String, Value>, String> {
        object.get(key).and_then(Value::as_object).ok_or_else(|| {
            format!(
                "no object at \"{key}\": is this the output of eventpen backtest --output json?"
            )
        })
    };
    let number = |key: &str| object.get(key).and_then(Value::as_u64).unwrap_or(0);
    let by_time = counts("matches_by_time")?;
    let hourly = object.get("by").and_then(Value::as_str) == Some("hour");
    let mut dimensions: Vec<DimensionCounts> = DIMENSIONS
        .iter()
        .map(|&dimension| DimensionCounts {
            dimension,
            top: Vec::new(),
            distinct: 0,
            missing: 0,
        })
        .collect();
    let index = |d: Dimension| DIMENSIONS.iter().position(|x| *x == d).unwrap_or(0);
    dimensions[index(Dimension::EventName)] = top_values(
        Dimension::EventName,
        counts("matches_by_event_name")?
            .iter()
            .map(|(k, v)| (k.clone(), count(v))),
    );
    dimensions[index(Dimension::Principal)] = top_values(
        Dimension::Principal,
        counts("matches_by_principal")?
            .iter()
            .map(|(k, v)| (k.clone(), count(v))),
    );
    let places = counts("matches_by_account_region")?;
    let split = |part: usize| {
        places.iter().map(move |(k, v)| {
            let piece = k.split(" / ").nth(part).unwrap_or("(none)").to_string();
            (piece, count(v))
        })
    };
    dimensions[index(Dimension::Account)] = top_values(Dimension::Account, split(0));
    dimensions[index(Dimension::Region)] = top_values(Dimension::Region, split(1));
    Ok(BacktestView {
        pattern: object
            .get("pattern")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        records: number("records"),
        matches: number("matches"),
        interrupted: object.get("interrupted") == Some(&Value::Bool(true)),
        timeline: timeline(by_time, hourly),
        breakdown: Breakdown {
            events: usize::try_from(number("matches")).unwrap_or(usize::MAX),
            dimensions,
        },
    })
}

fn count(value: &Value) -> usize {
    value
        .as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(0)
}

/// The start of a bucket key: "2026-11-03" (a day) or "2026-11-03T14h" (an hour).
pub fn bucket_start(key: &str) -> Option<i64> {
    match key.len() {
        10 => parse_time(&format!("{key}T00:00:00Z")),
        14 if key.ends_with('h') => parse_time(&format!("{}:00:00Z", &key[..13])),
        _ => None,
    }
}

fn timeline(by_time: &Map<String, Value>, hourly: bool) -> Option<Timeline> {
    let mut size: i64 = if hourly { 3_600 } else { 86_400 };
    let timed: Vec<(i64, usize)> = by_time
        .iter()
        .filter_map(|(k, v)| Some((bucket_start(k)?, count(v))))
        .collect();
    let first = timed.iter().map(|t| t.0).min()?;
    let last = timed.iter().map(|t| t.0).max()?;
    if (last - first) / size >= MAX_BUCKETS {
        size = 86_400;
    }
    let start = first.div_euclid(size) * size;
    let buckets = usize::try_from((last - start) / size + 1).ok()?;
    let mut timeline = Timeline {
        start,
        bucket_seconds: size,
        buckets: vec![Bucket::default(); buckets],
        untimed: Bucket::default(),
    };
    for (time, matched) in timed {
        let index = timeline.index_of(time);
        timeline.buckets[index].matched += matched;
    }
    timeline.untimed.matched = by_time
        .iter()
        .filter(|(k, _)| bucket_start(k).is_none())
        .map(|(_, v)| count(v))
        .sum();
    Some(timeline)
}

/// The top values of one dimension from `(value, count)` pairs (a value may come twice: the
/// account of two regions). A value the CLI wrote for "nothing there" gets no field, so no
/// condition can be made from it.
fn top_values(
    dimension: Dimension,
    pairs: impl Iterator<Item = (String, usize)>,
) -> DimensionCounts {
    let mut merged: Vec<(String, usize)> = Vec::new();
    for (value, n) in pairs {
        match merged.iter_mut().find(|(v, _)| *v == value) {
            Some(slot) => slot.1 += n,
            None => merged.push((value, n)),
        }
    }
    let missing: usize = merged
        .iter()
        .filter(|(v, _)| v.starts_with('('))
        .map(|(_, n)| n)
        .sum();
    merged.retain(|(v, _)| !v.starts_with('('));
    merged.sort_by(|(a, x), (b, y)| y.cmp(x).then(a.cmp(b)));
    let path = |value: &str| -> Vec<String> {
        let keys: &[&str] = match dimension {
            Dimension::EventName => &["detail", "eventName"],
            Dimension::Principal if value.starts_with("arn:") => &["detail", "userIdentity", "arn"],
            Dimension::Principal => &[],
            Dimension::Account => &["account"],
            Dimension::Region => &["region"],
            Dimension::SourceIp => &["detail", "sourceIPAddress"],
            Dimension::ErrorCode => &["detail", "errorCode"],
        };
        keys.iter().map(|s| s.to_string()).collect()
    };
    DimensionCounts {
        dimension,
        distinct: merged.len(),
        missing,
        top: merged
            .into_iter()
            .take(TOP)
            .map(|(value, count)| TopValue {
                path: path(&value),
                value,
                count,
            })
            .collect(),
    }
}
