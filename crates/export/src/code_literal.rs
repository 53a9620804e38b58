//! Literals for TypeScript and Python source: strings, keys, values and helper calls, laid out
//! one item per line when they do not fit on one.

use serde_json::Value;

/// The target language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// TypeScript (single-quoted strings, bare identifier keys).
    TypeScript,
    /// Python (double-quoted strings, `None`/`True`/`False`).
    Python,
}

/// An expression to write: a JSON value, a call (`events.Match.prefix('a')`), or a collection
/// of expressions.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A JSON value written as a literal.
    Raw(Value),
    /// A call: the function path in TypeScript spelling (`events.Match.anyOf`), its arguments.
    Call(String, Vec<Expr>),
    /// An object / dict.
    Object(Vec<(String, Expr)>),
    /// An array / list.
    Array(Vec<Expr>),
}

/// A string literal.
pub fn string(lang: Lang, text: &str) -> String {
    match lang {
        // JSON's escapes are all valid Python escapes, and non-ASCII stays readable.
        Lang::Python => Value::String(text.to_owned()).to_string(),
        Lang::TypeScript => {
            let mut out = String::with_capacity(text.len() + 2);
            out.push('\'');
            for c in text.chars() {
                match c {
                    '\'' => out.push_str("\\'"),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    '\u{2028}' | '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
                    c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
                    c => out.push(c),
                }
            }
            out.push('\'');
            out
        }
    }
}

/// An object key.
pub fn key(lang: Lang, name: &str) -> String {
    let identifier = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    match lang {
        // In an object literal `__proto__: x` (quoted or not) sets the prototype instead of
        // adding a field; only a computed key adds it.
        Lang::TypeScript if name == "__proto__" => "['__proto__']".to_owned(),
        Lang::TypeScript if identifier => name.to_owned(),
        _ => string(lang, name),
    }
}

/// `anythingButPrefix` → `anything_but_prefix` for Python; unchanged for TypeScript.
pub fn function_name(lang: Lang, path: &str) -> String {
    match lang {
        Lang::TypeScript => path.to_owned(),
        Lang::Python => {
            let (prefix, name) = path.rsplit_once('.').map_or(("", path), |(p, n)| (p, n));
            let mut out = String::with_capacity(path.len() + 4);
            if !prefix.is_empty() {
                out.push_str(prefix);
                out.push('.');
            }
            for c in name.chars() {
                if c.is_ascii_uppercase() {
                    out.push('_');
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.push(c);
                }
            }
            out
        }
    }
}

const WIDTH: usize = 90;

/// Indentation per nesting level: 2 for TypeScript (prettier), 4 for Python (PEP 8).
pub fn step(lang: Lang) -> usize {
    match lang {
        Lang::TypeScript => 2,
        Lang::Python => 4,
    }
}

/// Writes `expr`; `column` is where the line it starts on is indented.
pub fn write(lang: Lang, expr: &Expr, column: usize) -> String {
    match expr {
        Expr::Raw(value) => write_value(lang, value, column),
        Expr::Call(path, args) => {
            let parts: Vec<String> = args
                .iter()
                .map(|arg| write(lang, arg, column + step(lang)))
                .collect();
            list(
                lang,
                &format!("{}(", function_name(lang, path)),
                ")",
                &parts,
                column,
            )
        }
        Expr::Object(entries) => {
            let parts: Vec<String> = entries
                .iter()
                .map(|(name, value)| {
                    format!(
                        "{}: {}",
                        key(lang, name),
                        write(lang, value, column + step(lang))
                    )
                })
                .collect();
            object(lang, &parts, column)
        }
        Expr::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|item| write(lang, item, column + step(lang)))
                .collect();
            list(lang, "[", "]", &parts, column)
        }
    }
}

/// Writes a JSON value as a literal.
pub fn write_value(lang: Lang, value: &Value, column: usize) -> String {
    match value {
        Value::Null => match lang {
            Lang::TypeScript => "null".to_owned(),
            Lang::Python => "None".to_owned(),
        },
        Value::Bool(flag) => match (lang, flag) {
            (Lang::TypeScript, _) => flag.to_string(),
            (Lang::Python, true) => "True".to_owned(),
            (Lang::Python, false) => "False".to_owned(),
        },
        Value::Number(number) => number.to_string(),
        Value::String(text) => string(lang, text),
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|item| write_value(lang, item, column + step(lang)))
                .collect();
            list(lang, "[", "]", &parts, column)
        }
        Value::Object(map) => {
            let parts: Vec<String> = map
                .iter()
                .map(|(name, value)| {
                    format!(
                        "{}: {}",
                        key(lang, name),
                        write_value(lang, value, column + step(lang))
                    )
                })
                .collect();
            object(lang, &parts, column)
        }
    }
}

fn list(lang: Lang, open: &str, close: &str, parts: &[String], column: usize) -> String {
    let one_line = format!("{open}{}{close}", parts.join(", "));
    if !one_line.contains('\n') && column + one_line.len() <= WIDTH {
        return one_line;
    }
    let pad = " ".repeat(column + step(lang));
    let body: String = parts.iter().map(|part| format!("{pad}{part},\n")).collect();
    format!("{open}\n{body}{}{close}", " ".repeat(column))
}

fn object(lang: Lang, parts: &[String], column: usize) -> String {
    if parts.is_empty() {
        return "{}".to_owned();
    }
    let one_line = match lang {
        Lang::TypeScript => format!("{{ {} }}", parts.join(", ")),
        Lang::Python => format!("{{{}}}", parts.join(", ")),
    };
    if parts.len() == 1 && !one_line.contains('\n') && column + one_line.len() <= WIDTH / 2 {
        return one_line;
    }
    let pad = " ".repeat(column + step(lang));
    let body: String = parts.iter().map(|part| format!("{pad}{part},\n")).collect();
    format!("{{\n{body}{}}}", " ".repeat(column))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn strings_and_keys() {
        let cases = [
            (Lang::TypeScript, "it's \\ \n é", "'it\\'s \\\\ \\n é'"),
            (
                Lang::Python,
                "it's \"q\" \\ \n é",
                "\"it's \\\"q\\\" \\\\ \\n é\"",
            ),
            (Lang::TypeScript, "${x}", "'${x}'"),
        ];
        for (lang, text, want) in cases {
            assert_eq!(string(lang, text), want, "{text:?}");
        }
        assert_eq!(key(Lang::TypeScript, "source"), "source");
        assert_eq!(key(Lang::TypeScript, "detail-type"), "'detail-type'");
        assert_eq!(key(Lang::Python, "source"), "\"source\"");
        assert_eq!(key(Lang::TypeScript, "__proto__"), "['__proto__']");
        assert_eq!(
            function_name(Lang::Python, "events.Match.anythingButEqualsIgnoreCase"),
            "events.Match.anything_but_equals_ignore_case"
        );
    }

    #[test]
    fn values() {
        let value: Value = serde_json::from_str(r#"{"a": [null, true, 1.50], "b": {}}"#).unwrap();
        assert_eq!(
            write_value(Lang::Python, &value, 0),
            "{\n    \"a\": [None, True, 1.50],\n    \"b\": {},\n}"
        );
        assert_eq!(
            write_value(Lang::TypeScript, &value, 0),
            "{\n  a: [null, true, 1.50],\n  b: {},\n}"
        );
    }
}
