//! One condition of a leaf as SQL over one value of the field: what every dialect shares.
//!
//! A value is known by two SQL expressions: its JSON kind (`'string'`, `'number'`, `'bool'`,
//! `'null'`) and its text (a string unquoted, a number as written). Where SQL cannot say exactly
//! what EventBridge does, the condition is made looser (more rows) and a note says so.

use eventpen_pattern::model::{AnythingBut, Comparison, Literal, NumericOp, Operator};

/// The kind of a value: known when the column has one type, else an SQL expression.
#[derive(Debug, Clone)]
pub enum Kind {
    /// Always a string (envelope fields, string columns).
    String,
    /// Always a boolean stored as the text `true` / `false`.
    Bool,
    /// Unknown type: a string column holding any JSON scalar as text (CloudTrail Lake maps).
    AnyText,
    /// An SQL expression giving `'string'`, `'number'`, `'bool'` or `'null'`.
    Expr(String),
}

/// One value of a field, as SQL.
#[derive(Debug, Clone)]
pub struct ValueSql {
    /// Its kind.
    pub kind: Kind,
    /// Its text: a string unquoted, a number as written, `true`/`false`.
    pub text: String,
    /// The dialect's regular-expression test: `regexp_like` (Trino) or `regexp_matches` (DuckDB).
    pub regex_function: &'static str,
}

/// Notes collected while translating: each says where the query returns more rows than the
/// rule would match, and why.
pub type Notes = Vec<String>;

/// An SQL string literal.
pub fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

impl ValueSql {
    fn is(&self, kind: &str) -> String {
        match (&self.kind, kind) {
            (Kind::String, "string") | (Kind::Bool, "bool") => String::from("TRUE"),
            (Kind::String | Kind::Bool, _) => String::from("FALSE"),
            (Kind::AnyText, "null") => String::from("FALSE"),
            (Kind::AnyText, _) => String::from("TRUE"),
            (Kind::Expr(expr), kind) => format!("{expr} = '{kind}'"),
        }
    }

    fn number(&self) -> String {
        format!("TRY_CAST({} AS DOUBLE)", self.text)
    }
}

/// `a AND b`, dropping `TRUE`s.
pub fn and(parts: Vec<String>) -> String {
    let parts: Vec<String> = parts.into_iter().filter(|p| p != "TRUE").collect();
    if parts.iter().any(|p| p == "FALSE") {
        return String::from("FALSE");
    }
    match parts.len() {
        0 => String::from("TRUE"),
        1 => parts.into_iter().next().unwrap_or_default(),
        _ => format!("({})", parts.join(" AND ")),
    }
}

/// `a OR b`, dropping `FALSE`s.
pub fn or(parts: Vec<String>) -> String {
    let parts: Vec<String> = parts.into_iter().filter(|p| p != "FALSE").collect();
    if parts.iter().any(|p| p == "TRUE") {
        return String::from("TRUE");
    }
    match parts.len() {
        0 => String::from("FALSE"),
        1 => parts.into_iter().next().unwrap_or_default(),
        _ => format!("({})", parts.join(" OR ")),
    }
}

/// SQL for one condition (not `exists`, which is about the field, not a value) on `value`.
pub fn condition(operator: &Operator, value: &ValueSql, field: &str, notes: &mut Notes) -> String {
    let text = &value.text;
    match operator {
        Operator::Exact(literal) => exact(literal, value, field, notes),
        Operator::Prefix {
            value: prefix,
            ignore_case,
        } => and(vec![
            value.is("string"),
            starts_with(text, prefix, *ignore_case),
        ]),
        Operator::Suffix {
            value: suffix,
            ignore_case,
        } => and(vec![
            value.is("string"),
            ends_with(text, suffix, *ignore_case),
        ]),
        Operator::EqualsIgnoreCase(other) => and(vec![
            value.is("string"),
            format!("lower({text}) = lower({})", quote(other)),
        ]),
        Operator::AnythingBut(excluded) => {
            format!("NOT {}", anything_but(excluded, value, field, notes))
        }
        Operator::Numeric(comparisons) => numeric(comparisons, value),
        Operator::Cidr(range) => cidr(range, value, field, notes),
        Operator::Wildcard(pattern) => and(vec![value.is("string"), like(text, pattern)]),
        Operator::Exists(_) => String::from("TRUE"),
    }
}

fn exact(literal: &Literal, value: &ValueSql, field: &str, notes: &mut Notes) -> String {
    match literal {
        Literal::String(s) => and(vec![
            value.is("string"),
            format!("{} = {}", value.text, quote(s)),
        ]),
        Literal::Number(n) => match n.value {
            Some(v) => and(vec![
                value.is("number"),
                format!("{} = {}", value.number(), double(v)),
            ]),
            None => and(vec![
                value.is("number"),
                format!("{} = {}", value.text, quote(&n.text)),
            ]),
        },
        Literal::Bool(b) => {
            if matches!(value.kind, Kind::AnyText) {
                notes.push(format!("{field}: this column does not keep JSON types; the text {b} also matches the string \"{b}\""));
            }
            and(vec![value.is("bool"), format!("{} = '{b}'", value.text)])
        }
        Literal::Null => {
            if matches!(value.kind, Kind::AnyText) {
                notes.push(format!(
                    "{field}: this column cannot tell null from absent; null is taken as any value"
                ));
                return String::from("TRUE");
            }
            value.is("null")
        }
    }
}

/// Whether the value is one of those excluded (the caller negates it).
fn anything_but(
    excluded: &AnythingBut,
    value: &ValueSql,
    field: &str,
    notes: &mut Notes,
) -> String {
    let text = &value.text;
    let any = |items: &[String], each: &dyn Fn(&str) -> String| {
        and(vec![
            value.is("string"),
            or(items.iter().map(|i| each(i)).collect()),
        ])
    };
    match excluded {
        AnythingBut::Values(literals) => or(literals
            .iter()
            .map(|literal| exact(literal, value, field, notes))
            .collect()),
        AnythingBut::Prefix(items) => any(items, &|p| starts_with(text, p, false)),
        AnythingBut::Suffix(items) => any(items, &|s| ends_with(text, s, false)),
        AnythingBut::EqualsIgnoreCase(items) => {
            any(items, &|s| format!("lower({text}) = lower({})", quote(s)))
        }
        AnythingBut::Wildcard(items) => any(items, &|p| like(text, p)),
    }
}

fn numeric(comparisons: &[Comparison], value: &ValueSql) -> String {
    let mut parts = vec![value.is("number")];
    for comparison in comparisons {
        let bound = comparison
            .value
            .value
            .map_or_else(|| comparison.value.text.clone(), double);
        let op = match comparison.op {
            NumericOp::Lt => "<",
            NumericOp::Le => "<=",
            NumericOp::Eq => "=",
            NumericOp::Ge => ">=",
            NumericOp::Gt => ">",
        };
        parts.push(format!("{} {op} {bound}", value.number()));
    }
    and(parts)
}

/// IPv4 ranges exactly (the address as a number between the range's ends); IPv6 ranges are
/// taken as any address with a `:` (more rows), with a note.
fn cidr(range: &str, value: &ValueSql, field: &str, notes: &mut Notes) -> String {
    let text = &value.text;
    let Some((low, high)) = ipv4_range(range) else {
        notes.push(format!(
            "{field}: cidr {range} is not an IPv4 range; any IPv6-looking value (with a ':') is kept"
        ));
        return and(vec![value.is("string"), format!("strpos({text}, ':') > 0")]);
    };
    let octet = |i: usize| format!("TRY_CAST(split_part({text}, '.', {i}) AS BIGINT)");
    let number = format!(
        "({} * 16777216 + {} * 65536 + {} * 256 + {})",
        octet(1),
        octet(2),
        octet(3),
        octet(4)
    );
    and(vec![
        value.is("string"),
        format!(
            "{}({text}, '^[0-9]{{1,3}}\\.[0-9]{{1,3}}\\.[0-9]{{1,3}}\\.[0-9]{{1,3}}$')",
            value.regex_function
        ),
        format!("{number} BETWEEN {low} AND {high}"),
    ])
}

/// The first and last address of an IPv4 CIDR range, as numbers.
pub fn ipv4_range(range: &str) -> Option<(u64, u64)> {
    let (address, bits) = range.split_once('/').unwrap_or((range, "32"));
    let bits: u32 = bits.parse().ok().filter(|b| *b <= 32)?;
    let octets: Vec<u64> = address
        .split('.')
        .map(|o| o.parse().ok().filter(|v| *v < 256))
        .collect::<Option<_>>()?;
    if octets.len() != 4 {
        return None;
    }
    let number = octets.iter().fold(0, |acc, o| acc * 256 + o);
    let size = 1u64 << (32 - bits);
    let low = number / size * size;
    Some((low, low + size - 1))
}

fn starts_with(text: &str, prefix: &str, ignore_case: bool) -> String {
    if ignore_case {
        format!("starts_with(lower({text}), lower({}))", quote(prefix))
    } else {
        format!("starts_with({text}, {})", quote(prefix))
    }
}

fn ends_with(text: &str, suffix: &str, ignore_case: bool) -> String {
    let (text, suffix) = if ignore_case {
        (
            format!("lower({text})"),
            format!("lower({})", quote(suffix)),
        )
    } else {
        (text.to_string(), quote(suffix))
    };
    format!(
        "substr({text}, greatest(length({text}) - length({suffix}) + 1, 1)) = {suffix} AND length({text}) >= length({suffix})"
    )
}

/// An EventBridge wildcard (`*` any run, `\*` a star, `\\` a backslash) as SQL LIKE.
fn like(text: &str, pattern: &str) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '*' => out.push('%'),
            '\\' => match chars.next() {
                Some(escaped) => push_literal(&mut out, escaped),
                None => push_literal(&mut out, '\\'),
            },
            other => push_literal(&mut out, other),
        }
    }
    format!("{text} LIKE {} ESCAPE '\\'", quote(&out))
}

fn push_literal(out: &mut String, c: char) {
    if matches!(c, '%' | '_' | '\\') {
        out.push('\\');
    }
    out.push(c);
}

/// A double as SQL: integers without a fraction, others in Rust's shortest round-trip form.
fn double(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.1}")
    } else {
        format!("{v:e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_ranges() {
        #[rustfmt::skip]
        let cases = [
            ("10.0.0.0/8", Some((167_772_160, 184_549_375))),
            ("10.1.2.3/32", Some((167_838_211, 167_838_211))),
            ("10.1.2.3", Some((167_838_211, 167_838_211))),
            ("0.0.0.0/0", Some((0, 4_294_967_295))),
            ("2001:db8::/32", None),
        ];
        for (range, want) in cases {
            assert_eq!(ipv4_range(range), want, "{range}");
        }
    }

    #[test]
    fn wildcards_become_like() {
        #[rustfmt::skip]
        let cases = [
            ("arn:*:role/*", r"t LIKE 'arn:%:role/%' ESCAPE '\'"),
            (r"a\*b_c%", r"t LIKE 'a*b\_c\%' ESCAPE '\'"),
            ("it's", r"t LIKE 'it''s' ESCAPE '\'"),
        ];
        for (pattern, want) in cases {
            assert_eq!(like("t", pattern), want, "{pattern}");
        }
    }
}
