//! Small emulators of how Windows shells hand arguments to `aws.exe`, used to prove that the
//! PowerShell and cmd.exe exports deliver the pattern byte for byte (no `pwsh` or Windows is
//! available where the tests run, and the app checks its own output the same way).
//!
//! Modelled, from the documented behaviour:
//! * the MSVC runtime / `CommandLineToArgvW` split of a command line into `argv`:
//!   whitespace separates outside quotes; `2n` backslashes + `"` give `n` backslashes and
//!   toggle quoting; `2n+1` backslashes + `"` give `n` backslashes and a literal `"`;
//!   other backslashes are literal; inside quotes `""` is a literal `"` (the post-2008 rule);
//! * PowerShell's legacy native command line (Windows PowerShell 5.1, PowerShell ≤ 7.2, and
//!   7.3+ with `$PSNativeCommandArgumentPassing = 'Legacy'`): each argument's value is pasted
//!   as is, wrapped in `"` only when it contains whitespace at a point where the count of `"`
//!   seen so far is even (`NeedQuotes` in PowerShell's NativeCommandParameterBinder.cs, read
//!   from its source). 7.x skips a `"` that follows a backslash and doubles trailing
//!   backslashes inside the added quotes; 5.1 is closed source, so it is modelled without
//!   either refinement. Both variants must deliver the value. Empty arguments are dropped;
//! * cmd.exe's pass over a line: its quote state flips on every `"`; outside it, `^` makes the
//!   next character literal and `& | < >` are operators; `%` may expand variables.

/// Splits a Windows command line (the part after the program name) into arguments.
pub fn windows_argv(command_line: &str) -> Vec<String> {
    let chars: Vec<char> = command_line.chars().collect();
    let mut args = Vec::new();
    let mut i = 0;
    loop {
        while i < chars.len() && matches!(chars[i], ' ' | '\t') {
            i += 1;
        }
        if i >= chars.len() {
            return args;
        }
        let mut arg = String::new();
        let mut in_quotes = false;
        while i < chars.len() {
            let c = chars[i];
            if !in_quotes && matches!(c, ' ' | '\t') {
                break;
            }
            if c == '\\' {
                let start = i;
                while i < chars.len() && chars[i] == '\\' {
                    i += 1;
                }
                let count = i - start;
                if i < chars.len() && chars[i] == '"' {
                    arg.extend(std::iter::repeat_n('\\', count / 2));
                    if count % 2 == 1 {
                        arg.push('"');
                        i += 1;
                    }
                } else {
                    arg.extend(std::iter::repeat_n('\\', count));
                }
                continue;
            }
            if c == '"' {
                if in_quotes && chars.get(i + 1) == Some(&'"') {
                    arg.push('"');
                    i += 2;
                    continue;
                }
                in_quotes = !in_quotes;
                i += 1;
                continue;
            }
            arg.push(c);
            i += 1;
        }
        args.push(arg);
    }
}

/// Which PowerShell builds the native command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PowerShellVersion {
    /// Windows PowerShell 5.1: counts every `"` when deciding whether to add quotes.
    WindowsPowerShell51,
    /// PowerShell 7.x in legacy mode: ignores a `"` right after a backslash.
    Pwsh7Legacy,
}

/// PowerShell's decision to wrap a native argument in quotes (`NeedQuotes`).
fn needs_quotes(arg: &str, version: PowerShellVersion) -> bool {
    let mut quotes = 0usize;
    let mut after_backslash = false;
    for c in arg.chars() {
        let counted = match version {
            PowerShellVersion::WindowsPowerShell51 => true,
            PowerShellVersion::Pwsh7Legacy => !after_backslash,
        };
        if c == '"' && counted {
            quotes += 1;
        } else if c.is_whitespace() && quotes.is_multiple_of(2) {
            return true;
        }
        after_backslash = c == '\\';
    }
    false
}

/// The command line PowerShell (legacy argument passing) builds from argument values.
pub fn powershell_legacy_command_line(args: &[String], version: PowerShellVersion) -> String {
    let mut parts = Vec::new();
    for arg in args.iter().filter(|arg| !arg.is_empty()) {
        if needs_quotes(arg, version) {
            // 7.x doubles trailing backslashes inside the quotes it adds (AppendOneNativeArgument);
            // 5.1 is modelled without that fix, so a value ending in `\` fails one variant.
            let trailing = arg.len() - arg.trim_end_matches('\\').len();
            let extra = match version {
                PowerShellVersion::Pwsh7Legacy => "\\".repeat(trailing),
                PowerShellVersion::WindowsPowerShell51 => String::new(),
            };
            parts.push(format!("\"{arg}{extra}\""));
        } else {
            parts.push(arg.clone());
        }
    }
    parts.join(" ")
}

/// The value of one PowerShell argument token: a single-quoted string (`''` and the
/// typographic single quotes doubled) or a bare word. `None` for anything else.
pub fn powershell_token_value(token: &str) -> Option<String> {
    let is_quote = |c: char| matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}');
    let mut chars = token.chars().peekable();
    match chars.peek() {
        Some(&c) if is_quote(c) => {
            chars.next();
        }
        _ => {
            let bare = token.chars().all(|c| {
                c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/' | ':' | '=')
            });
            return bare.then(|| token.to_owned());
        }
    }
    let mut value = String::new();
    while let Some(c) = chars.next() {
        if is_quote(c) {
            match chars.peek() {
                Some(&next) if is_quote(next) => {
                    chars.next();
                    value.push(c);
                }
                None => return Some(value),
                Some(_) => return None,
            }
        } else {
            value.push(c);
        }
    }
    None
}

/// Splits a PowerShell command into argument tokens: bare words and single-quoted strings,
/// separated by spaces. Enough for the commands this crate writes.
pub fn powershell_tokens(command: &str) -> Option<Vec<String>> {
    let is_quote = |c: char| matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}');
    let chars: Vec<char> = command.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' {
            i += 1;
            continue;
        }
        let start = i;
        if is_quote(chars[i]) {
            i += 1;
            loop {
                let c = *chars.get(i)?;
                i += 1;
                if is_quote(c) {
                    if chars.get(i).copied().is_some_and(is_quote) {
                        i += 1;
                    } else {
                        break;
                    }
                }
            }
        } else {
            while i < chars.len() && chars[i] != ' ' {
                i += 1;
            }
        }
        tokens.push(powershell_token_value(
            &chars[start..i].iter().collect::<String>(),
        )?);
    }
    Some(tokens)
}

/// What `aws.exe` receives from one PowerShell command line (program name first), for each
/// PowerShell version. `None` if the line uses syntax the emulator does not model.
pub fn powershell_delivers(command: &str, version: PowerShellVersion) -> Option<Vec<String>> {
    let values = powershell_tokens(command)?;
    let (program, args) = values.split_first()?;
    let line = powershell_legacy_command_line(args, version);
    let mut argv = vec![program.clone()];
    argv.extend(windows_argv(&line));
    Some(argv)
}

/// cmd.exe's pass over one line: carets removed and the text handed to the program.
/// `Err` when cmd would act on the line (an unescaped operator, a `%` expansion).
pub fn cmd_pass(line: &str) -> Result<String, String> {
    let mut out = String::with_capacity(line.len());
    let mut in_quotes = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                out.push(c);
            }
            '%' => return Err("cmd may expand %…% variables".to_owned()),
            '\n' | '\r' => return Err("a line break ends a cmd.exe command".to_owned()),
            '^' if !in_quotes => match chars.next() {
                Some(next) => out.push(next),
                None => return Err("a line ends with a continuation caret".to_owned()),
            },
            '&' | '|' | '<' | '>' if !in_quotes => {
                return Err(format!("cmd would treat {c:?} as an operator"));
            }
            _ => out.push(c),
        }
    }
    Ok(out)
}

/// What `aws.exe` receives from one cmd.exe command line (program name first).
pub fn cmd_delivers(line: &str) -> Result<Vec<String>, String> {
    Ok(windows_argv(&cmd_pass(line)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_argv_rules() {
        let cases: [(&str, &[&str]); 8] = [
            ("a b", &["a", "b"]),
            (r#""a b" c"#, &["a b", "c"]),
            (r#"\"a\""#, &[r#""a""#]),
            (r#"a\\\"b"#, &[r#"a\"b"#]),
            (r#""a\\" b"#, &[r"a\", "b"]),
            (r"a\b", &[r"a\b"]),
            (r#""say ""hi""""#, &[r#"say "hi""#]),
            ("  ", &[]),
        ];
        for (line, want) in cases {
            assert_eq!(windows_argv(line), want, "{line}");
        }
    }

    #[test]
    fn powershell_51_breaks_unescaped_json_like_the_issues_report() {
        // The aws-cli issues: '{"a":"b"}' reaches aws.exe without its quotes.
        let argv =
            powershell_delivers(r#"aws '{"a":"b"}'"#, PowerShellVersion::WindowsPowerShell51);
        assert_eq!(argv, Some(vec!["aws".to_owned(), "{a:b}".to_owned()]));
        // Escaped, with a space at an even quote count, it arrives intact in both variants.
        for version in [
            PowerShellVersion::WindowsPowerShell51,
            PowerShellVersion::Pwsh7Legacy,
        ] {
            let argv = powershell_delivers(r#"aws '{\"a\": [\"b c\"]}'"#, version);
            assert_eq!(
                argv,
                Some(vec!["aws".to_owned(), r#"{"a": ["b c"]}"#.to_owned()])
            );
        }
        // Without that space, 5.1 splits the value at its space; 7.x does not.
        let compact = r#"aws '{\"a\":[\"b c\"]}'"#;
        let v51 = powershell_delivers(compact, PowerShellVersion::WindowsPowerShell51);
        assert_eq!(v51.map(|argv| argv.len()), Some(3));
        let v7 = powershell_delivers(compact, PowerShellVersion::Pwsh7Legacy);
        assert_eq!(v7.map(|argv| argv.len()), Some(2));
        // A value with a space and a trailing backslash: 7.x doubles it, 5.1 (modelled) not.
        let trailing = r"aws 'a b\'";
        let v7 = powershell_delivers(trailing, PowerShellVersion::Pwsh7Legacy);
        assert_eq!(v7, Some(vec!["aws".to_owned(), r"a b\".to_owned()]));
        let v51 = powershell_delivers(trailing, PowerShellVersion::WindowsPowerShell51);
        assert_ne!(v51, Some(vec!["aws".to_owned(), r"a b\".to_owned()]));
    }

    #[test]
    fn cmd_pass_rules() {
        let cases = [
            ("a ^& b", Ok("a & b".to_owned())),
            (r#""a & b""#, Ok(r#""a & b""#.to_owned())),
            (
                "a & b",
                Err("cmd would treat '&' as an operator".to_owned()),
            ),
            ("100%", Err("cmd may expand %…% variables".to_owned())),
            (
                "\"a\nb\"",
                Err("a line break ends a cmd.exe command".to_owned()),
            ),
        ];
        for (line, want) in cases {
            assert_eq!(cmd_pass(line), want, "{line}");
        }
    }
}
