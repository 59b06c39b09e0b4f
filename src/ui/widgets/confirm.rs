//! The confirmation box: what is about to happen and why it needs a
//! second thought, then `y` / `n`.

use crate::i18n::tui as msg;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::app::state::Confirm;
use crate::domain::text::Lang;
use crate::storage::review::Decision;
use crate::ui::text::wrapped;
use crate::ui::theme::Theme;

pub struct ConfirmBox<'a> {
    pub confirm: &'a Confirm,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl ConfirmBox<'_> {
    fn lines(&self, width: u16) -> (String, Vec<Line<'static>>) {
        let (lang, th) = (self.lang, self.theme);
        let mut lines = Vec::new();
        let title = match self.confirm {
            Confirm::TakeOver { from } => {
                let text = match (from, lang) {
                    (Some(who), Lang::En) => format!(
                        "{who} is this vendor's interviewer. Take over: you answer from now on, and the file records you as its interviewer."
                    ),
                    (Some(who), Lang::Zh) => {
                        format!("{who} 是该服务商的访谈人。接手后由您作答，文件将记录您为访谈人。")
                    }
                    (None, Lang::En) => "No one is interviewing this vendor. Become its interviewer?".to_string(),
                    (None, Lang::Zh) => "该服务商无人访谈。由您担任访谈人？".to_string(),
                };
                lines.extend(wrapped(&text, width, "", Style::new()));
                msg::TAKE_OVER_AS_INTERVIEWER.text(lang).to_string()
            }
            Confirm::SignOff { decision, cautions } => {
                for caution in cautions {
                    lines.extend(wrapped(&format!("! {}", caution.describe(lang)), width, "", th.knockout));
                }
                let word = match (decision, lang) {
                    (Decision::Approve, Lang::En) => "Approve",
                    (Decision::Reject, Lang::En) => "Reject",
                    (Decision::NeedsInfo, Lang::En) => "Ask for more information",
                    (Decision::Approve, Lang::Zh) => "批准",
                    (Decision::Reject, Lang::Zh) => "拒绝",
                    (Decision::NeedsInfo, Lang::Zh) => "要求补充材料",
                };
                match lang {
                    Lang::En => format!("{word} all the same?"),
                    Lang::Zh => format!("仍要{word}？"),
                }
            }
        };
        lines.push(Line::raw(""));
        lines.push(Line::styled(msg::Y_YES_DO_IT_N.text(lang), th.key));
        (title, lines)
    }

    pub fn rect(area: Rect, height: u16) -> Rect {
        let width = 64.min(area.width);
        let height = height.min(area.height);
        Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 3, width, height)
    }
}

impl Widget for ConfirmBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = 64.min(area.width).saturating_sub(2);
        let (title, lines) = self.lines(width);
        let rect = ConfirmBox::rect(area, u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_add(2));
        super::clear_popup(rect, buf);
        let block = super::panel(&title, self.theme.key, self.theme);
        let inner = block.inner(rect);
        block.render(rect, buf);
        for (i, line) in lines.iter().take(usize::from(inner.height)).enumerate() {
            buf.set_line(inner.x, inner.y + u16::try_from(i).unwrap_or(0), line, inner.width);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::signoff::Caution;

    #[test]
    fn draws_in_any_area_and_says_why() {
        let th = Theme::new(false);
        let confirm = Confirm::SignOff {
            decision: Decision::Approve,
            cautions: vec![Caution::ApprovesDisqualified, Caution::Incomplete { answered: 1, total: 37 }],
        };
        for (w, h) in [(0, 0), (20, 5), (80, 24)] {
            let area = Rect::new(0, 0, w, h);
            let mut buf = Buffer::empty(area);
            ConfirmBox { confirm: &confirm, lang: Lang::En, theme: &th }.render(area, &mut buf);
        }
        let area = Rect::new(0, 0, 80, 24);
        let mut buf = Buffer::empty(area);
        ConfirmBox { confirm: &confirm, lang: Lang::En, theme: &th }.render(area, &mut buf);
        let text: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert!(text.contains("Approve all the same?"), "{text}");
        assert!(text.contains("DISQUALIFIED") && text.contains("only 1 of 37"), "{text}");
    }
}
