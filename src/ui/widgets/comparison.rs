//! Vendors side by side by section, ranked, disqualified last with a mark,
//! a word and their first reason.

use crate::i18n::tui as msg;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::state::{App, VendorRow};
use crate::domain::present::pct;
use crate::ui::text::{cut, fit, fit_right, safe};
use crate::ui::theme::Theme;

pub struct Comparison<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for Comparison<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, th) = (self.app, self.theme);
        let lang = app.lang;
        let q = &app.questionnaire;
        let block = super::panel(msg::COMPARISON.text(lang), th.border, th);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 {
            return;
        }
        let w = usize::from(inner.width);
        // Sized from the rows that can show, not every vendor: the same
        // work per frame with 10 vendors or 10,000.
        let window = app.compare_offset.min(app.compare_selected);
        let shown = app.ranking.get(window..).unwrap_or_default();
        let cols = Columns::of(app, &shown[..shown.len().min(usize::from(inner.height))], w);
        let name_w = cols.name;
        // Section titles that do not fit their column take two lines, as a
        // spreadsheet wraps its headers; the numbers line up under both.
        let titles: Vec<[String; 2]> =
            q.sections.iter().zip(&cols.sections).map(|(s, &w)| two_lines(&safe(s.title.get(lang)), w)).collect();
        let two = titles.iter().any(|[top, _]| !top.is_empty());
        let mut header = format!(
            "{} {} {} {}",
            fit_right("#", 3),
            fit(msg::VENDOR.text(lang), name_w),
            fit_right(msg::TOTAL.text(lang), 6),
            fit_right(msg::DONE.text(lang), 4)
        );
        if cols.holder > 0 {
            header.push(' ');
            header.push_str(&fit(if cols.holder < 3 { "" } else { msg::OPEN_BY.text(lang) }, cols.holder));
        }
        let mut top = " ".repeat(unicode_width::UnicodeWidthStr::width(header.as_str()));
        for ([first, second], &col_w) in titles.iter().zip(&cols.sections) {
            top.push(' ');
            top.push_str(&fit_right(first, col_w));
            header.push(' ');
            header.push_str(&fit_right(second, col_w));
        }
        if two && inner.height > 2 {
            buf.set_line(inner.x, inner.y, &Line::styled(top, th.header), inner.width);
        }
        let inner =
            if two && inner.height > 2 { Rect { y: inner.y + 1, height: inner.height - 1, ..inner } } else { inner };
        buf.set_line(inner.x, inner.y, &Line::styled(header, th.header), inner.width);
        if app.ranking.is_empty() {
            let text = msg::NO_VENDORS_TO_COMPARE_YET.text(lang);
            buf.set_line(inner.x, inner.y + 1, &Line::styled(text, th.muted), inner.width);
            return;
        }
        // The last lines name the selected vendor's red lines in full,
        // wrapped (up to three lines; the list keeps the rest).
        let mut rows = usize::from(inner.height.saturating_sub(2));
        if let Some(VendorRow::Ok { summary, .. }) =
            app.ranking.get(app.compare_selected).map(|&i| &app.vendors.rows[i])
        {
            let reasons: Vec<String> = summary
                .report
                .knockouts
                .iter()
                .map(|k| {
                    let text = q.question(&k.key).map_or(k.key.as_str(), |x| x.text.get(lang));
                    match &k.reason {
                        Some(r) => format!("{text}{}{}", msg::COLON.text(lang), r.get(lang)),
                        None => text.to_string(),
                    }
                })
                .collect();
            if !reasons.is_empty() && inner.height > 3 {
                let text = format!("✗ {}{}{}", summary.meta.vendor, msg::COLON.text(lang), reasons.join("; "));
                let lines = crate::ui::text::wrapped(&text, inner.width, "", th.knockout);
                let room = usize::from(inner.height).saturating_sub(3).min(3);
                let shown = lines.len().min(room);
                let top = inner.y + inner.height - u16::try_from(shown).unwrap_or(0);
                for (i, line) in lines.into_iter().take(shown).enumerate() {
                    buf.set_line(inner.x, top + u16::try_from(i).unwrap_or(0), &line, inner.width);
                }
                rows = usize::from(inner.height).saturating_sub(1 + shown + 1);
            }
        }
        // The red lines may take more room than `update` reckons with: the
        // selected vendor stays in view all the same.
        let offset = crate::ui::layout::keep_visible(app.compare_selected, app.compare_offset, rows);
        for (n, &index) in app.ranking.iter().enumerate().skip(offset).take(rows) {
            let VendorRow::Ok { summary, .. } = &app.vendors.rows[index] else { continue };
            let r = &summary.report;
            let y = inner.y + 1 + u16::try_from(n - offset).unwrap_or(0);
            let open = r.score.is_some() && !r.disqualified() && crate::domain::present::band_provisional(q, r);
            let total = if open { format!("{}?", pct(r.score)) } else { pct(r.score) };
            let mut spans = vec![
                Span::raw(fit_right(&(n + 1).to_string(), 3)),
                Span::raw(" "),
                Span::raw(fit(&safe(&summary.meta.vendor), name_w)),
                Span::raw(" "),
                Span::styled(fit_right(&total, 6), th.header),
                Span::raw(" "),
                Span::styled(fit_right(&format!("{:.0}%", r.completion() * 100.0), 4), th.muted),
            ];
            if cols.holder > 0 {
                let held = summary
                    .locked_by
                    .as_ref()
                    .map(|h| if cols.holder < 3 { "●".to_string() } else { format!("● {}", safe(&h.user)) });
                spans.push(Span::raw(" "));
                spans.push(Span::styled(fit(held.as_deref().unwrap_or(""), cols.holder), th.warn));
            }
            for (s, &col_w) in r.sections.iter().zip(&cols.sections) {
                spans.push(Span::raw(" "));
                spans.push(Span::raw(fit_right(&pct(s.score), col_w)));
            }
            if r.disqualified() {
                let word = if cols.status_word { msg::DISQUALIFIED.text(lang) } else { "" };
                spans.push(Span::styled(format!(" ✗ {word}"), th.knockout));
            }
            // Sign-offs before the reason: the reason is in full below.
            if !summary.signoffs.is_empty() {
                spans.push(Span::raw(format!(" {}", safe(&crate::summary::signoff_text(&summary.signoffs)))));
            }
            if r.disqualified() {
                // The first reason where a useful part of it fits (all of
                // them are listed below for the selected vendor).
                let reason = r.knockouts.first().and_then(|k| k.reason.as_ref()).map_or("", |x| x.get(lang));
                let used: usize = spans.iter().map(|s| unicode_width::UnicodeWidthStr::width(s.content.as_ref())).sum();
                let left = w.saturating_sub(used + 1);
                if left >= 12 {
                    spans.push(Span::styled(format!(" {}", cut(&safe(reason), left)), th.knockout));
                }
            }
            let mut line = Line::from(spans);
            if n == app.compare_selected {
                line = line.patch_style(th.selected);
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), th.selected);
            }
            buf.set_line(inner.x, y, &line, inner.width);
        }
    }
}

/// The comparison's column widths: whole section titles and vendor names
/// where there is room (sections first: they are the comparison), who holds
/// a vendor when someone does, the rest to the status. Each section is as
/// wide as its own title needs, so a short title leaves its room to a
/// long one.
struct Columns {
    name: usize,
    holder: usize,
    sections: Vec<usize>,
    /// Room for "✗ DISQUALIFIED", not only the mark.
    status_word: bool,
}

impl Columns {
    fn of(app: &App, shown: &[usize], width: usize) -> Columns {
        let text_w = |s: &str| unicode_width::UnicodeWidthStr::width(safe(s).as_ref());
        let q = &app.questionnaire;
        let (mut name, mut holder) = (8, 0);
        for &i in shown {
            if let VendorRow::Ok { summary, .. } = &app.vendors.rows[i] {
                name = name.max(text_w(&summary.meta.vendor));
                if let Some(h) = &summary.locked_by {
                    holder = holder.max(text_w(&h.user) + 2);
                }
            }
        }
        let titles: Vec<String> = q.sections.iter().map(|s| safe(s.title.get(app.lang)).into_owned()).collect();
        let one_line: Vec<usize> = titles.iter().map(|t| text_w(t).min(22)).collect();
        let two_line: Vec<usize> = titles.iter().map(|t| two_line_width(t).min(22)).collect();
        // The status (✗ DISQUALIFIED, sign-offs) keeps room when a vendor has one.
        let flagged = shown.iter().any(|&i| {
            matches!(&app.vendors.rows[i], VendorRow::Ok { summary, .. }
                if summary.report.disqualified() || !summary.signoffs.is_empty())
        });
        // The mark at least; its word once the section titles fit on two
        // lines (the selected vendor's reasons show in full below the table).
        let status_min = if flagged { 3 } else { 0 };
        let word = text_w(msg::DISQUALIFIED.text(app.lang));
        let n = q.sections.len().max(1);
        // Too narrow for the holder's name: a ● beside the total says it.
        let narrow = 16 + (holder.min(12) + 1) + 6 * n + 7 + status_min > width;
        let holder = if holder > 0 && narrow { 1 } else { holder.min(16) };
        // rank+space 4 · total+space 7 · done+space 5 · holder+space
        let fixed = 4 + 7 + 5 + if holder > 0 { holder + 1 } else { 0 };
        let mut room = width.saturating_sub(fixed + status_min + 1);
        // Six cells show a section title's first word; five ("100.0") only
        // where six do not fit.
        let base = if fixed + 7 * n + 7 + status_min > width { 5 } else { 6 };
        let mut sections = vec![base; q.sections.len()];
        let mut name_w = 6;
        room = room.saturating_sub((base + 1) * q.sections.len() + name_w);
        let grow = |now: &mut usize, to: usize, room: &mut usize| {
            let more = to.saturating_sub(*now).min(*room);
            *now += more;
            *room -= more;
        };
        // In turn: the name up to 20 cells; sections up to 8, then to their
        // titles on two lines; the status word; sections to their titles
        // on one line; the name whole.
        grow(&mut name_w, name.min(20), &mut room);
        grow_each(&mut sections, &one_line.iter().map(|&w| w.min(8)).collect::<Vec<_>>(), &mut room);
        grow_each(&mut sections, &two_line, &mut room);
        let status_word = flagged && width >= 70 && room >= word;
        if status_word {
            room -= word;
        }
        // One header line only when every title fits on it: a mix of one-
        // and two-line titles reads worse than two lines throughout.
        let wider: usize = sections.iter().zip(&one_line).map(|(&w, &to)| to.saturating_sub(w)).sum();
        if wider <= room {
            grow_each(&mut sections, &one_line, &mut room);
        }
        grow(&mut name_w, name, &mut room);
        Columns { name: name_w, holder, sections, status_word }
    }
}

/// Widens each column towards its own target, one cell at a time around
/// them all, while `room` lasts.
fn grow_each(widths: &mut [usize], targets: &[usize], room: &mut usize) {
    while *room > 0 {
        let mut grew = false;
        for (w, &to) in widths.iter_mut().zip(targets) {
            if *room > 0 && *w < to {
                *w += 1;
                *room -= 1;
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
}

/// `title` in a column `width` cells wide: `["", title]` when it fits on
/// one line, else its first and second lines, broken between words (a
/// word too long for the column is cut, not split); a title without spaces
/// (Chinese) breaks between characters.
fn two_lines(title: &str, width: usize) -> [String; 2] {
    let text_w = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    if text_w(title) <= width {
        return [String::new(), title.to_string()];
    }
    if !title.contains(' ') {
        let ranges = crate::app::editor::wrap_ranges(title, u16::try_from(width).unwrap_or(u16::MAX).max(1));
        return match ranges.as_slice() {
            [(a, b), (c, _), ..] => [title[*a..*b].to_string(), cut(&title[*c..], width)],
            _ => [String::new(), cut(title, width)],
        };
    }
    let words: Vec<&str> = title.split_whitespace().collect();
    let mut first = words[0].to_string();
    let mut rest = 1;
    while rest < words.len() && text_w(&first) + 1 + text_w(words[rest]) <= width {
        first = format!("{first} {}", words[rest]);
        rest += 1;
    }
    [cut(&first, width), cut(&words[rest..].join(" "), width)]
}

/// The narrowest column in which `title` takes at most two lines, whole
/// words each.
fn two_line_width(title: &str) -> usize {
    let text_w = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let full = text_w(title);
    if !title.contains(' ') {
        return full.div_ceil(2).max(1);
    }
    let words: Vec<&str> = title.split_whitespace().collect();
    (1..words.len()).map(|at| text_w(&words[..at].join(" ")).max(text_w(&words[at..].join(" ")))).min().unwrap_or(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_take_two_lines_where_one_does_not_fit() {
        assert_eq!(two_lines("Industry fit", 12), ["".to_string(), "Industry fit".to_string()]);
        assert_eq!(two_lines("Basic qualifications", 14), ["Basic".to_string(), "qualifications".to_string()]);
        assert_eq!(two_line_width("Basic qualifications"), 14);
        assert_eq!(two_line_width("Technical capability"), 10);
        assert_eq!(two_lines("Technical capability", 8), ["Technic…".to_string(), "capabil…".to_string()]);
        assert_eq!(two_lines("行业适配性", 8), ["行业适配".to_string(), "性".to_string()]);
        assert_eq!(two_line_width("基础资质"), 4);
    }
}
