//! The confirmation box: what is about to happen and why it needs a
//! second thought, then `y` / `n`.

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
use crate::ui::tr;

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
                tr(lang, "Take over as interviewer?", "接手访谈？").to_string()
            }
            Confirm::Reassess { path, vendor, from, on } => {
                let slug = crate::storage::vendor::slug_of(path);
                let name = crate::ui::text::safe(vendor);
                let kept = format!("vendors/history/{}/{from}.toml", crate::ui::text::safe(&slug));
                let text = match lang {
                    Lang::En => format!(
                        "{name}: the cycle assessed on {from} is kept as {kept}. The new cycle, assessed on {on}, carries every answer over, marked to confirm; closed follow-ups are dropped, open ones kept."
                    ),
                    Lang::Zh => format!(
                        "{name}：{from} 的评估保存为 {kept}。{on} 开始的新一轮评估沿用全部答案并标为待确认；已关闭的补充材料请求删除，未关闭的保留。"
                    ),
                };
                lines.extend(wrapped(&text, width, "", Style::new()));
                match lang {
                    Lang::En => format!("Start a new assessment cycle on {on}?"),
                    Lang::Zh => format!("开始 {on} 的新一轮评估？"),
                }
            }
            Confirm::Archive { name, .. } => {
                let name = crate::safe_text::visible(name);
                let text = match lang {
                    Lang::En => format!(
                        "“{name}” leaves the vendor list, rankings, comparison, due list and reports; its reviews, evidence and history stay. A on the vendor list brings it back."
                    ),
                    Lang::Zh => format!(
                        "“{name}”将移出服务商列表、排名、对比、到期清单和报告；其评审、证据和历史保留。在服务商列表按 A 可恢复。"
                    ),
                };
                lines.extend(wrapped(&text, width, "", Style::new()));
                match lang {
                    Lang::En => format!("Archive {name}?"),
                    Lang::Zh => format!("归档 {name}？"),
                }
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
        lines.push(Line::styled(tr(lang, "y yes, do it · n or Esc: no", "y 是，执行 · n 或 Esc：否"), th.key));
        (title, lines)
    }
}

impl Widget for ConfirmBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = 64.min(area.width).saturating_sub(2);
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
