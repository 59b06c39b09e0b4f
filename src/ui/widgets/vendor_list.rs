//! The vendor list: score, band, completion, disqualification (a mark and a
//! word), last change; unreadable files with their error. Before the name,
//! a "due" mark (as `ccvet due`: re-assessment, date answers and evidence
//! ending within 90 days, overdue follow-ups): `!` once a date has passed,
//! `*` within the window.

use crate::i18n::tui as msg;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::state::{App, VendorRow};
use crate::domain::followup::{DEFAULT_WITHIN_DAYS, is_due, is_past};
use crate::domain::present::pct;
use crate::ui::text::{cut, fit, fit_right, safe};
use crate::ui::theme::Theme;

pub struct VendorList<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for VendorList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, th) = (self.app, self.theme);
        let lang = app.lang;
        let list = &app.vendors;
        let mut title = msg::VENDORS.text(lang).to_string();
        if list.filtering || !list.filter.text().is_empty() {
            title = format!("{title} / {}", safe(list.filter.text()));
        }
        let block = super::panel(&title, th.border, th);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 {
            return;
        }
        let w = usize::from(inner.width);
        let rows = usize::from(inner.height.saturating_sub(1));
        let shown: Vec<&VendorRow> = list.visible.iter().skip(list.offset).take(rows).map(|&i| &list.rows[i]).collect();
        let cols = Columns::of(app, &shown, w.saturating_sub(2));
        let mut header = format!(
            "  {} {} {} {}",
            fit(msg::VENDOR.text(lang), cols.name),
            fit_right(msg::SCORE.text(lang), SCORE_W),
            fit(msg::BAND.text(lang), cols.band),
            fit_right(msg::DONE.text(lang), DONE_W),
        );
        if cols.holder > 0 {
            header.push(' ');
            header.push_str(&fit(msg::OPEN_BY.text(lang), cols.holder));
        }
        header.push(' ');
        header.push_str(&fit(msg::STATUS.text(lang), cols.status));
        if cols.changed > 0 {
            header.push(' ');
            header.push_str(&fit(msg::CHANGED.text(lang), cols.changed));
        }
        buf.set_line(inner.x, inner.y, &Line::styled(header, th.header), inner.width);
        if list.visible.is_empty() {
            let empty = if list.rows.is_empty() {
                msg::NO_VENDORS_YET_PRESS_N.text(lang)
            } else {
                msg::NO_VENDOR_MATCHES_THE_FILTER.text(lang)
            };
            // Under the names, past the selection marker's two cells.
            buf.set_line(inner.x + 2, inner.y + 1, &Line::styled(empty, th.muted), inner.width.saturating_sub(2));
            return;
        }
        let (name_w, status_w) = (cols.name, cols.status);
        // Build only the rows that show.
        for (n, &index) in list.visible.iter().enumerate().skip(list.offset).take(rows) {
            let y = inner.y + 1 + u16::try_from(n - list.offset).unwrap_or(0);
            let selected = n == list.selected;
            // The selection is a marker and the name in reverse video, not
            // the whole row: moving it rewrites two names, not two rows
            // (fewer bytes over SSH), and it still shows without colour.
            let marker = if selected { Span::styled("▶", th.key) } else { Span::raw(" ") };
            let marker = match &list.rows[index] {
                VendorRow::Ok { summary, .. } => {
                    let due = summary.deadlines.iter().filter(|d| is_due(d, app.today, DEFAULT_WITHIN_DAYS));
                    let (mut any, mut past) = (false, false);
                    for d in due {
                        any = true;
                        past |= is_past(d, app.today);
                    }
                    let due = match (any, past) {
                        (_, true) => Span::styled("!", th.error),
                        (true, false) => Span::styled("*", th.warn),
                        _ => Span::raw(" "),
                    };
                    vec![marker, due]
                }
                _ => vec![marker, Span::raw(" ")],
            };
            let name = |text: &str| -> [Span<'static>; 2] {
                let shown = cut(&safe(text), name_w);
                let pad = " ".repeat(name_w - unicode_width::UnicodeWidthStr::width(shown.as_str()).min(name_w));
                [Span::styled(shown, if selected { th.selected } else { Style::new() }), Span::raw(pad)]
            };
            let line = match &list.rows[index] {
                VendorRow::Ok { summary, changed } => {
                    let r = &summary.report;
                    let band = crate::domain::present::band_beside_mark(&app.questionnaire, r, lang);
                    let [name, pad] = name(&summary.meta.vendor);
                    let mut spans = marker;
                    spans.extend([
                        name,
                        pad,
                        Span::raw(" "),
                        Span::raw(fit_right(&pct(r.score), 6)),
                        Span::raw(" "),
                        Span::raw(fit(&safe(&band), cols.band)),
                        Span::raw(" "),
                        Span::raw(fit_right(&format!("{:.0}%", r.completion() * 100.0), DONE_W)),
                        Span::raw(" "),
                    ]);
                    // Who holds it survives narrow terminals: it says whether
                    // opening it gives the answers or a read-only view.
                    if cols.holder > 0 {
                        let held = summary.locked_by.as_ref().map(|h| format!("● {}", safe(&h.user)));
                        spans.push(Span::styled(fit(held.as_deref().unwrap_or(""), cols.holder), th.warn));
                        spans.push(Span::raw(" "));
                    }
                    let signed = safe(&crate::summary::signoff_text(&summary.signoffs)).into_owned();
                    if r.disqualified() {
                        let mark = format!("✗ {}", msg::DISQUALIFIED.text(lang));
                        let mark_w = unicode_width::UnicodeWidthStr::width(mark.as_str());
                        let rest = status_w.saturating_sub(mark_w + 1);
                        spans.push(Span::styled(cut(&mark, status_w), th.knockout));
                        if rest > 0 {
                            spans.push(Span::raw(format!(" {}", fit(&signed, rest))));
                        } else {
                            spans.push(Span::raw(" ".repeat(status_w.saturating_sub(mark_w))));
                        }
                    } else {
                        spans.push(Span::raw(fit(&signed, status_w)));
                    }
                    if cols.changed > 0 {
                        spans.push(Span::styled(format!(" {}", fit(changed, cols.changed)), th.muted));
                    }
                    Line::from(spans)
                }
                VendorRow::Loading { slug, .. } => {
                    let [name, pad] = name(slug);
                    let mut spans = marker;
                    spans.extend([name, pad, Span::styled(format!(" {}", fit_right("…", SCORE_W)), th.muted)]);
                    Line::from(spans)
                }
                VendorRow::Unreadable { slug, error, .. } => {
                    let [name, pad] = name(slug);
                    let why = format!("! {} {}", msg::UNREADABLE.text(lang), safe(error));
                    let why = Span::styled(cut(&why, w.saturating_sub(name_w + 3)), th.error);
                    let mut spans = marker;
                    spans.extend([name, pad, Span::raw(" "), why]);
                    Line::from(spans)
                }
            };
            buf.set_line(inner.x, y, &line, inner.width);
        }
    }
}

const SCORE_W: usize = 6;
const DONE_W: usize = 5;
const CHANGED_W: usize = 11;

/// The widths of the list's columns at this terminal width, from what the
/// rows on screen hold: whole names and bands where there is room, the
/// holder only when someone holds a vendor, "changed" dropped first.
struct Columns {
    name: usize,
    band: usize,
    holder: usize,
    status: usize,
    changed: usize,
}

impl Columns {
    fn of(app: &App, rows: &[&VendorRow], width: usize) -> Columns {
        use crate::ui::layout::{Column, fit_columns};
        let text_w = |s: &str| unicode_width::UnicodeWidthStr::width(safe(s).as_ref());
        let (mut name, mut band, mut holder, mut status) = (8, 8, 0, 8);
        for row in rows {
            match row {
                VendorRow::Ok { summary, .. } => {
                    name = name.max(text_w(&summary.meta.vendor));
                    let b = crate::domain::present::band_beside_mark(&app.questionnaire, &summary.report, app.lang);
                    band = band.max(text_w(&b));
                    if let Some(h) = &summary.locked_by {
                        holder = holder.max(text_w(&h.user) + 2);
                    }
                    let mut s = text_w(&crate::summary::signoff_text(&summary.signoffs));
                    if summary.report.disqualified() {
                        s += text_w(msg::DISQUALIFIED.text(app.lang)) + 3;
                    }
                    status = status.max(s);
                }
                VendorRow::Loading { slug, .. } | VendorRow::Unreadable { slug, .. } => name = name.max(text_w(slug)),
            }
        }
        // Band and status come whole before the name gets more than 12
        // cells: a cut name still tells vendors apart, a cut band does not.
        let mut columns = vec![
            Column::new(12, name.min(64)).rank(1),
            Column::new(SCORE_W, SCORE_W),
            Column::new(8, band.min(36)),
            Column::new(DONE_W, DONE_W),
        ];
        if holder > 0 {
            columns.push(Column::new(holder.min(12), holder.min(24)));
        }
        let status_at = columns.len();
        let marked = rows.iter().any(|r| matches!(r, VendorRow::Ok { summary, .. } if summary.report.disqualified()));
        let mark_w = if marked { text_w(msg::DISQUALIFIED.text(app.lang)) + 2 } else { 8 };
        columns.push(Column::new(mark_w, status.min(60)));
        // "Changed" only where the band, holder and status are whole with it.
        let whole = |widths: &[usize]| columns.iter().zip(widths).all(|(c, &w)| c.rank > 0 || w >= c.want);
        let mut widths = fit_columns(width, &columns, status_at);
        let mut with_changed = columns.clone();
        with_changed.push(Column::new(CHANGED_W, CHANGED_W).rank(2));
        let tried = fit_columns(width, &with_changed, status_at);
        if whole(&tried) && tried[status_at + 1] > 0 {
            widths = tried;
        } else {
            widths.push(0);
        }
        Columns {
            name: widths[0],
            band: widths[2],
            holder: if holder > 0 { widths[4] } else { 0 },
            status: widths[status_at],
            changed: widths[status_at + 1],
        }
    }
}
