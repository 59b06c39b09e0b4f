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
                let text = match from {
                    Some(who) => msg::TAKE_OVER_FROM.fill(lang, &[("who", who)]),
                    None => msg::BECOME_INTERVIEWER.text(lang).to_string(),
                };
                lines.extend(wrapped(&text, width, "", Style::new()));
                msg::TAKE_OVER_AS_INTERVIEWER.text(lang).to_string()
            }
            Confirm::Reassess { path, vendor, from, on } => {
                let slug = crate::storage::vendor::slug_of(path);
                let name = crate::ui::text::safe(vendor);
                let kept = format!("vendors/history/{}/{from}.toml", crate::ui::text::safe(&slug));
                let text = msg::NAME_THE_CYCLE_ASSESSED_ON
                    .fill(lang, &[("from", &from), ("kept", &kept), ("name", &name), ("on", &on)]);
                lines.extend(wrapped(&text, width, "", Style::new()));
                msg::START_A_NEW_ASSESSMENT_CYCLE.fill(lang, &[("on", &on)])
            }
            Confirm::Archive { name, .. } => {
                let name = crate::safe_text::visible(name);
                let text = msg::NAME_LEAVES_THE_VENDOR_LIST.fill(lang, &[("name", &name)]);
                lines.extend(wrapped(&text, width, "", Style::new()));
                msg::ARCHIVE_NAME.fill(lang, &[("name", &name)])
            }
            Confirm::SignOff { decision, cautions } => {
                for caution in cautions {
                    lines.extend(wrapped(&format!("! {}", caution.describe(lang)), width, "", th.knockout));
                }
                let word = match decision {
                    Decision::Approve => msg::DECIDE_APPROVE,
                    Decision::Reject => msg::DECIDE_REJECT,
                    Decision::NeedsInfo => msg::DECIDE_NEEDS_INFO,
                };
                msg::ALL_THE_SAME.fill(lang, &[("word", &word.text(lang))])
            }
        };
        lines.push(Line::raw(""));
        lines.push(Line::styled(msg::Y_YES_DO_IT_N.text(lang), th.key));
        (title, lines)
    }
}

impl Widget for ConfirmBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = super::popup_inner_width(area);
        let (title, lines) = self.lines(width);
        super::popup(area, buf, &title, &lines, self.theme);
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
