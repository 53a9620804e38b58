//! Quoting text so a shell hands it to `aws` byte for byte.
//!
//! * bash / zsh: single quotes, where nothing is special; `'` is written `'\''`.
//! * PowerShell: a verbatim single-quoted string (`'` and its typographic twins ‘ ’ ‚ ‛ doubled),
//!   whose `"` are also escaped for the Windows command line (`\"`, backslashes before a quote
//!   doubled). Windows PowerShell 5.1 and PowerShell ≤ 7.2 do not escape `"` when they build a
//!   native command line (PowerShell/PowerShell#1995), so we do it; PowerShell 7.3+ would then
//!   escape our escapes, so the commands run with `$PSNativeCommandArgumentPassing = 'Legacy'`
//!   (a no-op on 5.1), making every version behave like 5.1. `shell_emulation` checks the result.
//! * cmd.exe: double quotes with inner `"` as `\"` (for `aws.exe`'s argument parser) and `^`
//!   before `& | < > ^ ( )` wherever cmd itself believes it is outside quotes — cmd toggles its
//!   quote state on every `"`, escaped or not.

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

/// A word bash, PowerShell and cmd all pass through unchanged without quotes.
pub fn is_bare_word(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/' | ':' | '='))
}

/// bash: the word as is when it is bare, else single-quoted.
pub fn bash_word(text: &str) -> String {
    if is_bare_word(text) {
        text.to_owned()
    } else {
        bash_single_quote(text)
    }
}

/// Escape `text` for the Windows command-line parser (`CommandLineToArgvW`, the MSVC runtime),
/// without surrounding quotes: each `"` becomes `\"`, and backslashes right before a `"` are
/// doubled. `quoted_tail` doubles trailing backslashes too, for text that a closing `"` follows.
pub fn windows_argv_escape(text: &str, quoted_tail: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut backslashes = 0usize;
    for c in text.chars() {
        match c {
            '\\' => backslashes += 1,
            '"' => {
                out.extend(std::iter::repeat_n('\\', backslashes * 2 + 1));
                out.push('"');
                backslashes = 0;
                continue;
            }
            _ => {}
        }
        if c != '\\' {
            out.extend(std::iter::repeat_n('\\', backslashes));
            backslashes = 0;
            out.push(c);
        }
    }
    let tail = if quoted_tail {
        backslashes * 2
    } else {
        backslashes
    };
    out.extend(std::iter::repeat_n('\\', tail));
    out
}

/// The characters PowerShell treats as a single quote inside a single-quoted string.
const POWERSHELL_SINGLE_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];

/// PowerShell: a verbatim single-quoted string holding `text` escaped for the Windows
/// command line (see the module doc), so `aws.exe` receives `text`.
pub fn powershell_native_arg(text: &str) -> String {
    if is_bare_word(text) {
        return text.to_owned();
    }
    let escaped = windows_argv_escape(text, false);
    let mut quoted = String::with_capacity(escaped.len() + 2);
    quoted.push('\'');
    for c in escaped.chars() {
        if POWERSHELL_SINGLE_QUOTES.contains(&c) {
            quoted.push(c);
        }
        quoted.push(c);
    }
    quoted.push('\'');
    quoted
}

/// The characters cmd.exe acts on outside its quote state.
const CMD_SPECIAL: [char; 7] = ['&', '|', '<', '>', '^', '(', ')'];

/// For `aws.exe` on Windows: `text` as is when bare, else in double quotes with inner `"`
/// escaped as `\"` (and backslashes before them doubled). cmd.exe lines also need
/// [`cmd_escape_line`] over the whole line.
pub fn windows_quoted_arg(text: &str) -> String {
    if is_bare_word(text) {
        text.to_owned()
    } else {
        format!("\"{}\"", windows_argv_escape(text, true))
    }
}

/// cmd.exe: puts `^` before every character cmd would act on (`& | < > ^ ( )`) where cmd's
/// own quote tracking is outside quotes. cmd toggles that state on every `"`, including the
/// ones written `\"` for `aws.exe`, so this must run over a whole command line at once, and
/// the line must not be continued with `^` (the state may be "inside quotes" at its end).
/// `%` cannot be escaped on an interactive command line; callers warn about it.
pub fn cmd_escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut cmd_in_quotes = false;
    for c in line.chars() {
        if c == '"' {
            cmd_in_quotes = !cmd_in_quotes;
        } else if !cmd_in_quotes && CMD_SPECIAL.contains(&c) {
            out.push('^');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn windows_argv_escaping() {
        let cases = [
            ("plain", false, "plain"),
            (r#"{"a"}"#, false, r#"{\"a\"}"#),
            (r#"a\"b"#, false, r#"a\\\"b"#),
            (r#"a\\"b"#, false, r#"a\\\\\"b"#),
            (r"a\b", false, r"a\b"),
            (r"ends\", false, r"ends\"),
            (r"ends\", true, r"ends\\"),
        ];
        for (text, tail, want) in cases {
            assert_eq!(windows_argv_escape(text, tail), want, "{text}");
        }
    }

    #[test]
    fn powershell_quoting() {
        let cases = [
            ("eventpen-rule", "eventpen-rule"),
            ("it's", "'it''s'"),
            ("it\u{2019}s", "'it\u{2019}\u{2019}s'"),
            (r#"{"a": ["b"]}"#, r#"'{\"a\": [\"b\"]}'"#),
            ("$x `y`", "'$x `y`'"),
        ];
        for (text, want) in cases {
            assert_eq!(powershell_native_arg(text), want, "{text}");
        }
    }

    #[test]
    fn cmd_quoting() {
        // cmd's quote state flips on every `"`, so `&` between `\"` pairs needs a caret.
        let cases = [
            ("eventpen-rule", "eventpen-rule"),
            ("a b", r#""a b""#),
            ("a&b", r#""a&b""#),
            (r#"{"a": ["x&y"]}"#, r#""{\"a\": [\"x^&y\"]}""#),
            (
                r#"{"a": "x|y", "b": "(z)"}"#,
                r#""{\"a\": \"x^|y\", \"b\": \"^(z^)\"}""#,
            ),
            (r"ends\", r#""ends\\""#),
        ];
        for (text, want) in cases {
            assert_eq!(cmd_escape_line(&windows_quoted_arg(text)), want, "{text}");
        }
    }
}
