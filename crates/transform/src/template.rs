//! `InputTemplate`: placeholders `<name>` filled the way EventBridge fills them.
//!
//! The rules, from AWS's "Amazon EventBridge input transformation" page
//! (`eb-transform-target-input`) and the `InputTransformer` API reference:
//! - a template that is a JSON object (surrounded by curly braces) must be valid JSON once
//!   filled, and a placeholder cannot be used as an object key;
//! - a variable used bare (`"id": <id>`) in a JSON template gets JSON: EventBridge adds the quotes
//!   around a string value, and none around objects or arrays;
//! - inside a string (`"<user> launched"`) or in a template that is not a JSON object, a string
//!   value is inserted as it is: "EventBridge doesn't escape values extracted by Input Path";
//! - an object or array referenced inside a string loses its internal quotes;
//! - `<aws.events.event>` and `<aws.events.event.json>` "can only be used as the value of a JSON
//!   field", because their contents are not escaped;
//! - a path that does not exist in the event creates no variable. EventPen assumes the
//!   placeholder then becomes `null` in a JSON value position and nothing inside text, and says
//!   so beside the rendered input.

use crate::position::{Field, Problem};
use serde_json::Value;

/// The longest `InputTemplate` AWS accepts, in characters.
pub const MAX_TEMPLATE_CHARS: usize = 8192;

/// What a placeholder stands for in one event.
#[derive(Clone, Debug, PartialEq)]
pub enum Lookup {
    /// A value (from a path, or a predefined variable such as the rule name).
    Value(Value),
    /// The variable is defined but its path does not exist in this event.
    Missing(String),
    /// JSON inserted verbatim (`<aws.events.event>`, `<aws.events.event.json>`): JSON field values only.
    RawJson(String),
}

/// The filled template, with notes about this event (missing paths, unescaped values).
#[derive(Clone, Debug, PartialEq)]
pub struct Filled {
    /// The text the target receives.
    pub text: String,
    /// Things to know about this event's output.
    pub notes: Vec<String>,
}

/// True when AWS treats `template` as a JSON object (it starts with `{` after whitespace).
pub fn is_json_template(template: &str) -> bool {
    template.trim_start().starts_with('{')
}

/// Fills `template`; `lookup` returns `None` for a name that is not a variable. Problems are
/// the template's own (they do not depend on the event); the first error stops the fill.
pub fn fill(template: &str, lookup: &dyn Fn(&str) -> Option<Lookup>) -> Result<Filled, Problem> {
    let count = template.chars().count();
    if count == 0 {
        return Err(Problem::at(
            Field::InputTemplate,
            template,
            0,
            "the template is empty; AWS needs 1 to 8192 characters",
        ));
    }
    if count > MAX_TEMPLATE_CHARS {
        return Err(Problem::at(
            Field::InputTemplate,
            template,
            0,
            format!(
                "the template has {count} characters; AWS accepts at most {MAX_TEMPLATE_CHARS}"
            ),
        ));
    }
    let mut filler = Filler {
        text: template,
        at: 0,
        out: String::with_capacity(template.len()),
        notes: Vec::new(),
        warnings: Vec::new(),
        lookup,
        in_json: is_json_template(template),
    };
    if filler.in_json {
        filler.whitespace();
        filler.value()?;
        filler.whitespace();
        if filler.at < template.len() {
            return Err(filler
                .problem("text after the template's closing '}': a JSON template is one object"));
        }
    } else {
        filler.plain_text()?;
    }
    Ok(Filled {
        text: filler.out,
        notes: filler.notes,
    })
}

/// The template's warnings (undefined placeholders AWS passes through as text), for validation.
pub fn warnings(template: &str, lookup: &dyn Fn(&str) -> Option<Lookup>) -> Vec<Problem> {
    let mut filler = Filler {
        text: template,
        at: 0,
        out: String::new(),
        notes: Vec::new(),
        warnings: Vec::new(),
        lookup,
        in_json: is_json_template(template),
    };
    let _ = if filler.in_json {
        filler.value()
    } else {
        filler.plain_text()
    };
    filler.warnings
}

struct Filler<'t> {
    text: &'t str,
    at: usize,
    out: String,
    notes: Vec<String>,
    warnings: Vec<Problem>,
    lookup: &'t dyn Fn(&str) -> Option<Lookup>,
    in_json: bool,
}

fn is_placeholder_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')
}

impl Filler<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn problem(&self, message: impl Into<String>) -> Problem {
        Problem::at(Field::InputTemplate, self.text, self.at, message)
    }

    fn take(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.out.push(c);
        self.at += c.len_utf8();
        Some(c)
    }

    fn whitespace(&mut self) {
        while self
            .peek()
            .is_some_and(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
        {
            self.take();
        }
    }

    /// The placeholder name at the cursor (`<name>`), without moving.
    fn placeholder_at(&self) -> Option<&str> {
        let rest = self.text[self.at..].strip_prefix('<')?;
        let end = rest.find('>')?;
        let name = &rest[..end];
        (!name.is_empty() && name.chars().all(is_placeholder_char)).then_some(name)
    }

    fn missing_note(&mut self, name: &str, path: &str, instead: &str) {
        self.notes.push(format!(
            "<{name}>: {path} is not in this event, so the variable is not created; it becomes {instead}"
        ));
    }

    /// A placeholder inside text (a JSON string, or a template that is not a JSON object).
    fn placeholder_in_text(&mut self) -> Result<bool, Problem> {
        let Some(name) = self.placeholder_at().map(str::to_owned) else {
            return Ok(false);
        };
        let Some(found) = (self.lookup)(&name) else {
            self.warnings.push(
                self.problem(format!("<{name}> is not a variable of InputPathsMap nor a predefined variable; AWS sends it as written"))
                    .warning(),
            );
            return Ok(false);
        };
        match found {
            Lookup::RawJson(_) => {
                return Err(self.problem(format!(
                    "<{name}> can only be used as the value of a JSON field (its contents are not escaped), not inside text"
                )));
            }
            Lookup::Missing(path) => self.missing_note(&name, &path, "nothing in the text"),
            Lookup::Value(Value::String(text)) => {
                if self.in_json
                    && text
                        .chars()
                        .any(|c| c == '"' || c == '\\' || c.is_control())
                {
                    self.notes.push(format!(
                        "<{name}> holds a quote, backslash or control character and EventBridge does not escape values inside a string: this output is not valid JSON"
                    ));
                }
                self.out.push_str(&text);
            }
            Lookup::Value(value @ (Value::Object(_) | Value::Array(_))) => {
                self.out.push_str(&value.to_string().replace('"', ""));
            }
            Lookup::Value(value) => self.out.push_str(&value.to_string()),
        }
        self.at += name.len() + 2;
        Ok(true)
    }

    fn plain_text(&mut self) -> Result<(), Problem> {
        while let Some(c) = self.peek() {
            if c == '<' && self.placeholder_in_text()? {
                continue;
            }
            self.take();
        }
        Ok(())
    }

    fn value(&mut self) -> Result<(), Problem> {
        match self.peek() {
            Some('{') => self.object(),
            Some('[') => self.array(),
            Some('"') => self.string(false),
            Some('<') => self.placeholder_value(),
            Some(c) if c == '-' || c.is_ascii_digit() => self.number(),
            Some(c) if c.is_ascii_alphabetic() => self.literal(),
            Some(c) => Err(self.problem(format!("{c:?} cannot start a JSON value"))),
            None => Err(self.problem("the template ends where a JSON value should be")),
        }
    }

    fn placeholder_value(&mut self) -> Result<(), Problem> {
        let Some(name) = self.placeholder_at().map(str::to_owned) else {
            return Err(self.problem("'<' must start a placeholder such as <name> here"));
        };
        let Some(found) = (self.lookup)(&name) else {
            return Err(self.problem(format!(
                "<{name}> is not a variable of InputPathsMap nor a predefined variable, so the template would not be valid JSON"
            )));
        };
        match found {
            Lookup::Value(value) => self.out.push_str(&value.to_string()),
            Lookup::RawJson(json) => self.out.push_str(&json),
            Lookup::Missing(path) => {
                self.missing_note(&name, &path, "null");
                self.out.push_str("null");
            }
        }
        self.at += name.len() + 2;
        Ok(())
    }

    fn object(&mut self) -> Result<(), Problem> {
        self.take();
        self.whitespace();
        if self.peek() == Some('}') {
            self.take();
            return Ok(());
        }
        loop {
            self.whitespace();
            match self.peek() {
                Some('<') => {
                    return Err(self.problem("a placeholder cannot be used as an object key"));
                }
                Some('"') => self.string(true)?,
                _ => return Err(self.problem("expected a field name in double quotes")),
            }
            self.whitespace();
            if self.peek() != Some(':') {
                return Err(self.problem("expected ':' after the field name"));
            }
            self.take();
            self.whitespace();
            self.value()?;
            if self.after_element('}', "expected ',' or '}' after the field's value")? {
                return Ok(());
            }
        }
    }

    fn array(&mut self) -> Result<(), Problem> {
        self.take();
        self.whitespace();
        if self.peek() == Some(']') {
            self.take();
            return Ok(());
        }
        loop {
            self.whitespace();
            self.value()?;
            if self.after_element(']', "expected ',' or ']' after the array element")? {
                return Ok(());
            }
        }
    }

    /// After an object's value or an array's element: a comma (more follows, `false`) or the
    /// container's `close` (it ended, `true`); anything else is the `problem`.
    fn after_element(&mut self, close: char, problem: &str) -> Result<bool, Problem> {
        self.whitespace();
        match self.peek() {
            Some(',') => {
                self.take();
                Ok(false)
            }
            Some(c) if c == close => {
                self.take();
                Ok(true)
            }
            _ => Err(self.problem(problem)),
        }
    }

    fn string(&mut self, key: bool) -> Result<(), Problem> {
        let start = self.at;
        self.take();
        loop {
            match self.peek() {
                None => {
                    self.at = start;
                    return Err(self.problem("this string is not closed with '\"'"));
                }
                Some('"') => {
                    self.take();
                    return Ok(());
                }
                Some('\\') => {
                    self.take();
                    match self.peek() {
                        Some('"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't' | 'u') => {
                            self.take();
                        }
                        _ => return Err(self.problem(
                            "not a JSON escape: use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX",
                        )),
                    }
                }
                Some(c) if c.is_control() => {
                    return Err(self.problem("a control character (such as a line break) inside a string must be escaped, e.g. \\n"));
                }
                Some('<')
                    if key
                        && self
                            .placeholder_at()
                            .is_some_and(|n| (self.lookup)(n).is_some()) =>
                {
                    return Err(self.problem("a placeholder cannot be used as an object key"));
                }
                Some('<') if !key => {
                    if !self.placeholder_in_text()? {
                        self.take();
                    }
                }
                Some(_) => {
                    self.take();
                }
            }
        }
    }

    fn number(&mut self) -> Result<(), Problem> {
        let start = self.at;
        let end = self.text[start..]
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E')))
            .map_or(self.text.len(), |len| start + len);
        let lexeme = &self.text[start..end];
        if serde_json::from_str::<serde_json::Number>(lexeme).is_err() {
            return Err(self.problem(format!("{lexeme:?} is not a JSON number")));
        }
        self.out.push_str(lexeme);
        self.at = end;
        Ok(())
    }

    fn literal(&mut self) -> Result<(), Problem> {
        let start = self.at;
        let end = self.text[start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(self.text.len(), |len| start + len);
        let word = &self.text[start..end];
        if !matches!(word, "true" | "false" | "null") {
            return Err(self.problem(format!(
                "{word:?} is not JSON: text must be in double quotes (true, false and null are the only bare words)"
            )));
        }
        self.out.push_str(word);
        self.at = end;
        Ok(())
    }
}
