//! Quoting text so a shell passes it to a program byte for byte.

/// Quote `text` for bash/zsh: wrapped in single quotes, where nothing is special, and each `'`
/// written as `'\''` (close, escaped quote, reopen).
pub fn bash_single_quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('\'');
    for c in text.chars() {
        if c == '\'' {
            quoted.push_str(r"'\''");
        } else {
            quoted.push(c);
        }
    }
    quoted.push('\'');
    quoted
}

#[cfg(test)]
mod tests {
    use super::bash_single_quote;

    #[test]
    fn bash_quoting() {
        let cases = [
            ("", "''"),
            ("plain", "'plain'"),
            ("it's", r"'it'\''s'"),
            (r#"{"a":["$HOME `x` \n"]}"#, r#"'{"a":["$HOME `x` \n"]}'"#),
        ];
        for (text, want) in cases {
            assert_eq!(bash_single_quote(text), want, "{text}");
        }
    }
}
