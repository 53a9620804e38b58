//! Text from the engine, the tips and the gallery with `code` spans: written with backticks
//! (as people write in plain text and the CLI prints), drawn as `<code>` instead of literal
//! backticks.
use yew::prelude::*;

/// The pieces of `text`: `(is_code, piece)`; an unpaired backtick stays as written.
pub fn pieces(text: &str) -> Vec<(bool, &str)> {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        // An odd number of backticks: not markup.
        return vec![(false, text)];
    }
    parts
        .into_iter()
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(i, part)| (i % 2 == 1, part))
        .collect()
}

/// `text` with its backtick spans as `<code>`.
pub fn prose(text: &str) -> Html {
    html! {
        <>
            { for pieces(text).into_iter().map(|(code, piece)| if code {
                html! { <code>{ piece }</code> }
            } else {
                html! { { piece } }
            }) }
        </>
    }
}

/// `text` without its backtick markup (for plain-text places: hover texts, titles).
pub fn plain(text: &str) -> String {
    pieces(text).into_iter().map(|(_, piece)| piece).collect()
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn backtick_spans_become_code() {
        // (text, pieces)
        let cases: [(&str, Vec<(bool, &str)>); 4] = [
            ("plain", vec![(false, "plain")]),
            (
                "No `a.b` here",
                vec![(false, "No "), (true, "a.b"), (false, " here")],
            ),
            ("`x`", vec![(true, "x")]),
            ("one ` only", vec![(false, "one ` only")]),
        ];
        for (text, want) in cases {
            let plain_text: String = want.iter().map(|(_, piece)| *piece).collect();
            assert_eq!(super::plain(text), plain_text, "{text}");
            assert_eq!(pieces(text), want, "{text}");
        }
    }
}
