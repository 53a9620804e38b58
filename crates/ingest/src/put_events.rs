//! A `PutEvents` entry (`Source`, `DetailType`, `Detail` as a JSON string) → the event
//! EventBridge would deliver. What only EventBridge knows (the caller's account, the bus's
//! region, the arrival time) is filled with documented placeholders and marked derived.

use crate::mapping::derived_id;
use serde_json::{Map, Value};

/// The account a PutEvents entry's event gets: AWS's documentation example account.
pub const PLACEHOLDER_ACCOUNT: &str = "123456789012";
/// The region a PutEvents entry's event gets when nothing says otherwise.
pub const PLACEHOLDER_REGION: &str = "us-east-1";
/// The time a PutEvents entry without `Time` gets: fixed (no clock in a pure crate), so links
/// and tests stay stable.
pub const PLACEHOLDER_TIME: &str = "1970-01-01T00:00:00Z";

/// An event built from an entry.
#[derive(Debug)]
pub(crate) struct ConvertedEntry {
    pub event: Value,
    pub derived: Vec<&'static str>,
    pub warnings: Vec<String>,
}

/// Whether an object looks like a PutEvents entry.
pub(crate) fn is_put_events_entry(map: &Map<String, Value>) -> bool {
    map.contains_key("DetailType") || (map.contains_key("Source") && map.contains_key("Detail"))
}

/// Converts an entry; `Err` says why PutEvents would reject it.
pub(crate) fn convert_entry(entry: &Map<String, Value>) -> Result<ConvertedEntry, String> {
    let text = |key: &str| entry.get(key).and_then(Value::as_str);
    let missing: Vec<&str> = ["Source", "DetailType", "Detail"]
        .into_iter()
        .filter(|key| entry.get(*key).is_none_or(Value::is_null))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "this PutEvents entry has no {}: PutEvents rejects it",
            missing.join(", ")
        ));
    }
    let (Some(source), Some(detail_type)) = (text("Source"), text("DetailType")) else {
        return Err("Source and DetailType must be strings".to_string());
    };
    let mut warnings = Vec::new();
    let detail = match entry.get("Detail") {
        Some(Value::String(detail)) => match serde_json::from_str::<Value>(detail) {
            Ok(Value::Object(detail)) => Value::Object(detail),
            Ok(_) => return Err("Detail must be a JSON object (as a string)".to_string()),
            Err(error) => {
                let at = crate::json_reader::from_serde(detail, 0, &error);
                let position = eventpen_pattern::position::LineColumn::of(detail, at.offset);
                return Err(format!(
                    "Detail is not valid JSON: {} (at {position} of the string)",
                    at.message
                ));
            }
        },
        Some(Value::Object(detail)) => {
            warnings.push(
                "Detail should be a JSON string, as PutEvents takes it; EventPen read the object as is"
                    .to_string(),
            );
            Value::Object(detail.clone())
        }
        Some(_) | None => return Err("Detail must be a JSON object (as a string)".to_string()),
    };
    let mut derived = vec!["version", "id", "account", "region"];
    let time = match entry.get("Time") {
        Some(Value::String(time)) => time.clone(),
        Some(Value::Number(seconds)) => match seconds.as_f64() {
            Some(seconds) if seconds.is_finite() && seconds >= 0.0 => iso_time(seconds as u64),
            _ => return Err("Time must be a timestamp".to_string()),
        },
        _ => {
            derived.push("time");
            PLACEHOLDER_TIME.to_string()
        }
    };
    let resources = match entry.get("Resources") {
        Some(Value::Array(resources)) => Value::Array(resources.clone()),
        _ => Value::Array(Vec::new()),
    };
    let id_key = serde_json::to_string(entry).unwrap_or_default();
    let mut event = Map::new();
    event.insert("version".into(), Value::from("0"));
    event.insert("id".into(), Value::from(derived_id(&id_key)));
    event.insert("detail-type".into(), Value::from(detail_type));
    event.insert("source".into(), Value::from(source));
    event.insert("account".into(), Value::from(PLACEHOLDER_ACCOUNT));
    event.insert("time".into(), Value::from(time));
    event.insert("region".into(), Value::from(PLACEHOLDER_REGION));
    event.insert("resources".into(), resources);
    event.insert("detail".into(), detail);
    Ok(ConvertedEntry {
        event: Value::Object(event),
        derived,
        warnings,
    })
}

/// Seconds since the Unix epoch → `YYYY-MM-DDThh:mm:ssZ` (proleptic Gregorian, UTC).
pub(crate) fn iso_time(seconds: u64) -> String {
    let days = seconds / 86_400;
    let rest = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Howard Hinnant's `civil_from_days`, for days since 1970-01-01 (non-negative only).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn epoch_seconds_become_iso_times() {
        let cases = [
            (0, "1970-01-01T00:00:00Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (1_714_564_800, "2024-05-01T12:00:00Z"),
            (4_102_444_799, "2099-12-31T23:59:59Z"),
        ];
        for (seconds, want) in cases {
            assert_eq!(iso_time(seconds), want, "{seconds}");
        }
    }

    #[test]
    fn entries() {
        #[rustfmt::skip]
        let cases: Vec<(Value, Result<&str, &str>)> = vec![
            (json!({"Source": "my.app", "DetailType": "OrderCreated", "Detail": "{\"id\":1}"}),
             Ok(r#"{"version":"0","detail-type":"OrderCreated","source":"my.app","account":"123456789012","time":"1970-01-01T00:00:00Z","region":"us-east-1","resources":[],"detail":{"id":1}}"#)),
            (json!({"Source": "my.app", "DetailType": "X", "Detail": "{}", "Time": "2024-05-01T12:00:00Z", "Resources": ["arn:a"]}),
             Ok(r#"{"version":"0","detail-type":"X","source":"my.app","account":"123456789012","time":"2024-05-01T12:00:00Z","region":"us-east-1","resources":["arn:a"],"detail":{}}"#)),
            (json!({"Source": "my.app", "DetailType": "X", "Detail": "{}", "Time": 1714564800}),
             Ok(r#"{"version":"0","detail-type":"X","source":"my.app","account":"123456789012","time":"2024-05-01T12:00:00Z","region":"us-east-1","resources":[],"detail":{}}"#)),
            (json!({"Source": "my.app", "Detail": "{}"}), Err("this PutEvents entry has no DetailType: PutEvents rejects it")),
            (json!({"Source": "my.app", "DetailType": "X", "Detail": "[1]"}), Err("Detail must be a JSON object (as a string)")),
            (json!({"Source": "my.app", "DetailType": "X", "Detail": "{\"a\":}"}), Err("Detail is not valid JSON: expected value (at 1:6 of the string)")),
        ];
        for (entry, want) in cases {
            let Value::Object(map) = entry.clone() else {
                continue;
            };
            let got = convert_entry(&map).map(|c| {
                let mut event = c.event;
                if let Some(object) = event.as_object_mut() {
                    object.shift_remove("id");
                }
                event.to_string()
            });
            assert_eq!(got.as_deref().map_err(String::as_str), want, "{entry}");
        }
    }
}
