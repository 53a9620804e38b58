//! The conditions of a leaf, typed: what each operator asks, with its operands as written.
//!
//! Built from the compiled matchers (the compiler is the one place that validates operators),
//! so the model can never describe a condition differently from how it matches.

use serde_json::Value;

use crate::operators::Matcher;
use crate::operators::anything_but::AnythingBut as CompiledAnythingBut;
use crate::operators::exact::Exact;

/// A number as written in the pattern, with its value when a double holds it exactly.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberLiteral {
    /// The text as written (`300.0` stays `300.0`).
    pub text: String,
    /// The value, when a double holds the text exactly.
    pub value: Option<f64>,
}

/// A JSON scalar matched exactly.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// A string.
    String(String),
    /// A number.
    Number(NumberLiteral),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
}

impl Literal {
    /// The literal as JSON (numbers keep their text).
    pub fn to_json(&self) -> Value {
        match self {
            Literal::String(s) => Value::String(s.clone()),
            Literal::Number(n) => number_json(&n.text),
            Literal::Bool(b) => Value::Bool(*b),
            Literal::Null => Value::Null,
        }
    }

    /// The string, when the literal is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Literal::String(s) => Some(s),
            _ => None,
        }
    }
}

/// A numeric comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericOp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `=`
    Eq,
    /// `>=`
    Ge,
    /// `>`
    Gt,
}

impl NumericOp {
    /// The operator as written in a pattern.
    pub fn symbol(self) -> &'static str {
        match self {
            NumericOp::Lt => "<",
            NumericOp::Le => "<=",
            NumericOp::Eq => "=",
            NumericOp::Ge => ">=",
            NumericOp::Gt => ">",
        }
    }

    /// The operator for a symbol.
    pub fn from_symbol(symbol: &str) -> Option<NumericOp> {
        [
            NumericOp::Lt,
            NumericOp::Le,
            NumericOp::Eq,
            NumericOp::Ge,
            NumericOp::Gt,
        ]
        .into_iter()
        .find(|op| op.symbol() == symbol)
    }
}

/// One comparison of a `numeric` condition; all of a condition's comparisons must hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The operator.
    pub op: NumericOp,
    /// The bound.
    pub value: NumberLiteral,
}

/// The values an `anything-but` excludes.
#[derive(Debug, Clone, PartialEq)]
pub enum AnythingBut {
    /// Exact values (all strings or all numbers).
    Values(Vec<Literal>),
    /// `{"anything-but": {"prefix": …}}`.
    Prefix(Vec<String>),
    /// `{"anything-but": {"suffix": …}}`.
    Suffix(Vec<String>),
    /// `{"anything-but": {"equals-ignore-case": …}}`.
    EqualsIgnoreCase(Vec<String>),
    /// `{"anything-but": {"wildcard": …}}`.
    Wildcard(Vec<String>),
}

/// What one condition of a leaf asks of a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Operator {
    /// A plain value (or `{"exactly": …}`), matched exactly.
    Exact(Literal),
    /// `{"prefix": …}`, or `{"prefix": {"equals-ignore-case": …}}` when `ignore_case`.
    Prefix {
        /// The prefix as written.
        value: String,
        /// The equals-ignore-case form.
        ignore_case: bool,
    },
    /// `{"suffix": …}`, or `{"suffix": {"equals-ignore-case": …}}` when `ignore_case`.
    Suffix {
        /// The suffix as written.
        value: String,
        /// The equals-ignore-case form.
        ignore_case: bool,
    },
    /// `{"equals-ignore-case": …}`.
    EqualsIgnoreCase(String),
    /// `{"anything-but": …}` in any of its forms. Needs the field to be present.
    AnythingBut(AnythingBut),
    /// `{"numeric": [op, n, …]}`: every comparison must hold; only JSON numbers match.
    Numeric(Vec<Comparison>),
    /// `{"exists": true|false}`.
    Exists(bool),
    /// `{"cidr": "10.0.0.0/8"}`.
    Cidr(String),
    /// `{"wildcard": "a*b"}`.
    Wildcard(String),
}

impl Operator {
    /// The operator's name as written in patterns (`exact` for plain values); forms add
    /// their sub-operator: `prefix/equals-ignore-case`, `anything-but/wildcard`.
    pub fn name(&self) -> &'static str {
        match self {
            Operator::Exact(_) => "exact",
            Operator::Prefix {
                ignore_case: false, ..
            } => "prefix",
            Operator::Prefix {
                ignore_case: true, ..
            } => "prefix/equals-ignore-case",
            Operator::Suffix {
                ignore_case: false, ..
            } => "suffix",
            Operator::Suffix {
                ignore_case: true, ..
            } => "suffix/equals-ignore-case",
            Operator::EqualsIgnoreCase(_) => "equals-ignore-case",
            Operator::AnythingBut(AnythingBut::Values(_)) => "anything-but",
            Operator::AnythingBut(AnythingBut::Prefix(_)) => "anything-but/prefix",
            Operator::AnythingBut(AnythingBut::Suffix(_)) => "anything-but/suffix",
            Operator::AnythingBut(AnythingBut::EqualsIgnoreCase(_)) => {
                "anything-but/equals-ignore-case"
            }
            Operator::AnythingBut(AnythingBut::Wildcard(_)) => "anything-but/wildcard",
            Operator::Numeric(_) => "numeric",
            Operator::Exists(true) => "exists",
            Operator::Exists(false) => "exists:false",
            Operator::Cidr(_) => "cidr",
            Operator::Wildcard(_) => "wildcard",
        }
    }

    /// Whether a missing field satisfies the condition (only `exists: false`).
    pub fn accepts_absence(&self) -> bool {
        matches!(self, Operator::Exists(false))
    }

    /// The condition as pattern JSON (an item of a leaf array), as AWS reads it.
    pub fn to_json(&self) -> Value {
        let op = |name: &str, operand: Value| {
            let mut map = serde_json::Map::new();
            map.insert(name.to_string(), operand);
            Value::Object(map)
        };
        let strings = |items: &[String]| match items {
            [one] => Value::String(one.clone()),
            many => Value::Array(many.iter().cloned().map(Value::String).collect()),
        };
        let text_or_ignore_case = |value: &str, ignore_case: bool| {
            if ignore_case {
                op("equals-ignore-case", Value::String(value.to_string()))
            } else {
                Value::String(value.to_string())
            }
        };
        match self {
            Operator::Exact(literal) => literal.to_json(),
            Operator::Prefix { value, ignore_case } => {
                op("prefix", text_or_ignore_case(value, *ignore_case))
            }
            Operator::Suffix { value, ignore_case } => {
                op("suffix", text_or_ignore_case(value, *ignore_case))
            }
            Operator::EqualsIgnoreCase(value) => {
                op("equals-ignore-case", Value::String(value.clone()))
            }
            Operator::AnythingBut(but) => op(
                "anything-but",
                match but {
                    AnythingBut::Values(values) if values.len() == 1 => values[0].to_json(),
                    AnythingBut::Values(values) => {
                        Value::Array(values.iter().map(Literal::to_json).collect())
                    }
                    AnythingBut::Prefix(items) => op("prefix", strings(items)),
                    AnythingBut::Suffix(items) => op("suffix", strings(items)),
                    AnythingBut::EqualsIgnoreCase(items) => {
                        op("equals-ignore-case", strings(items))
                    }
                    AnythingBut::Wildcard(items) => op("wildcard", strings(items)),
                },
            ),
            Operator::Numeric(comparisons) => op(
                "numeric",
                Value::Array(
                    comparisons
                        .iter()
                        .flat_map(|c| {
                            [
                                Value::String(c.op.symbol().to_string()),
                                number_json(&c.value.text),
                            ]
                        })
                        .collect(),
                ),
            ),
            Operator::Exists(present) => op("exists", Value::Bool(*present)),
            Operator::Cidr(range) => op("cidr", Value::String(range.clone())),
            Operator::Wildcard(pattern) => op("wildcard", Value::String(pattern.clone())),
        }
    }
}

/// A JSON number keeping its text (the workspace's serde_json has `arbitrary_precision`).
pub(crate) fn number_json(text: &str) -> Value {
    text.parse::<serde_json::Number>()
        .map(Value::Number)
        .unwrap_or_else(|_| Value::String(text.to_string()))
}

/// The model of a compiled condition. Numeric comparisons are passed in as written, because
/// the compiled range keeps only its bounds.
pub(crate) fn from_matcher(matcher: &Matcher, comparisons: Vec<Comparison>) -> Operator {
    let literal = |exact: &Exact| match exact {
        Exact::String { text, .. } => Literal::String(text.clone()),
        Exact::Number { text, value } => Literal::Number(NumberLiteral {
            text: text.clone(),
            value: *value,
        }),
        Exact::Bool(b) => Literal::Bool(*b),
        Exact::Null => Literal::Null,
    };
    match matcher {
        Matcher::Exact(exact) => Operator::Exact(literal(exact)),
        Matcher::Prefix(p) => Operator::Prefix {
            value: p.text.clone(),
            ignore_case: p.lower.is_some(),
        },
        Matcher::Suffix(s) => Operator::Suffix {
            value: s.text.clone(),
            ignore_case: s.lower.is_some(),
        },
        Matcher::EqualsIgnoreCase(e) => Operator::EqualsIgnoreCase(e.text.clone()),
        Matcher::AnythingBut(but) => Operator::AnythingBut(match but {
            CompiledAnythingBut::Strings(set) => {
                AnythingBut::Values(set.iter().cloned().map(Literal::String).collect())
            }
            CompiledAnythingBut::Numbers(set) => AnythingBut::Values(
                set.iter()
                    .map(|(value, text)| {
                        Literal::Number(NumberLiteral {
                            text: text.clone(),
                            value: Some(*value),
                        })
                    })
                    .collect(),
            ),
            CompiledAnythingBut::Prefixes(set) => AnythingBut::Prefix(set.clone()),
            CompiledAnythingBut::Suffixes(set) => AnythingBut::Suffix(set.clone()),
            CompiledAnythingBut::IgnoreCase(set) => {
                AnythingBut::EqualsIgnoreCase(set.iter().map(|(text, _)| text.clone()).collect())
            }
            CompiledAnythingBut::Wildcards(set) => {
                AnythingBut::Wildcard(set.iter().map(|w| w.text.clone()).collect())
            }
        }),
        Matcher::Numeric(_) => Operator::Numeric(comparisons),
        Matcher::Exists(present) => Operator::Exists(*present),
        Matcher::Cidr(range) => Operator::Cidr(range.text.clone()),
        Matcher::Wildcard(w) => Operator::Wildcard(w.text.clone()),
    }
}
