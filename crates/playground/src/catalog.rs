//! The field catalog: what the pattern editor's completion offers — every field path in the
//! loaded events with how many events have it, and its most common values with counts.
//!
//! A small serialisable summary of [`Facets`], so it can be built wherever the events live (the
//! UI thread today, a Web Worker later) and sent to the editor as JSON.
use crate::index::Facets;
use serde::{Deserialize, Serialize};

/// Values kept per field: enough to pick from, small enough to send on every change of events.
pub const VALUES_PER_FIELD: usize = 25;

/// One field path and its most common values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogField {
    /// The dotted path (`detail.eventName`).
    pub path: String,
    /// How many events have a value here.
    pub events: usize,
    /// The most common values as JSON text (`"RunInstances"`, `true`, `3`) with their counts,
    /// most common first.
    pub values: Vec<(String, usize)>,
}

/// Every field of the loaded events, for completion.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Catalog {
    /// How many events were loaded.
    pub events: usize,
    /// The fields, in the field index's order (the usual starting fields first).
    pub fields: Vec<CatalogField>,
}

impl Catalog {
    /// The catalog of a field index.
    pub fn of(index: &Facets) -> Catalog {
        let fields = index
            .fields()
            .iter()
            .map(|field| CatalogField {
                path: field.path.join("."),
                events: field.events,
                values: field
                    .values
                    .iter()
                    .take(VALUES_PER_FIELD)
                    .map(|v| (v.value.to_string(), v.count))
                    .collect(),
            })
            .collect();
        Catalog {
            events: index.event_count(),
            fields,
        }
    }

    /// The catalog as JSON (what the editor reads).
    pub fn to_json(&self) -> String {
        // Strings, numbers and lists only: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lists_paths_with_counts_and_top_values() {
        let events = [
            json!({"source": "aws.ec2", "detail": {"eventName": "RunInstances", "readOnly": false}}),
            json!({"source": "aws.ec2", "detail": {"eventName": "RunInstances"}}),
            json!({"source": "aws.s3", "detail": {"eventName": "GetObject", "readOnly": true}}),
        ];
        let catalog = Catalog::of(&Facets::collect(events.iter()));
        let field = |path: &str| catalog.fields.iter().find(|f| f.path == path).cloned();
        // (path, events having it, values with counts)
        type Case<'a> = (&'a str, usize, &'a [(&'a str, usize)]);
        let cases: [Case; 3] = [
            ("source", 3, &[("\"aws.ec2\"", 2), ("\"aws.s3\"", 1)]),
            (
                "detail.eventName",
                3,
                &[("\"RunInstances\"", 2), ("\"GetObject\"", 1)],
            ),
            ("detail.readOnly", 2, &[("false", 1), ("true", 1)]),
        ];
        assert_eq!(catalog.events, 3);
        for (path, events, values) in cases {
            let got = field(path).unwrap_or_else(|| panic!("{path} missing"));
            let want: Vec<(String, usize)> =
                values.iter().map(|(v, n)| (v.to_string(), *n)).collect();
            assert_eq!((got.events, got.values), (events, want), "{path}");
        }
    }

    #[test]
    fn keeps_only_the_most_common_values_and_round_trips_as_json() {
        let events: Vec<_> = (0..40).map(|i| json!({"n": i})).collect();
        let catalog = Catalog::of(&Facets::collect(events.iter()));
        assert_eq!(catalog.fields[0].values.len(), VALUES_PER_FIELD);
        let back: Catalog = serde_json::from_str(&catalog.to_json()).unwrap();
        assert_eq!(back, catalog);
    }
}
