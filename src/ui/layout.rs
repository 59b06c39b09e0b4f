//! Screen geometry as pure functions of the terminal size, shared by the
//! renderer and by `update` (which keeps selections visible), so the two
//! never disagree about how many rows a list shows.

/// Below this the app shows "terminal too small" instead of a garbled
/// screen.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// From this width on, the interview shows its three panels side by side.
pub const WIDE: u16 = 120;

/// Width of the question list (and, on narrow terminals, of the score panel
/// that takes its place) below [`WIDE`].
pub const SIDE_WIDTH: u16 = 30;

/// The question list's width: 30 cells on narrow terminals; on wide ones a
/// share of the room the score panel leaves, so that questions that begin
/// alike ("Under the SLA, within how many…") still read apart.
pub fn side_width(width: u16) -> u16 {
    if is_wide(width) { (width.saturating_sub(SCORE_WIDTH) * 2 / 5).clamp(SIDE_WIDTH, 56) } else { SIDE_WIDTH }
}

/// A table column: at least `min` cells, `want` if there is room; columns
/// of a lower `rank` get their `want` first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub min: usize,
    pub want: usize,
    pub rank: u8,
}

impl Column {
    pub fn new(min: usize, want: usize) -> Column {
        Column { min, want: want.max(min), rank: 0 }
    }

    /// Served after columns of a lower rank.
    pub fn rank(self, rank: u8) -> Column {
        Column { rank, ..self }
    }
}

/// Widths for `columns` in `total` cells (a space between two columns):
/// every column its `min` first, then the room left goes to the columns by
/// rank (in order within a rank), each up to its `want`; what remains goes to column
/// `grow`. Columns that do not fit even at `min` get 0 (callers leave them
/// out), the last ones first.
pub fn fit_columns(total: usize, columns: &[Column], grow: usize) -> Vec<usize> {
    let mut widths: Vec<usize> = columns.iter().map(|c| c.min).collect();
    let gaps = |n: usize| n.saturating_sub(1);
    let mut shown = columns.len();
    while shown > 0 && widths[..shown].iter().sum::<usize>() + gaps(shown) > total {
        shown -= 1;
        widths[shown] = 0;
    }
    let mut room = total.saturating_sub(widths[..shown].iter().sum::<usize>() + gaps(shown));
    let mut order: Vec<usize> = (0..shown).collect();
    order.sort_by_key(|&i| columns[i].rank);
    for i in order {
        let more = columns[i].want.saturating_sub(widths[i]).min(room);
        widths[i] += more;
        room -= more;
    }
    match widths[..shown].get_mut(grow) {
        Some(w) => *w += room,
        None => {
            if let Some(last) = widths[..shown].last_mut() {
                *last += room;
            }
        }
    }
    widths
}
/// Width of the score panel on wide terminals.
pub const SCORE_WIDTH: u16 = 38;

pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

pub fn is_wide(width: u16) -> bool {
    width >= WIDE
}

/// Rows between the title line and the hint bar.
pub fn body_height(height: u16) -> u16 {
    height.saturating_sub(2)
}

/// Data rows of a bordered table with a header row (vendor list, comparison).
pub fn table_rows(height: u16) -> usize {
    usize::from(body_height(height).saturating_sub(3))
}

/// Rows of the bordered question list.
pub fn question_rows(height: u16) -> usize {
    usize::from(body_height(height).saturating_sub(2))
}

/// The first row to show so that `selected` is visible, moving the view as
/// little as possible from `offset`.
pub fn keep_visible(selected: usize, offset: usize, rows: usize) -> usize {
    let rows = rows.max(1);
    if selected < offset {
        selected
    } else if selected >= offset + rows {
        selected + 1 - rows
    } else {
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_get_their_minimum_then_what_they_want_in_order() {
        let cols = [Column::new(4, 10), Column::new(3, 6), Column::new(5, 5)];
        // Room for every want: the rest goes to the last column.
        assert_eq!(fit_columns(30, &cols, 2), vec![10, 6, 12]);
        assert_eq!(fit_columns(30, &cols, 1), vec![10, 13, 5]);
        // Minimums (12) + gaps (2) = 14; 4 more cells go to the first.
        assert_eq!(fit_columns(18, &cols, 2), vec![8, 3, 5]);
        // Too narrow for all: the last columns are left out, and the room
        // goes to the last shown when the growing one is out.
        assert_eq!(fit_columns(10, &cols, 2), vec![6, 3, 0]);
        let wide_last = [Column::new(2, 3), Column::new(2, 3), Column::new(30, 30)];
        assert_eq!(fit_columns(20, &wide_last, 2), vec![3, 16, 0]);
        // A lower rank is served first, whatever its place.
        let ranked = [Column::new(4, 10).rank(1), Column::new(3, 6), Column::new(5, 5)];
        assert_eq!(fit_columns(18, &ranked, 2), vec![5, 6, 5]);
        assert_eq!(fit_columns(2, &cols, 2), vec![0, 0, 0]);
        for total in 0..60 {
            let w = fit_columns(total, &cols, 1);
            let shown = w.iter().filter(|&&x| x > 0).count();
            if shown > 0 {
                assert_eq!(w.iter().sum::<usize>() + shown - 1, total, "{total}: {w:?}");
            }
        }
    }

    #[test]
    fn the_question_list_grows_on_wide_terminals_only() {
        assert_eq!(side_width(80), SIDE_WIDTH);
        assert_eq!(side_width(119), SIDE_WIDTH);
        assert!(side_width(120) > SIDE_WIDTH);
        assert!(side_width(200) >= side_width(160));
        assert_eq!(side_width(400), 56);
    }

    #[test]
    fn scrolls_only_as_far_as_needed() {
        assert_eq!(keep_visible(0, 0, 10), 0);
        assert_eq!(keep_visible(9, 0, 10), 0);
        assert_eq!(keep_visible(10, 0, 10), 1);
        assert_eq!(keep_visible(5, 3, 10), 3);
        assert_eq!(keep_visible(2, 3, 10), 2);
        assert_eq!(keep_visible(7, 0, 0), 7);
    }
}
