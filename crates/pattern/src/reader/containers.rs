//! Objects and arrays, kept as far as they were read when a syntax error stops the reading.

use super::{Json, MAX_DEPTH, Member, Node, Reader, StringKind, source_description};

impl Reader<'_> {
    fn enter(&mut self) -> bool {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.fail(
                self.pos,
                format!(
                    "Document nesting depth ({}) exceeds the maximum allowed ({MAX_DEPTH}, from `StreamReadConstraints.getMaxNestingDepth()`)",
                    self.depth
                ),
            );
            return false;
        }
        true
    }

    fn end_of_input_in(&mut self, kind: &str, start: usize) {
        let source = source_description(self.text, start);
        self.fail(
            self.pos,
            format!("Unexpected end-of-input: expected close marker for {kind} (start marker at {source})"),
        );
    }

    /// Jackson's message for the end of input where a member or item must come next: after
    /// a comma, a field name or a colon.
    fn end_of_input_between(&mut self, container: Container) {
        self.fail(
            self.pos,
            format!(
                "Unexpected end-of-input within/between {} entries",
                container.name()
            ),
        );
    }

    /// A close marker of the wrong kind, where Jackson checks for one.
    fn mismatched_close(&mut self, container: Container, found: char, start: usize) {
        let source = source_description(self.text, start);
        self.fail(
            self.pos,
            format!(
                "Unexpected close marker '{found}': expected '{}' (for {} starting at {source})",
                container.close(),
                container.name()
            ),
        );
    }

    pub(super) fn object(&mut self) -> Node {
        let start = self.pos;
        let mut members = Vec::new();
        let partial = |members, reader: &Reader| Node {
            json: Json::Object(members),
            span: start..reader.pos,
            closed: false,
        };
        if !self.enter() {
            return partial(members, self);
        }
        self.pos += 1;
        self.skip_whitespace();
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Node {
                json: Json::Object(members),
                span: start..self.pos,
                closed: true,
            };
        }
        let mut first = true;
        loop {
            self.skip_whitespace();
            if self.failed() {
                return partial(members, self);
            }
            match self.bytes.get(self.pos) {
                Some(b'"') => {}
                None if first => {
                    self.end_of_input_in("Object", start);
                    return partial(members, self);
                }
                None => {
                    self.end_of_input_between(Container::Object);
                    return partial(members, self);
                }
                Some(b']') if first => {
                    self.mismatched_close(Container::Object, ']', start);
                    return partial(members, self);
                }
                Some(_) => {
                    self.unexpected("was expecting double-quote to start field name");
                    return partial(members, self);
                }
            }
            let key_start = self.pos;
            first = false;
            let Some(key) = self.string(StringKind::Name) else {
                return partial(members, self);
            };
            let key_span = key_start..self.pos;
            self.skip_whitespace();
            if self.bytes.get(self.pos) != Some(&b':') {
                if self.pos >= self.bytes.len() {
                    self.end_of_input_between(Container::Object);
                } else {
                    self.unexpected("was expecting a colon to separate field name and value");
                }
                let value = self.incomplete();
                members.push(Member {
                    key,
                    key_span,
                    value,
                });
                return partial(members, self);
            }
            self.pos += 1;
            self.skip_whitespace();
            let value = if self.failed() {
                self.incomplete()
            } else if self.pos >= self.bytes.len() {
                self.end_of_input_between(Container::Object);
                self.incomplete()
            } else {
                self.value()
            };
            members.push(Member {
                key,
                key_span,
                value,
            });
            if self.failed() {
                return partial(members, self);
            }
            match self.after_element(Container::Object, start) {
                Step::Next => {}
                Step::Closed => {
                    return Node {
                        json: Json::Object(members),
                        span: start..self.pos,
                        closed: true,
                    };
                }
                Step::Failed => return partial(members, self),
            }
        }
    }

    pub(super) fn array(&mut self) -> Node {
        let start = self.pos;
        let mut items = Vec::new();
        let partial = |items, reader: &Reader| Node {
            json: Json::Array(items),
            span: start..reader.pos,
            closed: false,
        };
        if !self.enter() {
            return partial(items, self);
        }
        self.pos += 1;
        self.skip_whitespace();
        if self.bytes.get(self.pos) == Some(&b']') {
            self.pos += 1;
            self.depth -= 1;
            return Node {
                json: Json::Array(items),
                span: start..self.pos,
                closed: true,
            };
        }
        let mut first = true;
        loop {
            self.skip_whitespace();
            if self.failed() {
                return partial(items, self);
            }
            match self.char_at(self.pos) {
                None if first => {
                    self.end_of_input_in("Array", start);
                    return partial(items, self);
                }
                None => {
                    self.end_of_input_between(Container::Array);
                    return partial(items, self);
                }
                Some('}') if first => {
                    self.mismatched_close(Container::Array, '}', start);
                    return partial(items, self);
                }
                // After a comma a close marker is a missing value (`[1,]`), which Jackson
                // reports as any other character that cannot start one.
                Some(_) => {}
            }
            first = false;
            let item = self.value();
            items.push(item);
            if self.failed() {
                return partial(items, self);
            }
            match self.after_element(Container::Array, start) {
                Step::Next => {}
                Step::Closed => {
                    return Node {
                        json: Json::Array(items),
                        span: start..self.pos,
                        closed: true,
                    };
                }
                Step::Failed => return partial(items, self),
            }
        }
    }

    /// After an object member or an array item: a comma goes on, the container's own close
    /// marker ends it, and anything else is the error Jackson reports in that place.
    fn after_element(&mut self, container: Container, start: usize) -> Step {
        self.skip_whitespace();
        if self.failed() {
            return Step::Failed;
        }
        match self.char_at(self.pos) {
            Some(',') => {
                self.pos += 1;
                Step::Next
            }
            Some(c) if c == container.close() => {
                self.pos += 1;
                self.depth -= 1;
                Step::Closed
            }
            Some(c) if c == container.other_close() => {
                self.mismatched_close(container, c, start);
                Step::Failed
            }
            None => {
                self.end_of_input_in(container.name(), start);
                Step::Failed
            }
            Some(_) => {
                self.unexpected(&format!(
                    "was expecting comma to separate {} entries",
                    container.name()
                ));
                Step::Failed
            }
        }
    }
}

/// Which container is being read.
#[derive(Clone, Copy)]
enum Container {
    Object,
    Array,
}

impl Container {
    /// Jackson's name for it in messages.
    fn name(self) -> &'static str {
        match self {
            Container::Object => "Object",
            Container::Array => "Array",
        }
    }

    fn close(self) -> char {
        match self {
            Container::Object => '}',
            Container::Array => ']',
        }
    }

    /// The other container's close marker: a mismatched close.
    fn other_close(self) -> char {
        match self {
            Container::Object => ']',
            Container::Array => '}',
        }
    }
}

/// What follows an element.
enum Step {
    Next,
    Closed,
    Failed,
}
