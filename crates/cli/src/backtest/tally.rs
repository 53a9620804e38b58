//! What a backtest counts, per file and then merged. Merging is associative and keeps input
//! order, so any split of the work across cores gives the same result.

use serde_json::Value;
use std::collections::BTreeMap;

/// Counts by a key (day, event name, principal, …), ordered by key.
pub type Counts = BTreeMap<String, u64>;

/// A matched event and where it was read.
#[derive(Debug, Clone)]
pub struct Sample {
    /// The file's path as shown.
    pub file: String,
    /// The record's path in the file (`Records[12]`).
    pub path: String,
    /// The EventBridge event.
    pub event: Value,
}

/// A record that could not be read.
#[derive(Debug, Clone)]
pub struct Unreadable {
    /// The problem as printed: `FILE LINE:COLUMN: PATH: message`.
    pub text: String,
}

/// Everything counted so far.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// Files read to the end (or to a problem that ended them).
    pub files: u64,
    /// Bytes as stored (compressed for gzip files).
    pub stored_bytes: u64,
    /// Bytes of JSON text after gunzip.
    pub text_bytes: u64,
    /// Events read (CloudTrail records converted to EventBridge events).
    pub records: u64,
    /// Events the rule receives in its state and the pattern matches.
    pub matches: u64,
    /// Events the pattern matches that are read-only: counted in `matches` only for rules in
    /// state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS.
    pub read_only_matches: u64,
    /// Matches per day or hour of `time`.
    pub by_time: Counts,
    /// Matches per `detail.eventName`.
    pub by_event_name: Counts,
    /// Matches per principal (`detail.userIdentity.arn`, else its `principalId`, else its `type`).
    pub by_principal: Counts,
    /// Matches per `account / region`.
    pub by_account_region: Counts,
    /// The first matches, in input order.
    pub samples: Vec<Sample>,
    /// Records or files that could not be read, in input order (at most `keep` listed).
    pub unreadable: Vec<Unreadable>,
    /// How many problems there were, listed or not.
    pub unreadable_count: u64,
}

/// How much of each list to keep.
#[derive(Debug, Clone, Copy)]
pub struct Keep {
    /// Matched events kept as samples.
    pub samples: usize,
    /// Problems listed.
    pub problems: usize,
}

/// Time bucket of an event's `time` (`2026-11-03T14:05:00Z`): the day, or the day and hour.
pub fn time_bucket(event: &Value, by_hour: bool) -> String {
    let time = event.get("time").and_then(Value::as_str).unwrap_or("");
    let length = if by_hour { 13 } else { 10 };
    match time.get(..length) {
        Some(bucket) if by_hour => format!("{bucket}h"),
        Some(bucket) => bucket.to_string(),
        None => String::from("(no time)"),
    }
}

/// Who made the call, as people would name them.
pub fn principal(event: &Value) -> String {
    let identity = &event["detail"]["userIdentity"];
    ["arn", "principalId", "type"]
        .iter()
        .find_map(|key| identity.get(*key).and_then(Value::as_str))
        .unwrap_or("(no userIdentity)")
        .to_string()
}

/// Whether EventBridge delivers this event only to rules in state
/// ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS (spec §1.4: `detail.readOnly == true`).
pub fn is_read_only(event: &Value) -> bool {
    event["detail"]["readOnly"] == Value::Bool(true)
}

impl Tally {
    /// Counts one delivered match.
    pub fn count_match(&mut self, event: &Value, by_hour: bool) {
        self.matches += 1;
        let text = |value: &Value| value.as_str().unwrap_or("(none)").to_string();
        bump(&mut self.by_time, time_bucket(event, by_hour));
        bump(&mut self.by_event_name, text(&event["detail"]["eventName"]));
        bump(&mut self.by_principal, principal(event));
        let place = format!("{} / {}", text(&event["account"]), text(&event["region"]));
        bump(&mut self.by_account_region, place);
    }

    /// Adds `later`, which covers files after this tally's, keeping the first `keep` of each list.
    pub fn merge(mut self, later: Tally, keep: Keep) -> Tally {
        self.files += later.files;
        self.stored_bytes += later.stored_bytes;
        self.text_bytes += later.text_bytes;
        self.records += later.records;
        self.matches += later.matches;
        self.read_only_matches += later.read_only_matches;
        for (mine, theirs) in [
            (&mut self.by_time, later.by_time),
            (&mut self.by_event_name, later.by_event_name),
            (&mut self.by_principal, later.by_principal),
            (&mut self.by_account_region, later.by_account_region),
        ] {
            for (key, count) in theirs {
                *mine.entry(key).or_insert(0) += count;
            }
        }
        let room = keep.samples.saturating_sub(self.samples.len());
        self.samples.extend(later.samples.into_iter().take(room));
        let room = keep.problems.saturating_sub(self.unreadable.len());
        self.unreadable
            .extend(later.unreadable.into_iter().take(room));
        self.unreadable_count += later.unreadable_count;
        self
    }
}

fn bump(counts: &mut Counts, key: String) {
    *counts.entry(key).or_insert(0) += 1;
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys() {
        #[rustfmt::skip]
        let cases = [
            (json!({"time": "2026-11-03T14:05:00Z"}), false, "2026-11-03"),
            (json!({"time": "2026-11-03T14:05:00Z"}), true, "2026-11-03T14h"),
            (json!({}), false, "(no time)"),
        ];
        for (event, by_hour, want) in cases {
            assert_eq!(time_bucket(&event, by_hour), want, "{event}");
        }
        #[rustfmt::skip]
        let principals = [
            (json!({"detail": {"userIdentity": {"type": "IAMUser", "arn": "arn:aws:iam::1:user/a"}}}), "arn:aws:iam::1:user/a"),
            (json!({"detail": {"userIdentity": {"type": "AWSService", "principalId": "p"}}}), "p"),
            (json!({"detail": {"userIdentity": {"type": "AWSService"}}}), "AWSService"),
            (json!({"detail": {}}), "(no userIdentity)"),
        ];
        for (event, want) in principals {
            assert_eq!(principal(&event), want, "{event}");
        }
    }

    #[test]
    fn merging_keeps_input_order_and_limits() {
        let keep = Keep {
            samples: 2,
            problems: 1,
        };
        let tally = |file_index: usize, samples: usize| Tally {
            matches: samples as u64,
            samples: (0..samples)
                .map(|i| Sample {
                    file: format!("f{file_index}"),
                    path: format!("Records[{i}]"),
                    event: json!(null),
                })
                .collect(),
            unreadable: vec![Unreadable {
                text: format!("f{file_index}"),
            }],
            unreadable_count: 1,
            by_event_name: Counts::from([(String::from("X"), samples as u64)]),
            ..Tally::default()
        };
        let merged = tally(0, 1).merge(tally(1, 3), keep);
        let places: Vec<String> = merged
            .samples
            .iter()
            .map(|s| format!("{}:{}", s.file, s.path))
            .collect();
        assert_eq!(places, ["f0:Records[0]", "f1:Records[0]"]);
        assert_eq!(
            (
                merged.matches,
                merged.unreadable.len(),
                merged.unreadable_count
            ),
            (4, 1, 2)
        );
        assert_eq!(merged.by_event_name["X"], 4);
    }
}
