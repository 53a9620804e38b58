//! Undo and redo: the stacks states share (a persistent stack, so the reducer's copy of the
//! state for each action copies a pointer, not up to 200 pattern texts), and where a typed
//! edit starts a new step.
use std::rc::Rc;

/// How many steps back Undo can go.
pub const UNDO_DEPTH: usize = 200;

#[derive(Debug)]
struct Node {
    text: String,
    below: Option<Rc<Node>>,
}

/// Pattern texts, newest on top. Cloning is O(1); push and pop are O(1) amortized.
#[derive(Debug, Clone, Default)]
pub struct History {
    top: Option<Rc<Node>>,
    /// Steps reachable (at most [`UNDO_DEPTH`]).
    len: usize,
    /// Nodes in the chain; beyond twice the depth the chain is cut back (amortized).
    nodes: usize,
}

impl History {
    /// Puts `text` on top; the oldest step is forgotten beyond [`UNDO_DEPTH`].
    pub fn push(&mut self, text: String) {
        self.top = Some(Rc::new(Node {
            text,
            below: self.top.take(),
        }));
        self.len = (self.len + 1).min(UNDO_DEPTH);
        self.nodes += 1;
        if self.nodes > 2 * UNDO_DEPTH {
            self.cut_to(UNDO_DEPTH);
        }
    }

    /// Takes the newest text.
    pub fn pop(&mut self) -> Option<String> {
        if self.len == 0 {
            return None;
        }
        let node = self.top.take()?;
        self.top = node.below.clone();
        self.len -= 1;
        self.nodes -= 1;
        Some(node.text.clone())
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        *self = History::default();
    }

    /// How many steps there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there is no step.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The texts, newest first.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let mut node = self.top.as_deref();
        std::iter::from_fn(move || {
            let current = node?;
            node = current.below.as_deref();
            Some(current.text.as_str())
        })
        .take(self.len)
    }

    /// The texts, oldest first (as a list would hold them).
    pub fn to_vec(&self) -> Vec<String> {
        let mut texts: Vec<String> = self.iter().map(str::to_string).collect();
        texts.reverse();
        texts
    }

    /// Keeps only the newest `keep` nodes (copies them once, so it runs every UNDO_DEPTH pushes).
    fn cut_to(&mut self, keep: usize) {
        let kept = self
            .iter()
            .take(keep)
            .map(str::to_string)
            .collect::<Vec<_>>();
        *self = History::default();
        for text in kept.into_iter().rev() {
            self.push(text);
        }
    }
}

impl PartialEq for History {
    /// Same texts in the same order; shared tails compare by pointer, so comparing two states
    /// that differ in one step costs one step.
    fn eq(&self, other: &History) -> bool {
        if self.len != other.len {
            return false;
        }
        let (mut a, mut b) = (self.top.as_ref(), other.top.as_ref());
        for _ in 0..self.len {
            match (a, b) {
                (Some(x), Some(y)) if Rc::ptr_eq(x, y) => return true,
                (Some(x), Some(y)) if x.text == y.text => {
                    a = x.below.as_ref();
                    b = y.below.as_ref();
                }
                _ => return false,
            }
        }
        true
    }
}

/// Whether typing `new` after `old` should start a new undo step. A step is a run of word
/// characters typed (or deleted) at one place, so undo goes back a word at a time, as editors
/// do. Typed text reaches the state once per painted answer (see
/// `worker::wiring::type_pattern`), so a fast typist's two or three characters can come as one
/// change: a run of word characters continuing a word is still the same step.
pub(super) fn starts_new_undo_step(old: &str, new: &str) -> bool {
    let (longer, shorter) = if new.len() > old.len() {
        (new, old)
    } else {
        (old, new)
    };
    let mut prefix = longer
        .bytes()
        .zip(shorter.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    // Two different characters can share leading UTF-8 bytes: step back to a boundary.
    while !longer.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let end = prefix + (longer.len() - shorter.len());
    // Only an insertion (or a deletion) at one place, of word characters only.
    let one_run = end > prefix
        && longer.is_char_boundary(end)
        && longer[end..] == shorter[prefix..]
        && longer[prefix..end].chars().all(is_word);
    let continues_word = longer[..prefix].chars().next_back().is_some_and(is_word);
    !(one_run && continues_word)
}

/// A character of a word, for undo steps (JSON names and values: letters, digits, `-`, `_`).
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pushes_pops_and_forgets_beyond_the_depth() {
        let mut history = History::default();
        for i in 0..(3 * UNDO_DEPTH + 7) {
            history.push(format!("p{i}"));
        }
        assert_eq!(history.len(), UNDO_DEPTH);
        assert!(history.nodes <= 2 * UNDO_DEPTH);
        let newest = 3 * UNDO_DEPTH + 6;
        assert_eq!(history.pop(), Some(format!("p{newest}")));
        let all = history.to_vec();
        assert_eq!(all.len(), UNDO_DEPTH - 1);
        assert_eq!(
            all.last().map(String::as_str),
            Some(format!("p{}", newest - 1).as_str())
        );
        while history.pop().is_some() {}
        assert!(history.is_empty());
    }

    #[test]
    fn clones_share_and_compare_by_content() {
        let mut a = History::default();
        a.push("x".into());
        let mut b = a.clone();
        assert_eq!(a, b);
        b.push("y".into());
        assert_ne!(a, b);
        let mut c = History::default();
        c.push("x".into());
        assert_eq!(a, c);
        assert_eq!(b.to_vec(), ["x", "y"]);
    }
}
