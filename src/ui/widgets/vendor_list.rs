//! The vendor list: score, band, completion, disqualification (a mark and a
//! word), last change; unreadable files with their error.

use crate::i18n::tui as msg;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::state::{App, VendorRow};
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
        // Columns: name (rest) · score 6 · band 14 · done 5 · status · changed 11.
        // The status holds the red-line mark and the sign-offs: wider when
        // there is room, so neither hides the other.
        let status_w = if w >= 100 { 30 } else { 16 };
        let fixed = [6usize, 14, 5, status_w, 11];
        let show_changed = w >= 70;
        let fixed_sum: usize = fixed.iter().take(if show_changed { 5 } else { 4 }).sum::<usize>() + 5;
        // Two cells for the selection marker.
        let name_w = w.saturating_sub(fixed_sum + 2).max(8);
        let mut header = format!(
            "  {} {} {} {} {}",
            fit(msg::VENDOR.text(lang), name_w),
            fit_right(msg::SCORE.text(lang), 6),
            fit(msg::BAND.text(lang), 14),
            fit_right(msg::DONE.text(lang), 5),
            fit(msg::STATUS.text(lang), status_w),
        );
        if show_changed {
            header.push(' ');
            header.push_str(&fit(msg::CHANGED.text(lang), 11));
        }
        buf.set_line(inner.x, inner.y, &Line::styled(header, th.header), inner.width);
        if list.visible.is_empty() {
            let empty = if list.rows.is_empty() {
                msg::NO_VENDORS_YET_PRESS_N.text(lang)
            } else {
                msg::NO_VENDOR_MATCHES_THE_FILTER.text(lang)
            };
            buf.set_line(inner.x, inner.y + 1, &Line::styled(empty, th.muted), inner.width);
            return;
        }
        let rows = usize::from(inner.height.saturating_sub(1));
        // Build only the rows that show.
        for (n, &index) in list.visible.iter().enumerate().skip(list.offset).take(rows) {
            let y = inner.y + 1 + u16::try_from(n - list.offset).unwrap_or(0);
            let selected = n == list.selected;
            // The selection is a marker and the name in reverse video, not
            // the whole row: moving it rewrites two names, not two rows
            // (fewer bytes over SSH), and it still shows without colour.
            let marker = if selected { Span::styled("▶ ", th.key) } else { Span::raw("  ") };
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
                    let mut spans = vec![
                        marker,
                        name,
                        pad,
                        Span::raw(" "),
                        Span::raw(fit_right(&pct(r.score), 6)),
                        Span::raw(" "),
                        Span::raw(fit(&safe(&band), 14)),
                        Span::raw(" "),
                        Span::raw(fit_right(&format!("{:.0}%", r.completion() * 100.0), 5)),
                        Span::raw(" "),
                    ];
                    let signed = safe(&crate::summary::signoff_text(&summary.signoffs)).into_owned();
                    if r.disqualified() {
                        let mark = format!("✗ {}", msg::DISQUALIFIED.text(lang));
                        let rest = status_w.saturating_sub(unicode_width::UnicodeWidthStr::width(mark.as_str()) + 1);
                        spans.push(Span::styled(mark, th.knockout));
                        spans.push(Span::raw(format!(" {}", fit(&signed, rest))));
                    } else {
                        spans.push(Span::raw(fit(&signed, status_w)));
                    }
                    if show_changed {
                        // Who is interviewing now says more than when it changed.
                        match &summary.locked_by {
                            Some(h) => spans.push(Span::styled(format!(" ● {}", fit(&safe(&h.user), 9)), th.warn)),
                            None => spans.push(Span::styled(format!(" {}", fit(changed, 11)), th.muted)),
                        }
                    }
                    Line::from(spans)
                }
                VendorRow::Loading { slug, .. } => {
                    let [name, pad] = name(slug);
                    Line::from(vec![marker, name, pad, Span::styled(format!(" {}", fit_right("…", 6)), th.muted)])
                }
                VendorRow::Unreadable { slug, error, .. } => {
                    let [name, pad] = name(slug);
                    let why = format!("! {} {}", msg::UNREADABLE.text(lang), safe(error));
                    let why = Span::styled(cut(&why, w.saturating_sub(name_w + 3)), th.error);
                    Line::from(vec![marker, name, pad, Span::raw(" "), why])
                }
            };
            buf.set_line(inner.x, y, &line, inner.width);
        }
    }
}
