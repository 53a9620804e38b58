//! From the read pattern to the compiled form, validating as event-ruler's `JsonRuleCompiler`
//! does (same checks, same order, same messages).
//!
//! event-ruler compiles to a list of sub-rules (one per combination of `$or` branches), each a
//! map from a field's flattened name to its leaf; a later leaf with the same flattened name
//! replaces an earlier one (duplicate keys: the last wins), while `{"a": {"b": …}}` and
//! `{"a.b": …}` are the same field. That list grows as the product of the branch counts, so
//! the compiled form here is an and/or tree ([`crate::tree`]) whose paths are those
//! sub-rules; only their number is computed, for the limits. Leaves live once in
//! [`Compiled::fields`] and the tree refers to them by index.
//!
//! Order matters for errors: AWS reports the first problem its streaming compiler meets.
//! The walk below visits the pattern in text order and stops at the first problem; nodes cut
//! short by a syntax error are walked as far as they were read, and a problem that would only
//! be noticed at a container's end is not reported for a container that never ended.

use std::ops::Range;

use crate::operators::{self, Matcher, or};
use crate::reader::{Json, Member, Node};
use crate::tree::{Sequence, Tree, TreeBuilder};

/// AWS's limit on a `$or` pattern's combinations is documented (1000) but event-ruler does
/// not enforce it; beyond this many we refuse (the count is computed, never listed), as
/// EventPen always has.
pub(crate) const MAX_SUB_RULES: usize = 65_536;

/// A problem found while compiling, before it becomes a [`crate::Diagnostic`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Problem {
    /// Where event-ruler's streaming compiler would notice it (orders problems).
    pub trigger: usize,
    pub span: Range<usize>,
    pub code: &'static str,
    pub message: String,
    pub path: String,
}

/// Why compiling stopped.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Stop {
    /// The pattern is invalid for this reason.
    Problem(Box<Problem>),
    /// The text ended (syntax error) before anything else was wrong; the reader has the error.
    Syntax,
}

/// Compilation context: builds problems, and keeps the one AWS only finds after compiling.
#[derive(Debug, Default)]
pub(crate) struct Ctx {
    deferred: Option<Box<Problem>>,
}

impl Ctx {
    /// Records a problem AWS notices only once the whole pattern compiled (rule complexity):
    /// it is reported only if nothing else is wrong.
    pub(crate) fn defer(
        &mut self,
        span: Range<usize>,
        code: &'static str,
        message: impl Into<String>,
        path: impl Into<String>,
    ) {
        if self.deferred.is_none() {
            self.deferred = Some(Box::new(Problem {
                trigger: usize::MAX,
                span,
                code,
                message: message.into(),
                path: path.into(),
            }));
        }
    }

    pub(crate) fn problem(
        &mut self,
        span: Range<usize>,
        trigger: usize,
        code: &'static str,
        message: impl Into<String>,
        path: impl Into<String>,
    ) -> Stop {
        Stop::Problem(Box::new(Problem {
            trigger,
            span,
            code,
            message: message.into(),
            path: path.into(),
        }))
    }

    /// A problem noticed at the end of `node`, which only exists if the node was closed.
    pub(crate) fn at_close(
        &mut self,
        node: &Node,
        code: &'static str,
        message: impl Into<String>,
        path: impl Into<String>,
    ) -> Stop {
        if node.closed {
            let end = node.span.end.saturating_sub(1);
            self.problem(node.span.clone(), end, code, message, path)
        } else {
            Stop::Syntax
        }
    }
}

/// One leaf of the pattern: a field path and the conditions on its values.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Field {
    /// The keys as written, outermost first (`{"a.b": …}` is one segment `a.b`).
    pub segments: Vec<String>,
    /// The flattened name event-ruler matches on: the segments joined with `.`.
    pub name: String,
    pub matchers: Vec<Matcher>,
    /// How many of the matchers parse event numbers (two or more: parse once per value).
    pub number_conditions: usize,
    /// Span of each matcher's item in the leaf array (parallel to `matchers`).
    pub item_spans: Vec<Range<usize>>,
    /// Whether `{"exists": false}` is among the matchers (absence satisfies the leaf).
    pub accepts_absence: bool,
    /// Span of the leaf's value list.
    pub span: Range<usize>,
    /// Span of the leaf's key.
    pub key_span: Range<usize>,
    /// The `$or` branch indexes this leaf was written in, outermost first.
    pub origin: Vec<usize>,
}

impl Field {
    /// Whether one event value satisfies any of the leaf's conditions.
    #[inline]
    pub(crate) fn value_matches(&self, value: crate::event::Scalar<'_>) -> bool {
        if let crate::event::Scalar::Num(text) = value
            && self.number_conditions > 1
        {
            let mut number = crate::number::LazyNumber::new(text);
            return self.matchers.iter().any(|m| m.matches_number(&mut number));
        }
        self.matchers.iter().any(|m| m.matches(value))
    }

    /// The leaf's conditions in words, joined with "or".
    pub(crate) fn describe(&self) -> String {
        let exact: Vec<String> = self
            .matchers
            .iter()
            .filter(|m| matches!(m, Matcher::Exact(_)))
            .map(Matcher::describe)
            .collect();
        if exact.len() == self.matchers.len() && exact.len() > 1 {
            return format!("one of {}", exact.join(", "));
        }
        let words: Vec<String> = self.matchers.iter().map(Matcher::describe).collect();
        words.join(" or ")
    }
}

/// A compiled pattern: leaves, and the and/or tree that combines them.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Compiled {
    pub fields: Vec<Field>,
    /// How leaves combine; each path through it is one of event-ruler's sub-rules.
    pub tree: Tree,
    /// How many sub-rules event-ruler builds (the `$or` combinations), counted not listed.
    pub combinations: usize,
    /// The fields' names, for reading only what matters from event bytes.
    pub trie: crate::prune::Trie,
    /// (earlier, later) fields with the same flattened name: the later one replaced the
    /// earlier (AWS keeps the last), for a warning.
    pub replaced: Vec<(usize, usize)>,
}

/// Compiles the root node of a pattern.
pub(crate) fn compile_root(root: Option<&Node>) -> Result<Compiled, Stop> {
    let mut ctx = Ctx::default();
    let mut compiler = Compiler {
        compiled: Compiled::default(),
        tree: TreeBuilder::default(),
    };
    let root = match root {
        Some(node) if matches!(node.json, Json::Incomplete) => return Err(Stop::Syntax),
        Some(node) if matches!(node.json, Json::Object(_)) => node,
        other => {
            let span = other.map_or(0..0, |n| n.span.clone());
            return Err(ctx.problem(span, 0, "not-an-object", "Filter is not an object", ""));
        }
    };
    let mut sequence = Sequence::default();
    compiler.object(&mut ctx, root, &mut Vec::new(), &mut sequence, &[], false)?;
    if let Some(problem) = ctx.deferred.take() {
        return Err(Stop::Problem(problem));
    }
    compiler.compiled.combinations = sequence.combinations;
    compiler.compiled.tree = compiler.tree.finish(sequence, &compiler.compiled.replaced);
    let names = compiler.compiled.fields.iter().map(|f| f.name.as_str());
    compiler.compiled.trie = crate::prune::Trie::of(names);
    let contested = compiler.compiled.tree.contested;
    (compiler.compiled.trie).plan_early(&compiler.compiled.fields, contested);
    Ok(compiler.compiled)
}

/// JSON path text for diagnostics: `detail.eventName`.
pub(crate) fn path_text(segments: &[String]) -> String {
    segments.join(".")
}

pub(crate) struct Compiler {
    pub compiled: Compiled,
    pub tree: TreeBuilder,
}

impl Compiler {
    /// An object of the pattern (the root, a nested object, or a `$or` branch).
    pub(crate) fn object(
        &mut self,
        ctx: &mut Ctx,
        node: &Node,
        segments: &mut Vec<String>,
        sequence: &mut Sequence,
        origin: &[usize],
        in_or: bool,
    ) -> Result<(), Stop> {
        let Json::Object(members) = &node.json else {
            return Err(Stop::Syntax);
        };
        for member in members {
            if member.key == or::KEYWORD {
                or::parse(self, ctx, member, segments, sequence, origin)?;
                continue;
            }
            if in_or && or::RESERVED.contains(&member.key.as_str()) {
                let message = format!(
                    "{} is Ruler reserved fieldName which cannot be used inside $or.",
                    member.key
                );
                let path = path_text(segments);
                return Err(ctx.problem(
                    member.key_span.clone(),
                    member.key_span.start,
                    "reserved-field",
                    message,
                    path,
                ));
            }
            segments.push(member.key.clone());
            let result = self.member(ctx, member, segments, sequence, origin, in_or);
            segments.pop();
            result?;
        }
        if members.is_empty() {
            let path = path_text(segments);
            return Err(ctx.at_close(node, "empty-object", "Empty objects are not allowed", path));
        }
        if node.closed {
            Ok(())
        } else {
            Err(Stop::Syntax)
        }
    }

    fn member(
        &mut self,
        ctx: &mut Ctx,
        member: &Member,
        segments: &mut Vec<String>,
        sequence: &mut Sequence,
        origin: &[usize],
        in_or: bool,
    ) -> Result<(), Stop> {
        let value = &member.value;
        match &value.json {
            Json::Object(_) => self.object(ctx, value, segments, sequence, origin, in_or),
            Json::Array(_) => self.leaf(ctx, member, segments, sequence, origin),
            Json::Incomplete => Err(Stop::Syntax),
            _ => {
                let message = format!("\"{}\" must be an object or an array", member.key);
                let path = path_text(segments);
                Err(ctx.problem(
                    value.span.clone(),
                    value.span.start,
                    "scalar-leaf",
                    message,
                    path,
                ))
            }
        }
    }

    /// A leaf: `"key": [values or operators]` (event-ruler's `writeRules`).
    fn leaf(
        &mut self,
        ctx: &mut Ctx,
        member: &Member,
        segments: &[String],
        sequence: &mut Sequence,
        origin: &[usize],
    ) -> Result<(), Stop> {
        let node = &member.value;
        let Json::Array(items) = &node.json else {
            return Err(Stop::Syntax);
        };
        let path = path_text(segments);
        let mut matchers = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            matchers.push(operators::parse_leaf_item(
                ctx,
                item,
                &format!("{path}[{i}]"),
            )?);
        }
        if !node.closed {
            return Err(Stop::Syntax);
        }
        if matchers.is_empty() {
            return Err(ctx.at_close(node, "empty-array", "Empty arrays are not allowed", path));
        }
        operators::wildcard::check_complexity(ctx, &matchers, node, &path)?;
        operators::cidr::read_numbers_as_text(&mut matchers);
        let accepts_absence = matchers.contains(&Matcher::Exists(false));
        let field = Field {
            segments: segments.to_vec(),
            name: segments.join("."),
            matchers,
            item_spans: items.iter().map(|item| item.span.clone()).collect(),
            number_conditions: 0,
            accepts_absence,
            span: node.span.clone(),
            key_span: member.key_span.clone(),
            origin: origin.to_vec(),
        };
        let mut field = field;
        field.number_conditions = field.matchers.iter().filter(|m| m.reads_numbers()).count();
        let index = self.compiled.fields.len();
        let name = field.name.clone();
        self.compiled.fields.push(field);
        let replaced = self.tree.leaf(sequence, index, &name);
        self.compiled.replaced.extend(replaced);
        Ok(())
    }
}
