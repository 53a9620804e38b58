//! The visual builder's pure core, table by table: one line per case.
mod edit;
mod facets;
mod narrow;
mod suggest;
mod text;

/// `"detail.eventName"` → segments (test shorthand only; the API takes segments).
pub fn p(dotted: &str) -> Vec<String> {
    if dotted.is_empty() {
        return Vec::new();
    }
    dotted.split('.').map(str::to_string).collect()
}
