//! The arithmetic of a virtualised list, apart from the DOM so it can be tested natively:
//! where row `i` starts (every row is assumed to have the estimated height until it has been
//! drawn and measured), which rows a scroll position shows, and which rows to draw and to ask
//! the worker for around them.
use std::collections::BTreeMap;
use std::ops::Range;

/// Rows drawn beyond the visible ones on each side, so a short scroll never shows a gap.
pub const OVERSCAN: usize = 4;
/// Rows asked for beyond the drawn ones on each side, so scrolling asks the worker again only
/// every couple of screens, not every frame.
pub const PREFETCH: usize = 24;

/// Row heights: an estimate for every row, replaced by the measured height of each row drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct RowHeights {
    estimate: f64,
    measured: BTreeMap<usize, f64>,
}

impl RowHeights {
    /// Every row `estimate` pixels high until measured.
    pub fn new(estimate: f64) -> RowHeights {
        RowHeights {
            estimate,
            measured: BTreeMap::new(),
        }
    }

    /// Record row `index`'s drawn height; whether it differed from what was assumed.
    pub fn measure(&mut self, index: usize, height: f64) -> bool {
        if (self.height(index) - height).abs() < 0.5 {
            return false;
        }
        self.measured.insert(index, height);
        true
    }

    /// Forget every measurement (the rows' contents changed wholesale).
    pub fn clear(&mut self) {
        self.measured.clear();
    }

    /// Row `index`'s height, measured or estimated.
    pub fn height(&self, index: usize) -> f64 {
        self.measured.get(&index).copied().unwrap_or(self.estimate)
    }

    /// Where row `index` starts (the height of the rows before it).
    pub fn top(&self, index: usize) -> f64 {
        let corrections: f64 = self
            .measured
            .range(..index)
            .map(|(_, height)| height - self.estimate)
            .sum();
        index as f64 * self.estimate + corrections
    }

    /// The row at height `y` of a list of `total` rows (the last row below its end).
    pub fn row_at(&self, y: f64, total: usize) -> usize {
        // The first row that ends below `y`: tops only grow, so a binary search finds it.
        let (mut low, mut high) = (0, total);
        while low < high {
            let middle = (low + high) / 2;
            if self.top(middle + 1) <= y {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low.min(total.saturating_sub(1))
    }

    /// The rows to draw for a view of `height` pixels scrolled to `scroll_top`: those visible
    /// and [`OVERSCAN`] more on each side.
    pub fn drawn(&self, scroll_top: f64, height: f64, total: usize) -> Range<usize> {
        if total == 0 {
            return 0..0;
        }
        let first = self.row_at(scroll_top.max(0.0), total);
        let last = self.row_at(scroll_top.max(0.0) + height.max(0.0), total);
        first.saturating_sub(OVERSCAN)..(last + 1 + OVERSCAN).min(total)
    }
}

/// The window to ask for so `drawn` is covered with [`PREFETCH`] rows to spare on each side,
/// as (offset, count); `None` when `loaded` or the window already asked for (`asked`, both as
/// (offset, count)) covers `drawn`.
pub fn window_to_ask(
    drawn: &Range<usize>,
    total: usize,
    loaded: (usize, usize),
    asked: (usize, usize),
) -> Option<(usize, usize)> {
    let covers = |(offset, count): (usize, usize)| {
        drawn.is_empty() || (offset <= drawn.start && drawn.end <= offset + count)
    };
    if covers(loaded) || covers(asked) {
        return None;
    }
    let start = drawn.start.saturating_sub(PREFETCH);
    let end = (drawn.end + PREFETCH).min(total);
    Some((start, end - start))
}

/// The row a navigation key moves to from `from`, in a list of `total` rows showing about
/// `page` rows at once; `None` for other keys.
pub fn row_after_key(key: &str, from: usize, total: usize, page: usize) -> Option<usize> {
    let last = total.checked_sub(1)?;
    let page = page.max(1);
    let to = match key {
        "ArrowDown" => from + 1,
        "ArrowUp" => from.saturating_sub(1),
        "PageDown" => from + page,
        "PageUp" => from.saturating_sub(page),
        "Home" => 0,
        "End" => last,
        _ => return None,
    };
    Some(to.min(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heights(measured: &[(usize, f64)]) -> RowHeights {
        let mut heights = RowHeights::new(10.0);
        for &(index, height) in measured {
            heights.measure(index, height);
        }
        heights
    }

    #[test]
    fn tops_add_measured_heights_to_the_estimate() {
        let cases: &[(&[(usize, f64)], usize, f64)] = &[
            (&[], 0, 0.0),
            (&[], 7, 70.0),
            (&[(2, 30.0)], 2, 20.0),
            (&[(2, 30.0)], 3, 50.0),
            (&[(2, 30.0), (4, 5.0)], 5, 65.0),
            (&[(2, 30.0), (4, 5.0)], 200_000, 2_000_015.0),
        ];
        for (measured, index, top) in cases {
            assert_eq!(
                heights(measured).top(*index),
                *top,
                "{measured:?} row {index}"
            );
        }
    }

    #[test]
    fn the_row_at_a_height_is_the_one_covering_it() {
        let cases: &[(&[(usize, f64)], f64, usize, usize)] = &[
            (&[], 0.0, 100, 0),
            (&[], 9.9, 100, 0),
            (&[], 10.0, 100, 1),
            (&[], 5_000.0, 100, 99),
            (&[(0, 50.0)], 49.0, 100, 0),
            (&[(0, 50.0)], 50.0, 100, 1),
            (&[], 0.0, 0, 0),
        ];
        for (measured, y, total, row) in cases {
            assert_eq!(
                heights(measured).row_at(*y, *total),
                *row,
                "{measured:?} at {y}"
            );
        }
    }

    #[test]
    fn drawn_rows_are_the_visible_ones_and_the_overscan() {
        let cases: &[(f64, f64, usize, Range<usize>)] = &[
            (0.0, 100.0, 0, 0..0),
            (0.0, 100.0, 3, 0..3),
            (0.0, 100.0, 200_000, 0..15),
            (1_000.0, 100.0, 200_000, 96..115),
            (1_999_950.0, 100.0, 200_000, 199_991..200_000),
        ];
        for (scroll_top, height, total, drawn) in cases {
            assert_eq!(
                RowHeights::new(10.0).drawn(*scroll_top, *height, *total),
                *drawn
            );
        }
    }

    #[test]
    fn a_window_is_asked_for_only_when_nothing_covers_the_drawn_rows() {
        let cases: &[(
            Range<usize>,
            usize,
            (usize, usize),
            (usize, usize),
            Option<(usize, usize)>,
        )] = &[
            (0..15, 1000, (0, 60), (0, 60), None),
            (50..65, 1000, (0, 60), (0, 60), Some((26, 63))),
            (50..65, 1000, (0, 60), (26, 63), None),
            (50..65, 1000, (26, 63), (0, 60), None),
            (990..1000, 1000, (0, 60), (0, 60), Some((966, 34))),
            (0..0, 0, (0, 0), (0, 0), None),
        ];
        for (drawn, total, loaded, asked, window) in cases {
            assert_eq!(
                window_to_ask(drawn, *total, *loaded, *asked),
                *window,
                "{drawn:?}"
            );
        }
    }

    #[test]
    fn keys_move_through_all_rows() {
        let cases: &[(&str, usize, usize, Option<usize>)] = &[
            ("ArrowDown", 0, 100_000, Some(1)),
            ("ArrowDown", 99_999, 100_000, Some(99_999)),
            ("ArrowUp", 0, 100_000, Some(0)),
            ("PageDown", 10, 100_000, Some(30)),
            ("PageUp", 10, 100_000, Some(0)),
            ("Home", 500, 100_000, Some(0)),
            ("End", 0, 100_000, Some(99_999)),
            ("End", 0, 0, None),
            ("a", 0, 10, None),
        ];
        for (key, from, total, to) in cases {
            assert_eq!(
                row_after_key(key, *from, *total, 20),
                *to,
                "{key} from {from}"
            );
        }
    }
}
