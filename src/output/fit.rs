//! Fitting a table to the terminal's width without splitting what people copy.
//!
//! Each column of a [`Shape`](super::Shape) says what its cells are ([`Cells`]) and how
//! much it matters ([`Column::keep`]). [`fit`] picks the columns and their widths:
//!
//! - a column empty in every row is left out (nothing is lost);
//! - whole cells (ids, slugs, emails, usernames, timestamps, role and status words,
//!   commands) and numbers are never split nor cut, and headers never split: such a column
//!   is exactly as wide as its widest cell or header;
//! - free text (names, titles, descriptions, tags, metadata) is cut with `…`;
//! - the columns are taken from the most kept down, each one that still fits at its
//!   narrowest (free text: [`COMFORTABLE`] characters, or fewer, down to [`TIGHT`], when
//!   that is all the room left); the others are left out, and said so;
//! - what room is left widens the free text, up to its longest cell.
//!
//! Pure functions of the cells' text, so the rules are tested without a terminal.

use unicode_width::UnicodeWidthStr;

/// What a column's cells are, which decides how a narrow terminal may shorten them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cells {
    /// Copied into the next command or read as one token: ids, slugs, emails, usernames,
    /// timestamps, role, status and other enum words, commands, booleans. Never split,
    /// never cut.
    Whole,
    /// Free text: a name, a title, a description, tags, metadata. Cut with `…` to fit.
    Text,
    /// A number: right-aligned, never cut.
    Number,
}

/// One column of a table: the record's field, what its cells are, and how much it
/// matters (`keep`: the higher, the longer it stays when the terminal is narrow; equal
/// ones leave from the right).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub cells: Cells,
    pub keep: u8,
}

impl Column {
    /// A column of [`Cells::Whole`] cells.
    pub const fn whole(name: &'static str, keep: u8) -> Column {
        Column {
            name,
            cells: Cells::Whole,
            keep,
        }
    }

    /// A column of free text ([`Cells::Text`]).
    pub const fn text(name: &'static str, keep: u8) -> Column {
        Column {
            name,
            cells: Cells::Text,
            keep,
        }
    }

    /// A column of numbers ([`Cells::Number`]).
    pub const fn number(name: &'static str, keep: u8) -> Column {
        Column {
            name,
            cells: Cells::Number,
            keep,
        }
    }
}

/// Free text is not cut below this many characters while another column could make room.
pub const COMFORTABLE: usize = 20;
/// Nor below this many at all (or its header's width): narrower, the column is left out.
pub const TIGHT: usize = 8;

/// The width `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// The characters a table of `n` columns adds to its cells' widths in roster's style
/// (`│ a ┆ b │`): a border before each column and after the last, a space either side of
/// each cell.
pub fn overhead(n: usize) -> usize {
    if n == 0 { 0 } else { 3 * n + 1 }
}

/// Which columns a table shows, and how wide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fit {
    /// The columns shown, in the shape's order: the column's index and its width.
    pub shown: Vec<(usize, usize)>,
    /// The columns with something in them that did not fit, in the shape's order.
    pub left_out: Vec<usize>,
}

/// Fits `columns` with these `rows` of cell text (one string per column) into `limit`
/// characters (`None`: no limit, every column at its widest). See the module's rules.
pub fn fit(columns: &[Column], rows: &[Vec<String>], limit: Option<usize>) -> Fit {
    let header = |i: usize| width(columns[i].name);
    let widest: Vec<usize> = (0..columns.len())
        .map(|i| {
            rows.iter()
                .map(|r| r.get(i).map_or(0, |c| width(c)))
                .max()
                .unwrap_or(0)
                .max(header(i))
        })
        .collect();
    let filled: Vec<usize> = (0..columns.len())
        .filter(|&i| rows.iter().any(|r| r.get(i).is_some_and(|c| !c.is_empty())))
        .collect();
    let all_widest = |set: &[usize]| set.iter().map(|&i| widest[i]).sum::<usize>();
    let Some(limit) = limit.filter(|l| all_widest(&filled) + overhead(filled.len()) > *l) else {
        return Fit {
            shown: filled.iter().map(|&i| (i, widest[i])).collect(),
            left_out: Vec::new(),
        };
    };

    // From the most kept down (the leftmost first among equals), each column that fits.
    let mut order = filled.clone();
    order.sort_by_key(|&i| (std::cmp::Reverse(columns[i].keep), i));
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut used = overhead(0);
    for i in order {
        // What this column adds: its border and padding (the first also the last border).
        let cost = if taken.is_empty() { 4 } else { 3 };
        let room = limit.saturating_sub(used + cost);
        let w = match columns[i].cells {
            Cells::Text => {
                let floor = widest[i].min(TIGHT.max(header(i)));
                let want = widest[i].min(COMFORTABLE.max(header(i)));
                want.min(room).max(floor)
            }
            Cells::Whole | Cells::Number => widest[i],
        };
        // The most kept column shows even when it alone is too wide.
        if taken.is_empty() || w <= room {
            taken.push((i, w));
            used += cost + w;
        }
    }
    taken.sort_unstable();

    // The room left widens free text, a character at a time to the narrowest of them.
    let mut spare = limit.saturating_sub(used);
    while spare > 0 {
        let Some(next) = taken
            .iter_mut()
            .filter(|(i, w)| columns[*i].cells == Cells::Text && *w < widest[*i])
            .min_by_key(|(_, w)| *w)
        else {
            break;
        };
        next.1 += 1;
        spare -= 1;
    }
    let left_out = filled
        .iter()
        .copied()
        .filter(|i| !taken.iter().any(|(t, _)| t == i))
        .collect();
    Fit {
        shown: taken,
        left_out,
    }
}

/// `text` cut to `max` characters of width, its last one `…` when anything was cut.
pub fn cut(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` in lines of at most `max` characters of width, broken only after a space or a
/// comma; a word longer than a line (an id, an email, a URL) stays whole on a line of its
/// own, longer than `max`, rather than be split.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut words: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == ' ' || c == ',' {
            words.push(&text[start..i + 1]);
            start = i + 1;
        }
    }
    if start < text.len() {
        words.push(&text[start..]);
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in words {
        // The line as it would be printed with this word: its separator kept, the word's
        // own trailing space not (the next word, or the line's end, decides that).
        if !line.is_empty() && width(&line) + width(word.trim_end()) > max {
            lines.push(line.trim_end().to_string());
            line.clear();
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A user list's columns, with priorities of the tests' own (the id kept longest), so
    /// that these tests of the fitting do not move when a list's priorities do.
    const COLUMNS: &[Column] = &[
        Column::whole("id", 9),
        Column::whole("email", 8),
        Column::whole("username", 5),
        Column::text("name", 6),
        Column::whole("roles", 4),
        Column::whole("active", 3),
    ];

    fn rows() -> Vec<Vec<String>> {
        [
            [
                "0193a5b0-7c1d-7e2f-8a3b-4c5d6e7f8091",
                "alexandra.konstantinou@example.com",
                "alexandra",
                "Alexandra Konstantinou-Papadopoulos",
                "admin, support",
                "true",
            ],
            [
                "0193a5b0-7c1d-7e2f-8a3b-4c5d6e7f8092",
                "bo@example.com",
                "",
                "Bo",
                "",
                "false",
            ],
        ]
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
    }

    fn names(fit: &Fit) -> Vec<&'static str> {
        fit.shown.iter().map(|(i, _)| COLUMNS[*i].name).collect()
    }

    fn total(fit: &Fit) -> usize {
        fit.shown.iter().map(|(_, w)| w).sum::<usize>() + overhead(fit.shown.len())
    }

    #[test]
    fn a_table_that_fits_is_left_alone() {
        let fit = fit(COLUMNS, &rows(), Some(200));
        assert_eq!(
            names(&fit),
            ["id", "email", "username", "name", "roles", "active"]
        );
        assert_eq!(fit.shown[3].1, 35);
        assert!(fit.left_out.is_empty());
        assert_eq!(super::fit(COLUMNS, &rows(), None), fit);
    }

    #[test]
    fn narrow_drops_the_least_kept_and_cuts_free_text() {
        let fit = fit(COLUMNS, &rows(), Some(100));
        // id 36 + email 34 + name: what is left, 20; the rest leave.
        assert_eq!(names(&fit), ["id", "email", "name"]);
        assert_eq!(fit.shown[2].1, 20);
        assert_eq!(total(&fit), 100);
        let left: Vec<&str> = fit.left_out.iter().map(|i| COLUMNS[*i].name).collect();
        assert_eq!(left, ["username", "roles", "active"]);
    }

    #[test]
    fn at_sixty_the_id_stays_whole_and_a_column_that_cannot_fit_leaves() {
        let fit = fit(COLUMNS, &rows(), Some(60));
        // The email (34) does not fit beside the id (36); the name takes what is left.
        assert_eq!(names(&fit), ["id", "name"]);
        assert_eq!(fit.shown[0].1, 36);
        assert!(total(&fit) <= 60);
    }

    #[test]
    fn the_most_kept_column_shows_even_when_too_wide() {
        let fit = fit(COLUMNS, &rows(), Some(20));
        assert_eq!(names(&fit), ["id"]);
        assert_eq!(fit.shown[0].1, 36);
    }

    #[test]
    fn empty_columns_are_left_out_without_a_word() {
        let mut rows = rows();
        for r in &mut rows {
            r[4] = String::new();
        }
        let fit = fit(COLUMNS, &rows, Some(200));
        assert!(!names(&fit).contains(&"roles"));
        assert!(fit.left_out.is_empty());
    }

    #[test]
    fn headers_are_never_cut() {
        let cols = [Column::whole("id", 9), Column::text("description", 1)];
        let rows = vec![vec!["x".repeat(30), "y".repeat(40)]];
        let fit = fit(&cols, &rows, Some(50));
        assert_eq!(fit.shown, [(0, 30), (1, 13)]);
        let fit = super::fit(&cols, &rows, Some(40));
        assert_eq!(fit.shown, [(0, 30)]);
        assert_eq!(fit.left_out, [1]);
    }

    #[test]
    fn cutting_and_wrapping() {
        assert_eq!(cut("The Smith Family", 16), "The Smith Family");
        assert_eq!(cut("The Smith Family", 10), "The Smith…");
        assert_eq!(width(&cut("日本語のタイトル", 7)), 7);
        assert_eq!(
            wrap("member-list, media-add, media-list", 14),
            ["member-list,", "media-add,", "media-list"]
        );
        assert_eq!(
            wrap("see alexandra.konstantinou@example.com now", 10),
            ["see", "alexandra.konstantinou@example.com", "now"]
        );
        assert_eq!(wrap("", 10), [""]);
    }
}
