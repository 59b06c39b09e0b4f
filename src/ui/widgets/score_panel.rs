//! The live weighted score: overall score and band, the range still
//! possible, a bar per section with weight, score and completion, and every
//! knockout with a mark and its reason.

use crate::i18n::tui as msg;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::domain::present::{pct, range};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::scoring::ScoreReport;
use crate::domain::text::Lang;
use crate::ui::text::{cut, fit, fit_right, safe, wrapped};
use crate::ui::theme::Theme;

pub struct ScorePanel<'a> {
    pub questionnaire: &'a Questionnaire,
    pub report: &'a ScoreReport,
    pub unsaved: usize,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl Widget for ScorePanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (q, r, th, lang) = (self.questionnaire, self.report, self.theme, self.lang);
        let block = super::panel(msg::SCORE_PANEL.text(lang), th.border, th);
        let inner = block.inner(area);
        block.render(area, buf);
        let w = usize::from(inner.width);
        let mut lines: Vec<Line> = Vec::new();
        let band = crate::domain::present::band_beside_mark(q, r, lang);
        // A red line leads, before any score or band.
        if r.disqualified() {
            lines.push(Line::styled(format!("✗ {}", msg::DISQUALIFIED.text(lang)), th.knockout));
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", pct(r.score)), th.header),
            Span::raw(cut(&safe(&band), w.saturating_sub(7))),
        ]));
        // Until one band remains, every band still possible.
        // (A red line has said all there is: no band can be had.)
        if !r.disqualified() && crate::domain::present::band_provisional(q, r) {
            let text = crate::domain::present::band_text(q, r, lang);
            lines.extend(wrapped(&safe(&text), inner.width, "", th.muted));
        }
        lines.push(Line::styled(format!("{} {}", msg::RANGE.text(lang), range(r.min, r.max)), th.muted));
        lines.push(Line::from(range_bar(r.min, r.max, w.saturating_sub(2), th)));
        let texts = crate::domain::present::unscored_counts(r.outcomes.iter().flatten());
        let counts = crate::domain::present::counts_text(r.answered, r.total, texts, lang);
        lines.extend(wrapped(&format!("{} {counts}", msg::ANSWERED.text(lang)), inner.width, "", Default::default()));
        if self.unsaved > 0 {
            lines.push(Line::styled(format!("! {} {}", self.unsaved, msg::UNSAVED.text(lang)), th.error));
        }
        lines.push(Line::raw(""));
        let title_w = w.saturating_sub(14);
        // Only what fits is built (a questionnaire may have a hundred
        // sections), and red lines keep room below the sections.
        let red_room = if r.disqualified() { 4 } else { 0 };
        let budget = usize::from(inner.height).saturating_sub(lines.len() + red_room);
        let fitting = (budget / 2).min(q.sections.len());
        let fitting = if fitting < q.sections.len() { fitting.saturating_sub(1) } else { fitting };
        for (section, s) in q.sections.iter().zip(&r.sections).take(fitting) {
            lines.push(Line::from(vec![
                Span::raw(fit(&safe(section.title.get(lang)), title_w)),
                Span::styled(fit_right(&format!("×{}", section.weight), 5), th.muted),
                Span::raw(fit_right(&pct(s.score), 7)),
            ]));
            // The section's score range, as the overall bar: a finished
            // section shows its score, not its completion.
            let mut spans = range_bar(s.min, s.max, w.saturating_sub(8), th);
            spans.push(Span::styled(fit_right(&format!("{}/{}", s.answered, s.total), 8), th.muted));
            lines.push(Line::from(spans));
        }
        if fitting < q.sections.len() {
            let more = q.sections.len() - fitting;
            lines.push(Line::styled(format!("+{more} {}", msg::MORE_SECTIONS.text(lang)), th.muted));
        }
        if r.disqualified() {
            lines.push(Line::raw(""));
            // The verdict leads the panel; here, what caused it.
            lines.push(Line::styled(msg::RED_LINES_CROSSED.text(lang), th.knockout));
            for (n, k) in r.knockouts.iter().enumerate() {
                // Name the question as the interviewer knows it.
                let what = q.question(&k.key).map_or(k.key.as_str(), |x| x.text.get(lang));
                let text = match &k.reason {
                    Some(reason) => format!("✗ {}", reason.get(lang)),
                    None => format!("✗ {}", cut(what, 60)),
                };
                let part = wrapped(&text, inner.width, "", th.knockout);
                let room = usize::from(inner.height).saturating_sub(lines.len());
                let left = r.knockouts.len() - n;
                if part.len() + usize::from(left > 1) > room {
                    let more = format!("✗ +{left} {}", msg::MORE_SEE_THE_QUESTION_LIST.text(lang));
                    lines.extend(wrapped(&more, inner.width, "", th.knockout));
                    break;
                }
                lines.extend(part);
            }
        }
        for (i, line) in lines.into_iter().take(usize::from(inner.height)).enumerate() {
            buf.set_line(inner.x, inner.y + u16::try_from(i).unwrap_or(0), &line, inner.width);
        }
    }
}

/// A bar `width` cells wide: solid to the lowest score still possible,
/// shaded to the highest, empty beyond (`None`: nothing known, all shaded).
fn range_bar(min: Option<f64>, max: Option<f64>, width: usize, th: &Theme) -> Vec<Span<'static>> {
    let (lo, hi) = (min.unwrap_or(0.0) / 100.0, max.unwrap_or(100.0) / 100.0);
    let lo_cells = ((lo * width as f64).round() as usize).min(width);
    let hi_cells = ((hi * width as f64).round() as usize).clamp(lo_cells, width);
    vec![
        Span::styled("█".repeat(lo_cells), th.bar_full),
        Span::styled("▒".repeat(hi_cells - lo_cells), th.warn),
        Span::styled("░".repeat(width - hi_cells), th.bar_empty),
    ]
}
