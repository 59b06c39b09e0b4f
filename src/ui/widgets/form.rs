//! The form that asks for a follow-up (what to provide, then the due date)
//! or for evidence (a path or URL, then the expiry): both fields in one
//! box, the one being typed highlighted, the caret where the terminal
//! cursor (and an IME's candidate window) should be.

use crate::i18n::{Msg, tui as msg};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::followups::{Form, FormKind};
use crate::domain::text::Lang;
use crate::ui::text::{fit, safe, wrapped};
use crate::ui::theme::Theme;

/// Rows the first field may take before it scrolls.
const FIRST_ROWS: usize = 7;

pub struct FormBox<'a> {
    pub form: &'a Form,
    pub lang: Lang,
    pub theme: &'a Theme,
}

/// The words of a form: title, first label, second label.
fn labels(kind: &FormKind) -> [Msg; 3] {
    match kind {
        FormKind::Followup { editing: false, .. } => [msg::NEW_FOLLOWUP, msg::FOLLOWUP_ASK, msg::FOLLOWUP_DUE],
        FormKind::Followup { editing: true, .. } => [msg::EDIT_FOLLOWUP, msg::FOLLOWUP_ASK, msg::FOLLOWUP_DUE],
        FormKind::Evidence { .. } => [msg::ADD_EVIDENCE, msg::EVIDENCE_PATH, msg::EVIDENCE_EXPIRES],
    }
}

impl FormBox<'_> {
    /// The box's lines and the caret's place within them (row, column).
    fn lines(&self, width: u16) -> (String, Vec<Line<'static>>, (u16, u16)) {
        let (form, lang, th) = (self.form, self.lang, self.theme);
        let l = |m: Msg| m.text(lang);
        let [title, first, second] = labels(&form.kind);
        let title = format!("{} · {}", l(title), safe(form.key()));
        let mut lines = wrapped(l(first), width, "", th.muted);
        let active = |step: u8| if form.step == step { th.selected } else { Style::new() };
        // The first field, wrapped, scrolled to keep the caret in view.
        let text = form.first.text();
        let ranges = form.first.wrap(width);
        let (row, col) = form.first.caret_position(width);
        let skip = usize::from(row).saturating_sub(FIRST_ROWS - 1);
        let start = lines.len();
        for &(a, b) in ranges.iter().skip(skip).take(FIRST_ROWS) {
            lines.push(Line::styled(fit(&safe(&text[a..b]), usize::from(width)), active(0)));
        }
        if ranges.is_empty() {
            lines.push(Line::styled(fit("", usize::from(width)), active(0)));
        }
        let mut caret = (u16::try_from(start + usize::from(row) - skip).unwrap_or(0), col);
        // The second field, on one line after its label.
        let label = l(second);
        let label_w = u16::try_from(label.width()).unwrap_or(u16::MAX).min(width.saturating_sub(12));
        let field_w = width.saturating_sub(label_w).max(1);
        let (_, col2) = form.second.caret_position(u16::MAX);
        lines.push(Line::from(vec![
            Span::styled(fit(label, usize::from(label_w)), th.muted),
            Span::styled(fit(&safe(form.second.text()), usize::from(field_w)), active(1)),
        ]));
        if form.step == 1 {
            caret = (u16::try_from(lines.len() - 1).unwrap_or(0), label_w + col2.min(field_w.saturating_sub(1)));
        }
        match &form.error {
            Some(why) => lines.extend(wrapped(&format!("! {why}"), width, "", th.error)),
            None => {
                let hint = if form.step == 0 { msg::ENTER_NEXT_ESC_CANCEL } else { msg::ENTER_SAVE_ESC_BACK };
                let hint = hint.text(lang);
                lines.push(Line::styled(hint, th.key));
            }
        }
        (title, lines, caret)
    }

    /// Where the caret is on screen, when the box is drawn in `area`.
    pub fn caret(&self, area: Rect) -> Position {
        let width = super::popup_inner_width(area);
        let (_, lines, (row, col)) = self.lines(width);
        let rect = super::popup_rect(area, lines.len());
        let x = (rect.x + 1 + col).min(rect.right().saturating_sub(2));
        let y = (rect.y + 1 + row).min(rect.bottom().saturating_sub(2));
        Position::new(x, y)
    }
}

impl Widget for FormBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = super::popup_inner_width(area);
        let (title, lines, _) = self.lines(width);
        super::popup(area, buf, &title, &lines, self.theme);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_in_any_area() {
        let th = Theme::new(false);
        let mut form = Form::followup("basic.x".into(), None, "请提供近三年年检记录 and a long text to wrap", None);
        for step in [0, 1] {
            form.step = step;
            for (w, h) in [(0, 0), (20, 5), (80, 24)] {
                let area = Rect::new(0, 0, w, h);
                let mut buf = Buffer::empty(area);
                let b = FormBox { form: &form, lang: Lang::Zh, theme: &th };
                let _ = b.caret(area);
                b.render(area, &mut buf);
            }
        }
    }
}
