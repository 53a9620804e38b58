//! The plain text area the editor falls back to when the bundled CodeMirror module is not on the
//! page (the wasm-bindgen browser tests mount components on a bare page): the text with its
//! diagnostics marked in a backdrop layer behind the transparent text area.
use super::EditorDiagnostic;
use std::ops::Range;
use yew::prelude::*;

/// The text with each diagnostic's span wrapped in a mark, for the backdrop layer. Spans are
/// byte ranges; overlapping or out-of-range ones are clipped so the text is always complete.
pub fn highlighted(text: &str, diagnostics: &[EditorDiagnostic]) -> Html {
    let mut spans: Vec<(Range<usize>, bool)> = diagnostics
        .iter()
        .map(|d| (visible_span(text, &d.span), d.is_error))
        .collect();
    spans.sort_by_key(|(range, _)| range.start);
    let mut parts = Vec::new();
    let mut at = 0;
    for (range, is_error) in spans {
        let start = range.start.max(at);
        if start >= range.end {
            continue;
        }
        parts.push(html! { { text[at..start].to_string() } });
        let class = if is_error {
            "mark-error"
        } else {
            "mark-warning"
        };
        parts.push(html! { <mark class={class}>{ text[start..range.end].to_string() }</mark> });
        at = range.end;
    }
    parts.push(html! { { format!("{}\n", &text[at..]) } });
    html! { <>{ for parts }</> }
}

/// A span clipped to the text and to character boundaries; an empty one (e.g. "unexpected
/// end") grows to the character before it, or after it at the start.
fn visible_span(text: &str, span: &Range<usize>) -> Range<usize> {
    let mut end = span.end.min(text.len());
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    if end <= start {
        end = start;
        start = text[..start]
            .char_indices()
            .next_back()
            .map_or(start, |(i, _)| i);
        if start == end {
            end = text[start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
        }
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}
