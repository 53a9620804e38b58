//! CloudTrail Lake `get-query-results`: rows of one-key maps, every value a string, only the
//! selected columns. A row becomes a partial CloudTrail record: typed back where the type is
//! known, `eventTime` made ISO-8601, and the caller told which envelope fields are missing.

use serde_json::{Map, Value};

/// Columns CloudTrail Lake returns as strings that are booleans in a CloudTrail record.
const BOOLEAN_COLUMNS: &[&str] = &[
    "readOnly",
    "managementEvent",
    "sessionCredentialFromConsole",
];

/// A Lake row (`[{"eventName":"AssumeRole"},{"eventTime":"2022-02-08 19:54:44.000"}]`) → a
/// partial record. `Err` when the row is not a list of objects.
pub(crate) fn record_from_row(row: Value) -> Result<Map<String, Value>, String> {
    let Value::Array(cells) = row else {
        return Err("a CloudTrail Lake row must be a list of one-key objects".to_string());
    };
    let mut record = Map::new();
    for cell in cells {
        let Value::Object(cell) = cell else {
            return Err("a CloudTrail Lake row must be a list of one-key objects".to_string());
        };
        for (column, value) in cell {
            let value = typed(&column, value);
            record.insert(column, value);
        }
    }
    Ok(record)
}

/// A Lake cell's value as the CloudTrail record would have it.
fn typed(column: &str, value: Value) -> Value {
    let Value::String(text) = value else {
        return value;
    };
    if BOOLEAN_COLUMNS.contains(&column) {
        match text.as_str() {
            "true" => return Value::Bool(true),
            "false" => return Value::Bool(false),
            _ => {}
        }
    }
    if column == "eventTime" {
        return Value::String(iso_event_time(&text));
    }
    let trimmed = text.trim_start();
    if (trimmed.starts_with('{') || trimmed.starts_with('['))
        && let Ok(parsed) = serde_json::from_str::<Value>(&text)
    {
        return parsed;
    }
    Value::String(text)
}

/// `2022-02-08 19:54:44.000` → `2022-02-08T19:54:44Z`, as CloudTrail writes `eventTime`.
/// Anything else is kept as it is.
pub(crate) fn iso_event_time(text: &str) -> String {
    let bytes = text.as_bytes();
    let looks_like_lake = bytes.len() >= 19
        && bytes[10] == b' '
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && bytes[11..19].iter().enumerate().all(|(i, b)| {
            if i == 2 || i == 5 {
                *b == b':'
            } else {
                b.is_ascii_digit()
            }
        });
    if looks_like_lake {
        format!("{}T{}Z", &text[..10], &text[11..19])
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn event_times() {
        let cases = [
            ("2022-02-08 19:54:44.000", "2022-02-08T19:54:44Z"),
            ("2022-02-08 19:54:44", "2022-02-08T19:54:44Z"),
            ("2022-02-08T19:54:44Z", "2022-02-08T19:54:44Z"),
            ("yesterday", "yesterday"),
        ];
        for (lake, want) in cases {
            assert_eq!(iso_event_time(lake), want, "{lake}");
        }
    }

    #[test]
    fn rows_become_records() {
        #[rustfmt::skip]
        let cases: Vec<(Value, Result<&str, &str>)> = vec![
            (json!([{"eventName": "AssumeRole"}, {"eventTime": "2022-02-08 19:54:44.000"}]),
             Ok(r#"{"eventName":"AssumeRole","eventTime":"2022-02-08T19:54:44Z"}"#)),
            (json!([{"readOnly": "true"}, {"managementEvent": "false"}, {"requestParameters": "{\"a\":1}"}]),
             Ok(r#"{"readOnly":true,"managementEvent":false,"requestParameters":{"a":1}}"#)),
            (json!([{"userIdentity": "{type=IAMUser, principalid=AIDA}"}]),
             Ok(r#"{"userIdentity":"{type=IAMUser, principalid=AIDA}"}"#)),
            (json!({"eventName": "x"}), Err("a CloudTrail Lake row must be a list of one-key objects")),
            (json!(["x"]), Err("a CloudTrail Lake row must be a list of one-key objects")),
        ];
        for (row, want) in cases {
            let got = record_from_row(row.clone()).map(|r| Value::Object(r).to_string());
            assert_eq!(got.as_deref().map_err(String::as_str), want, "{row}");
        }
    }
}
