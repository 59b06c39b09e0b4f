//! The form that asks for a follow-up (what to provide, then the due date)
//! or for evidence (a path or URL, then the expiry): both fields in one
//! box, the one being typed highlighted, the caret where the terminal
//! cursor (and an IME's candidate window) should be.

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
use crate::ui::tr;

/// Rows the first field may take before it scrolls.
const FIRST_ROWS: usize = 7;

pub struct FormBox<'a> {
    pub form: &'a Form,
    pub lang: Lang,
    pub theme: &'a Theme,
}

/// The words of a form, as (en, zh) pairs: title, first label, second label.
fn labels(kind: &FormKind) -> [(&'static str, &'static str); 3] {
    match kind {
        FormKind::Followup { editing: false, .. } => [
            ("New follow-up", "新建补充材料请求"),
            ("What should the vendor provide?", "需服务商提供什么？"),
            ("Due (YYYY-MM-DD; empty: no due date): ", "截止日期（YYYY-MM-DD；留空则不设）："),
        ],
        FormKind::Followup { editing: true, .. } => [
            ("Edit the follow-up", "编辑补充材料请求"),
            ("What should the vendor provide?", "需服务商提供什么？"),
            ("Due (YYYY-MM-DD; empty: no due date): ", "截止日期（YYYY-MM-DD；留空则不设）："),
        ],
        FormKind::Evidence { .. } => [
            ("Add evidence", "添加证明材料"),
            (
                "File (relative to the workspace, or absolute) or http(s) URL:",
                "文件（相对工作区或绝对路径）或 http(s) 网址：",
            ),
            ("Expires (YYYY-MM-DD; empty: no expiry): ", "有效期至（YYYY-MM-DD；留空则不设）："),
        ],
    }
}

impl FormBox<'_> {
    /// The box's lines and the caret's place within them (row, column).
    fn lines(&self, width: u16) -> (String, Vec<Line<'static>>, (u16, u16)) {
        let (form, lang, th) = (self.form, self.lang, self.theme);
        let l = |pair: (&'static str, &'static str)| tr(lang, pair.0, pair.1);
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
                let hint = match (form.step, lang) {
                    (0, _) => tr(lang, "Enter: next · Esc: cancel", "Enter 下一步 · Esc 取消"),
                    (_, _) => tr(lang, "Enter: save · Esc: back", "Enter 保存 · Esc 返回"),
                };
                lines.push(Line::styled(hint, th.key));
            }
        }
        (title, lines, caret)
    }

    /// Where the caret is on screen, when the box is drawn in `area`.
    pub fn caret(&self, area: Rect) -> Position {
        let width = 64.min(area.width).saturating_sub(2);
        let (_, lines, (row, col)) = self.lines(width);
        let rect = super::popup_rect(area, lines.len());
        let x = (rect.x + 1 + col).min(rect.right().saturating_sub(2));
        let y = (rect.y + 1 + row).min(rect.bottom().saturating_sub(2));
        Position::new(x, y)
    }
}

impl Widget for FormBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = 64.min(area.width).saturating_sub(2);
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
