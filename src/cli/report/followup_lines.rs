//! The lines a report shows under a question for §11: the open follow-up,
//! each evidence entry, and "carried over, to confirm". Plain text; each
//! format escapes it its own way.

use crate::domain::answers::Answer;
use crate::domain::followup::{Source, Status};
use crate::domain::text::Lang;

use super::super::table::l;

pub(super) fn lines(answer: Option<&Answer>, lang: Lang) -> Vec<String> {
    let Some(a) = answer else { return Vec::new() };
    let (open, close, colon, comma) = match lang {
        Lang::Zh => ("（", "）", "：", "，"),
        Lang::En => (" (", ")", ": ", ", "),
    };
    let mut out = Vec::new();
    if a.carried {
        out.push(
            l(lang, "Carried over from the last assessment: to confirm", "沿用上一周期的答案：待确认").to_string(),
        );
    }
    if let Some(f) = a.followup.as_ref().filter(|f| f.status.is_open()) {
        let status = match f.status {
            Status::Requested => l(lang, "requested", "已请求"),
            _ => l(lang, "received, to review", "已收到，待核对"),
        };
        let due = f.due.map_or_else(String::new, |d| format!("{}{d}", l(lang, ", due ", "，截止 ")));
        out.push(format!("{}{open}{status}{due}{close}{colon}{}", l(lang, "Follow-up", "待补充材料"), f.ask));
    }
    for e in &a.evidence {
        let mut line = format!("{}{colon}{}", l(lang, "Evidence", "证明材料"), e.label());
        line.push_str(&format!("{open}{} {}", l(lang, "seen", "查验于"), e.seen_on));
        if let Some(x) = e.expires {
            line.push_str(&format!("{comma}{} {x}", l(lang, "expires", "有效期至")));
        }
        if let Source::File { sha256, .. } = &e.source {
            line.push_str(&format!("{comma}SHA-256 {}…", sha256.get(..12).unwrap_or(sha256)));
        }
        line.push_str(close);
        out.push(line);
    }
    out
}
