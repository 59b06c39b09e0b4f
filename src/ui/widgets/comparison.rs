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
        // rank 3 · name · overall 6 · a column of 7 per section · status
        let sections = q.sections.len();
        // Section columns take what the vendor names (20 cells) and the
        // status (a fifth) leave, 6 to 22 cells each, so wide terminals show
        // whole section titles.
        let status_w = (w / 5).clamp(14, 30);
        // Completion stands beside every total (5 cells): a barely started
        // vendor ranked high says so, and its total carries a "?" while
        // its band is still open.
        let col_w = (w.saturating_sub(4 + 7 + 5 + 20 + status_w) / sections.max(1)).saturating_sub(1).clamp(6, 22);
        let name_w = w.saturating_sub(4 + 7 + 5 + (col_w + 1) * sections + status_w).clamp(6, 40);
        let mut header = format!(
            "{} {} {} {}",
            fit_right("#", 3),
            fit(msg::VENDOR.text(lang), name_w),
            fit_right(msg::TOTAL.text(lang), 6),
            fit_right(msg::DONE.text(lang), 4)
        );
        for s in &q.sections {
            header.push(' ');
            header.push_str(&fit_right(&cut(&safe(s.title.get(lang)), col_w), col_w));
        }
        buf.set_line(inner.x, inner.y, &Line::styled(header, th.header), inner.width);
        if app.ranking.is_empty() {
            let text = msg::NO_VENDORS_TO_COMPARE_YET.text(lang);
            buf.set_line(inner.x, inner.y + 1, &Line::styled(text, th.muted), inner.width);
            return;
        }
        // The last line names the selected vendor's red lines in full.
        let rows = usize::from(inner.height.saturating_sub(2));
        if let Some(VendorRow::Ok { summary, .. }) =
            app.ranking.get(app.compare_selected).map(|&i| &app.vendors.rows[i])
        {
            let reasons: Vec<String> = summary
                .report
                .knockouts
                .iter()
                .map(|k| k.reason.as_ref().map_or_else(|| k.key.clone(), |r| r.get(lang).to_string()))
                .collect();
            if !reasons.is_empty() && inner.height > 2 {
                let text = format!("✗ {}: {}", safe(&summary.meta.vendor), safe(&reasons.join("; ")));
                let y = inner.y + inner.height - 1;
                buf.set_line(inner.x, y, &Line::styled(cut(&text, w), th.knockout), inner.width);
            }
        }
        for (n, &index) in app.ranking.iter().enumerate().skip(app.compare_offset).take(rows) {
            let VendorRow::Ok { summary, .. } = &app.vendors.rows[index] else { continue };
            let r = &summary.report;
            let y = inner.y + 1 + u16::try_from(n - app.compare_offset).unwrap_or(0);
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
            for s in &r.sections {
                spans.push(Span::raw(" "));
                spans.push(Span::raw(fit_right(&pct(s.score), col_w)));
            }
            if r.disqualified() {
                spans.push(Span::styled(format!(" ✗ {}", msg::DISQUALIFIED.text(lang)), th.knockout));
            }
            // Sign-offs before the reason: the reason is in full below.
            if !summary.signoffs.is_empty() {
                spans.push(Span::raw(format!(" {}", safe(&crate::summary::signoff_text(&summary.signoffs)))));
            }
            if r.disqualified() {
                let reason = r.knockouts.first().and_then(|k| k.reason.as_ref()).map_or("", |x| x.get(lang));
                spans.push(Span::styled(format!(" {}", safe(reason)), th.knockout));
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
