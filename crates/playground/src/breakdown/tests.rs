//! The breakdown's table tests: counts, ranking, the top-count threshold.
use super::*;

const IP: &[&str] = &["detail", "sourceIPAddress"];
const OTHER: &[&str] = &["detail", "other"];

#[test]
fn ranked_keeps_the_top_by_count_then_value_then_path() {
    // (counted (path, value, count), top, expected values in order)
    type Case = (
        &'static [(&'static [&'static str], &'static str, usize)],
        usize,
        &'static [&'static str],
    );
    let cases: [Case; 5] = [
        (&[], 3, &[]),
        (&[(IP, "b", 1), (IP, "a", 1)], 5, &["a", "b"]),
        (
            &[(IP, "c", 1), (IP, "b", 2), (IP, "a", 1), (IP, "d", 3)],
            2,
            &["d", "b"],
        ),
        (
            &[
                (IP, "e", 1),
                (IP, "c", 1),
                (IP, "d", 1),
                (IP, "a", 1),
                (IP, "b", 1),
            ],
            3,
            &["a", "b", "c"],
        ),
        (&[(OTHER, "x", 4), (IP, "x", 4), (IP, "y", 9)], 0, &[]),
    ];
    for (counted, top, expected) in cases {
        let counted: Vec<_> = counted.iter().map(|&(p, v, n)| ((p, v), n)).collect();
        let distinct = counted.len();
        let ranked = DimensionCounts::ranked(Dimension::SourceIp, distinct, counted, 0, top);
        let values: Vec<&str> = ranked.top.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(values, expected, "top {top}");
    }
    let same_value = vec![((OTHER, "x"), 4), ((IP, "x"), 4)];
    let ranked = DimensionCounts::ranked(Dimension::SourceIp, 2, same_value, 0, 1);
    assert_eq!(
        (ranked.top[0].path.clone(), ranked.distinct),
        (vec!["detail".to_string(), "other".to_string()], 2)
    );
}

#[test]
fn top_count_is_the_least_count_that_can_still_be_in_the_top() {
    // (counts, top, least count a value needs)
    let cases: [(&[usize], usize, usize); 6] = [
        (&[], 5, 0),
        (&[3, 1], 5, 0),
        (&[3, 1, 2], 3, 0),
        (&[1, 4, 1, 2, 9], 2, 4),
        (&[1, 1, 1, 1, 1, 1], 3, 1),
        (&[7, 2], 0, 0),
    ];
    for (counts, top, least) in cases {
        assert_eq!(
            top_count(counts.to_vec(), top),
            least,
            "{counts:?} top {top}"
        );
    }
}
