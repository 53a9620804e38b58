//! `{"numeric": [">", 0, "<=", 5]}`: numbers in a range. One comparison (`=`, `<`, `<=`,
//! `>`, `>=`) or a lower bound (`>`/`>=`) followed by an upper bound (`<`/`<=`).
//!
//! Only JSON numbers match (never the string `"5"`), compared as doubles. Like event-ruler,
//! an operand a double cannot hold exactly is invalid (`Cannot compare number : 1E309`), and
//! an event number a double cannot hold exactly does not match.

use super::{Matcher, token_text};
use crate::compile::{Ctx, Stop};
use crate::event::Scalar;
use crate::number::{LazyNumber, comparable, is_exact};
use crate::reader::{Json, Node};

/// The operator name.
pub(crate) const OPERATOR: &str = "numeric";

/// One end of a range: the bound and whether it is included.
pub(crate) type Bound = Option<(f64, bool)>;

/// A numeric range with optional ends.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NumericRange {
    pub lower: Bound,
    pub upper: Bound,
    /// The comparisons as written, e.g. `> 0, <= 5`, for describing.
    pub words: String,
}

impl NumericRange {
    #[inline]
    pub(crate) fn contains(&self, v: f64) -> bool {
        let above = match self.lower {
            None => true,
            Some((b, inclusive)) => v > b || (inclusive && v == b),
        };
        let below = match self.upper {
            None => true,
            Some((b, inclusive)) => v < b || (inclusive && v == b),
        };
        above && below
    }

    #[inline]
    pub(crate) fn matches(&self, value: Scalar<'_>) -> bool {
        match value {
            Scalar::Num(text) => self.matches_number(&mut LazyNumber::new(text)),
            _ => false,
        }
    }

    /// Whether an event number is in the range: most numbers are rejected by their integer
    /// part alone; the rest are parsed, and must be exact doubles to match.
    #[inline]
    pub(crate) fn matches_number(&self, number: &mut LazyNumber<'_>) -> bool {
        if let Some((low, high)) = number.bracket() {
            let above_top = self.upper.is_some_and(|(top, _)| low > top);
            let below_bottom = self.lower.is_some_and(|(bottom, _)| high < bottom);
            if above_top || below_bottom {
                return false;
            }
        }
        let text = number.text;
        number
            .value()
            .is_some_and(|v| self.contains(v) && is_exact(text, v))
    }

    pub(crate) fn describe(&self) -> String {
        format!("a number {}", self.words)
    }
}

/// Reads the operand array, with event-ruler's checks in event-ruler's order.
pub(crate) fn parse_operand(ctx: &mut Ctx, operand: &Node, path: &str) -> Result<Matcher, Stop> {
    let items = match &operand.json {
        Json::Array(items) => items,
        Json::Incomplete => return Err(Stop::Syntax),
        _ => {
            return Err(ctx.problem(
                operand.span.clone(),
                operand.span.start,
                "operand-type",
                "Value of numeric must be an array.",
                path,
            ));
        }
    };
    let mut reader = Terms {
        ctx,
        operand,
        items,
        path,
        next: 0,
    };
    let range = reader.range()?;
    Ok(Matcher::Numeric(range))
}

/// Walks the terms of a numeric array one token at a time, like event-ruler's parser.
struct Terms<'a, 'c> {
    ctx: &'c mut Ctx,
    operand: &'a Node,
    items: &'a [Node],
    path: &'a str,
    next: usize,
}

/// What the next token is.
enum Token<'a> {
    Item(&'a Node),
    End,
}

impl<'a> Terms<'a, '_> {
    fn token(&mut self) -> Result<Token<'a>, Stop> {
        let index = self.next;
        self.next += 1;
        match self.items.get(index) {
            Some(Node {
                json: Json::Incomplete,
                ..
            }) => Err(Stop::Syntax),
            Some(node) => Ok(Token::Item(node)),
            None if self.operand.closed => Ok(Token::End),
            None => Err(Stop::Syntax),
        }
    }

    fn fail(&mut self, token: &Token<'a>, code: &'static str, message: String) -> Stop {
        let (span, trigger) = match token {
            Token::Item(node) => (node.span.clone(), node.span.start),
            Token::End => (
                self.operand.span.clone(),
                self.operand.span.end.saturating_sub(1),
            ),
        };
        let path = format!("{}[{}]", self.path, self.next.saturating_sub(1));
        self.ctx.problem(span, trigger, code, message, path)
    }

    fn text(token: &Token<'a>) -> String {
        match token {
            Token::Item(node) => token_text(node),
            Token::End => "]".to_string(),
        }
    }

    /// The operand of `op`: a number token (not yet checked for range).
    fn value(&mut self, name: &str) -> Result<(&'a Node, &'a str), Stop> {
        let token = self.token()?;
        if let Token::Item(
            node @ Node {
                json: Json::Number(text),
                ..
            },
        ) = token
        {
            return Ok((node, text));
        }
        Err(self.fail(
            &token,
            "operand-type",
            format!("Value of {name} must be numeric"),
        ))
    }

    fn end(&mut self, message: &str) -> Result<(), Stop> {
        let token = self.token()?;
        match token {
            Token::End => Ok(()),
            _ => Err(self.fail(&token, "numeric-syntax", message.to_string())),
        }
    }

    /// A bound's value, which a double must hold exactly (checked once the array is read).
    fn exact(&mut self, node: &Node, text: &str) -> Result<f64, Stop> {
        comparable(text).ok_or_else(|| {
            let trigger = self.operand.span.end.saturating_sub(1);
            self.ctx.problem(
                node.span.clone(),
                trigger,
                "number-out-of-range",
                format!("Cannot compare number : {text}"),
                self.path,
            )
        })
    }

    fn range(&mut self) -> Result<NumericRange, Stop> {
        let first = self.token()?;
        let op = match &first {
            Token::Item(Node {
                json: Json::String(s),
                ..
            }) => s.clone(),
            _ => {
                let message = format!("Invalid member in numeric match: {}", Self::text(&first));
                return Err(self.fail(&first, "numeric-syntax", message));
            }
        };
        let too_many = "Too many elements in numeric expression";
        match op.as_str() {
            "=" => {
                let (node, text) = self.value("equals")?;
                self.end(too_many)?;
                let v = self.exact(node, text)?;
                Ok(NumericRange {
                    lower: Some((v, true)),
                    upper: Some((v, true)),
                    words: format!("= {text}"),
                })
            }
            "<" | "<=" => {
                let (node, text) = self.value(&op)?;
                self.end(too_many)?;
                let v = self.exact(node, text)?;
                Ok(NumericRange {
                    lower: None,
                    upper: Some((v, op == "<=")),
                    words: format!("{op} {text}"),
                })
            }
            ">" | ">=" => {
                let (low_node, low_text) = self.value(&op)?;
                let next = self.token()?;
                let Token::Item(op2_node) = next else {
                    let v = self.exact(low_node, low_text)?;
                    return Ok(NumericRange {
                        lower: Some((v, op == ">=")),
                        upper: None,
                        words: format!("{op} {low_text}"),
                    });
                };
                let Json::String(op2) = &op2_node.json else {
                    let message = format!("Bad value in numeric range: {}", token_text(op2_node));
                    return Err(self.fail(&next, "numeric-syntax", message));
                };
                if op2 != "<" && op2 != "<=" {
                    let message = format!("Bad numeric range operator: {op2}");
                    return Err(self.fail(&next, "numeric-syntax", message));
                }
                let (high_node, high_text) = self.value(op2)?;
                self.end("Too many terms in numeric range expression")?;
                let low = self.exact(low_node, low_text)?;
                let high = self.exact(high_node, high_text)?;
                if low >= high {
                    let trigger = self.operand.span.end.saturating_sub(1);
                    return Err(self.ctx.problem(
                        self.operand.span.clone(),
                        trigger,
                        "numeric-range",
                        "Bottom must be less than top",
                        self.path,
                    ));
                }
                Ok(NumericRange {
                    lower: Some((low, op == ">=")),
                    upper: Some((high, op2 == "<=")),
                    words: format!("{op} {low_text} and {op2} {high_text}"),
                })
            }
            _ => Err(self.fail(
                &first,
                "unknown-operator",
                format!("Unrecognized numeric range operator: {op}"),
            )),
        }
    }
}

#[cfg(test)]
mod tests;
