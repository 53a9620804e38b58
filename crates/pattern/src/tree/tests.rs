//! The tree's paths are event-ruler's sub-rules: table tests of the expansion (listed here
//! only, for small patterns), of each leaf's liveness, of the combination count and its cap.

use super::{Liveness, Node, NodeId};
use crate::compile::Compiled;
use crate::{check, compile};

fn compiled(pattern: &str) -> Compiled {
    match compile(pattern) {
        Ok(pattern) => (*pattern.inner).clone(),
        Err(error) => panic!("{pattern}: {error}"),
    }
}

/// Every path through the tree as the leaves that count on it (`name=condition`), a later
/// leaf with the same name replacing an earlier one: event-ruler's sub-rules.
fn sub_rules(compiled: &Compiled) -> Vec<Vec<String>> {
    fn paths(compiled: &Compiled, id: NodeId) -> Vec<Vec<usize>> {
        match &compiled.tree.nodes[id] {
            Node::Leaf(index) => vec![vec![*index]],
            Node::Any(branches) => branches.iter().flat_map(|&b| paths(compiled, b)).collect(),
            Node::All(children) => children.iter().fold(vec![Vec::new()], |so_far, &child| {
                let tails = paths(compiled, child);
                so_far
                    .iter()
                    .flat_map(|head| {
                        tails
                            .iter()
                            .map(move |tail| [head.clone(), tail.clone()].concat())
                    })
                    .collect()
            }),
        }
    }
    let name = |i: usize| &compiled.fields[i].name;
    paths(compiled, compiled.tree.root)
        .into_iter()
        .map(|path| {
            path.iter()
                .enumerate()
                .filter(|&(at, &i)| !path[at + 1..].iter().any(|&later| name(later) == name(i)))
                .map(|(_, &i)| format!("{}={}", name(i), compiled.fields[i].describe()))
                .collect()
        })
        .collect()
}

#[test]
fn paths_are_event_rulers_sub_rules() {
    let cases: &[(&str, &[&[&str]])] = &[
        (
            r#"{"a":[1],"$or":[{"a":[2]},{"b":[3]}]}"#,
            &[&["a=2"], &["a=1", "b=3"]],
        ),
        (r#"{"a":[1],"a":[2]}"#, &[&["a=2"]]),
        (
            r#"{"$or":[{"a":[1]},{"b":[1]}],"a":[2],"b":[2]}"#,
            &[&["a=2", "b=2"], &["a=2", "b=2"]],
        ),
        (
            r#"{"x":[0],"$or":[{"a":[1]},{"$or":[{"b":[2]},{"x":[3]}]}]}"#,
            &[&["x=0", "a=1"], &["x=0", "b=2"], &["x=3"]],
        ),
        (
            r#"{"a":{"b":[1]},"$or":[{"a.b":[2]},{"c":[3]}]}"#,
            &[&["a.b=2"], &["a.b=1", "c=3"]],
        ),
        (
            r#"{"p":{"$or":[{"a":[1]},{"b":[1]}]},"$or":[{"p.a":[2]},{"q":[2]}]}"#,
            &[
                &["p.a=2"],
                &["p.a=1", "q=2"],
                &["p.b=1", "p.a=2"],
                &["p.b=1", "q=2"],
            ],
        ),
        (
            r#"{"$or":[{"a":[1],"$or":[{"a":[2]},{"b":[2]}]},{"c":[3]}],"b":[4]}"#,
            &[&["a=2", "b=4"], &["a=1", "b=4"], &["c=3", "b=4"]],
        ),
    ];
    for &(pattern, expected) in cases {
        let mut got = sub_rules(&compiled(pattern));
        let mut want: Vec<Vec<String>> = expected
            .iter()
            .map(|rule| rule.iter().map(|s| s.to_string()).collect())
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{pattern}");
    }
}

#[test]
fn each_leaf_knows_whether_it_counts() {
    use Liveness::{Contested as C, Dead as D, Final as F};
    let cases: &[(&str, &[Liveness])] = &[
        (r#"{"a":[1],"b":[2]}"#, &[F, F]),
        (r#"{"a":[1],"a":[2]}"#, &[D, F]),
        (r#"{"a":{"b":[1]},"a.b":[2]}"#, &[D, F]),
        (r#"{"a":[1],"$or":[{"a":[2]},{"b":[3]}]}"#, &[C, F, F]),
        (r#"{"a":[1],"$or":[{"a":[2]},{"a":[3]}]}"#, &[D, F, F]),
        (r#"{"$or":[{"a":[1]},{"b":[1]}],"a":[2]}"#, &[D, F, F]),
        (
            r#"{"a":[1],"$or":[{"b":[1]},{"$or":[{"a":[2]},{"c":[2]}]}]}"#,
            &[C, F, F, F],
        ),
        (
            r#"{"a":[1],"$or":[{"a":[2],"a":[3]},{"b":[3]}]}"#,
            &[C, D, F, F],
        ),
    ];
    for &(pattern, expected) in cases {
        let tree = compiled(pattern).tree;
        assert_eq!(tree.liveness, expected, "{pattern}");
        assert_eq!(tree.contested, expected.contains(&C), "{pattern}");
    }
}

/// `{"o0":{"$or":[…3 branches…]}, …}` with `n` fields.
fn wide_or(n: usize) -> String {
    let fields: Vec<String> = (0..n)
        .map(|i| format!(r#""o{i}":{{"$or":[{{"a":[1]}},{{"b":[1]}},{{"c":[1]}}]}}"#))
        .collect();
    format!("{{{}}}", fields.join(","))
}

#[test]
fn combinations_are_counted_not_listed() {
    let cases: &[(&str, usize)] = &[
        (r#"{"a":[1]}"#, 1),
        (r#"{"$or":[{"a":[1]},{"b":[1]}]}"#, 2),
        (
            r#"{"x":[1],"$or":[{"a":[1]},{"$or":[{"b":[1]},{"c":[1]},{"d":[1]}]}]}"#,
            4,
        ),
        (
            r#"{"p":{"$or":[{"a":[1]},{"b":[1]}]},"q":{"$or":[{"a":[1]},{"b":[1]},{"c":[1]}]}}"#,
            6,
        ),
        (&wide_or(10), 59_049),
    ];
    for &(pattern, expected) in cases {
        assert_eq!(compiled(pattern).combinations, expected, "{pattern}");
    }
    let warned = check(&wide_or(7))
        .warnings
        .iter()
        .any(|w| w.code() == "or-combinations");
    assert!(
        warned,
        "3^7 = 2187 combinations are above the documented 1000"
    );
}

#[test]
fn too_many_combinations_stop_where_event_ruler_would_exceed_the_cap() {
    // 3^10 = 59,049 is under the cap; the eleventh `$or` passes it at its second branch
    // (59,049 × 2 > 65,536).
    let pattern = wide_or(11);
    let checked = check(&pattern);
    let error = &checked.errors[0];
    assert_eq!(error.code(), "too-many-combinations");
    let eleventh = pattern.find(r#""o10""#).unwrap_or_default();
    assert!(
        error.span.start > eleventh,
        "{:?} is not in o10",
        error.span
    );
    assert_eq!(
        &pattern[error.span.clone()],
        r#"[{"a":[1]},{"b":[1]},{"c":[1]}]"#
    );
    assert_eq!(error.path.to_string(), "o10.$or");
}

#[test]
fn each_replaced_field_is_reported_once() {
    let cases: &[(&str, &[(usize, usize)])] = &[
        (
            r#"{"$or":[{"a":[1]},{"b":[1]}],"$or":[{"a":[2]},{"a":[3]}]}"#,
            &[(0, 2)],
        ),
        (r#"{"a":[1],"a":[2],"a":[3]}"#, &[(0, 1), (1, 2)]),
        (r#"{"a":[1],"$or":[{"a":[2]},{"b":[3]}]}"#, &[(0, 1)]),
        (
            r#"{"$or":[{"a":[1]},{"a":[2]}],"a":[3]}"#,
            &[(0, 2), (1, 2)],
        ),
        (
            r#"{"a":[1],"$or":[{"b":[1]},{"c":[1]}],"a":[2]}"#,
            &[(0, 3)],
        ),
    ];
    for &(pattern, expected) in cases {
        assert_eq!(compiled(pattern).replaced, expected, "{pattern}");
    }
}
