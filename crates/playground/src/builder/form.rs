//! A condition as a small form — an operator and the text of its operand — and back, so a chip
//! can be edited in place without typing JSON.
use super::conditions::numeric_text;
use serde_json::{Map, Number, Value};
use std::fmt;

/// The operators the chip editor offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    /// An exact string.
    Equals,
    /// An exact number, `true`, `false` or `null`.
    EqualsValue,
    /// `{"prefix": …}`.
    Prefix,
    /// `{"suffix": …}`.
    Suffix,
    /// `{"equals-ignore-case": …}`.
    EqualsIgnoreCase,
    /// `{"anything-but": "…"}` (one string).
    AnythingBut,
    /// `{"wildcard": …}`.
    Wildcard,
    /// `{"numeric": [">", 0, "<=", 5]}`, written `> 0, <= 5`.
    Numeric,
    /// `{"cidr": …}`.
    Cidr,
    /// `{"exists": true}`.
    Exists,
    /// `{"exists": false}`.
    DoesNotExist,
    /// Any condition as JSON (the forms above cannot say everything).
    Json,
}

impl Operator {
    /// Every operator, in the order the menu lists them.
    pub const ALL: [Operator; 12] = [
        Operator::Equals,
        Operator::EqualsValue,
        Operator::Prefix,
        Operator::Suffix,
        Operator::EqualsIgnoreCase,
        Operator::AnythingBut,
        Operator::Wildcard,
        Operator::Numeric,
        Operator::Cidr,
        Operator::Exists,
        Operator::DoesNotExist,
        Operator::Json,
    ];

    /// A stable id (for `<select>` values).
    pub fn id(self) -> &'static str {
        match self {
            Operator::Equals => "equals",
            Operator::EqualsValue => "equals-value",
            Operator::Prefix => "prefix",
            Operator::Suffix => "suffix",
            Operator::EqualsIgnoreCase => "equals-ignore-case",
            Operator::AnythingBut => "anything-but",
            Operator::Wildcard => "wildcard",
            Operator::Numeric => "numeric",
            Operator::Cidr => "cidr",
            Operator::Exists => "exists",
            Operator::DoesNotExist => "does-not-exist",
            Operator::Json => "json",
        }
    }

    /// The operator an id names.
    pub fn from_id(id: &str) -> Option<Operator> {
        Operator::ALL.into_iter().find(|op| op.id() == id)
    }

    /// For people.
    pub fn label(self) -> &'static str {
        match self {
            Operator::Equals => "equals (text)",
            Operator::EqualsValue => "equals (number, true, false, null)",
            Operator::Prefix => "prefix",
            Operator::Suffix => "suffix",
            Operator::EqualsIgnoreCase => "equals-ignore-case",
            Operator::AnythingBut => "anything-but",
            Operator::Wildcard => "wildcard (*)",
            Operator::Numeric => "numeric (> 0, <= 5)",
            Operator::Cidr => "cidr (IP range)",
            Operator::Exists => "exists",
            Operator::DoesNotExist => "does not exist",
            Operator::Json => "JSON",
        }
    }

    /// Whether the operator takes a value (exists / does not exist do not).
    pub fn takes_value(self) -> bool {
        !matches!(self, Operator::Exists | Operator::DoesNotExist)
    }
}

/// Why the form's text is not a condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError {
    /// The operator the text was for.
    pub operator: Operator,
    /// Character offset in the text where the problem is.
    pub column: usize,
    /// For people.
    pub message: String,
}

impl fmt::Display for FormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FormError {}

/// A condition as the form shows it: its operator and its operand as text.
pub fn split_condition(condition: &Value) -> (Operator, String) {
    let json = || (Operator::Json, condition.to_string());
    let Value::Object(map) = condition else {
        return match condition {
            Value::String(text) => (Operator::Equals, text.clone()),
            Value::Array(_) | Value::Object(_) => json(),
            other => (Operator::EqualsValue, other.to_string()),
        };
    };
    let mut entries = map.iter();
    let (Some((name, operand)), None) = (entries.next(), entries.next()) else {
        return json();
    };
    let operator = match (name.as_str(), operand) {
        ("exists", Value::Bool(true)) => return (Operator::Exists, String::new()),
        ("exists", Value::Bool(false)) => return (Operator::DoesNotExist, String::new()),
        ("numeric", Value::Array(items)) => return (Operator::Numeric, numeric_text(items)),
        ("prefix", Value::String(_)) => Operator::Prefix,
        ("suffix", Value::String(_)) => Operator::Suffix,
        ("equals-ignore-case", Value::String(_)) => Operator::EqualsIgnoreCase,
        ("anything-but", Value::String(_)) => Operator::AnythingBut,
        ("wildcard", Value::String(_)) => Operator::Wildcard,
        ("cidr", Value::String(_)) => Operator::Cidr,
        _ => return json(),
    };
    (operator, operand.as_str().unwrap_or_default().to_string())
}

/// The condition an operator and its text make.
pub fn build_condition(operator: Operator, text: &str) -> Result<Value, FormError> {
    let error = |column: usize, message: String| FormError {
        operator,
        column,
        message,
    };
    let named =
        |name: &str, operand: Value| Value::Object(Map::from_iter([(name.into(), operand)]));
    let text_operand = || Value::String(text.to_string());
    Ok(match operator {
        Operator::Equals => text_operand(),
        Operator::EqualsValue => match serde_json::from_str::<Value>(text.trim()) {
            Ok(value @ (Value::Number(_) | Value::Bool(_) | Value::Null)) => value,
            _ => {
                return Err(error(
                    0,
                    format!("`{}` is not a number, true, false or null.", text.trim()),
                ));
            }
        },
        Operator::Prefix => named("prefix", text_operand()),
        Operator::Suffix => named("suffix", text_operand()),
        Operator::EqualsIgnoreCase => named("equals-ignore-case", text_operand()),
        Operator::AnythingBut => named("anything-but", text_operand()),
        Operator::Wildcard => named("wildcard", text_operand()),
        Operator::Cidr => named("cidr", Value::String(text.trim().to_string())),
        Operator::Exists => named("exists", Value::Bool(true)),
        Operator::DoesNotExist => named("exists", Value::Bool(false)),
        Operator::Numeric => named(
            "numeric",
            numeric_operands(text).map_err(|(c, m)| error(c, m))?,
        ),
        Operator::Json => serde_json::from_str::<Value>(text)
            .map_err(|e| error(e.column(), format!("Not JSON: {e}.")))?,
    })
}

/// `> 0, <= 5` (commas optional) → `[">", 0, "<=", 5]`.
fn numeric_operands(text: &str) -> Result<Value, (usize, String)> {
    const COMPARISONS: [&str; 5] = ["<=", ">=", "=", "<", ">"];
    let mut items = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        let column = text.len() - rest.len();
        if rest.is_empty() {
            break;
        }
        let Some(comparison) = COMPARISONS.iter().find(|c| rest.starts_with(**c)) else {
            return Err((
                column,
                "Expected a comparison (=, <, <=, >, >=) before each number.".to_string(),
            ));
        };
        rest = rest[comparison.len()..].trim_start();
        let column = text.len() - rest.len();
        let end = rest
            .find(|c: char| c.is_whitespace() || c == ',' || "<>=".contains(c))
            .unwrap_or(rest.len());
        let number = rest[..end]
            .parse::<Number>()
            .map_err(|_| (column, format!("Expected a number after `{comparison}`.")))?;
        items.push(Value::String(comparison.to_string()));
        items.push(Value::Number(number));
        rest = &rest[end..];
    }
    if items.is_empty() {
        return Err((
            0,
            "Write a comparison and a number, like `> 0` or `>= 0, < 100`.".into(),
        ));
    }
    Ok(Value::Array(items))
}
