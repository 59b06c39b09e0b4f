//! Reading the questionnaire v2 fields (product brief §10): `show_if` on a
//! question or a section, and `renamed_from` on a question. What they refer
//! to is checked afterwards, in `domain::validate`.

use toml::de::DeValue;

use super::toml_read::{Fields, answer_value, type_phrase};
use crate::domain::answers::Value;
use crate::domain::conditions::{Condition, Test};
use crate::domain::validate::Problem;

/// A bare id names a question of the same section; `section.id` any.
fn full_key(id: &str, section_id: &str) -> String {
    if id.contains('.') { id.to_string() } else { format!("{section_id}.{id}") }
}

/// `show_if = { question = "…", any = […] | is = … | min = … / max = … }`.
pub fn show_if(f: &mut Fields<'_, '_>, section_id: &str, problems: &mut Vec<Problem>) -> Option<Condition> {
    let value = f.get("show_if")?;
    let span = value.span();
    let DeValue::Table(table) = value.get_ref() else {
        problems.push(Problem::error(
            span,
            format!(
                "`show_if` must be a table such as {{ question = \"basic.licence-scope\", any = [\"provincial\"] }}, not {}",
                type_phrase(value.get_ref())
            ),
        ));
        return None;
    };
    let mut c = Fields::new(table, span.clone(), "`show_if`");
    let question = c.req_str("question", problems);
    let any = c.get("any").map(|v| (v.get_ref(), v.span()));
    let is = c.bool("is", problems);
    let min = c.number("min", problems);
    let max = c.number("max", problems);
    c.finish(problems);
    let forms = usize::from(any.is_some()) + usize::from(is.is_some()) + usize::from(min.is_some() || max.is_some());
    if forms != 1 {
        let message = if forms == 0 {
            "`show_if` needs one test: `any = [option ids]`, `is = true|false`, or `min`/`max`"
        } else {
            "`show_if` takes one test only: `any`, `is`, or `min`/`max`"
        };
        problems.push(Problem::error(span, message));
        return None;
    }
    let test = if let Some((any, any_span)) = any {
        let ids: Option<Vec<String>> = match answer_value(any) {
            Value::List(items) => items
                .into_iter()
                .map(|v| match v {
                    Value::Str(s) => Some(s),
                    _ => None,
                })
                .collect(),
            _ => None,
        };
        match ids {
            Some(ids) if !ids.is_empty() => Test::Any(ids),
            _ => {
                problems.push(Problem::error(any_span, "`any` of `show_if` must be a non-empty array of option ids"));
                return None;
            }
        }
    } else if let Some(is) = is {
        Test::Is(is)
    } else {
        for (n, s) in min.iter().chain(max.iter()) {
            if !n.is_finite() {
                problems.push(Problem::error(s.clone(), "`min` and `max` of `show_if` must be finite numbers"));
                return None;
            }
        }
        if let (Some((lo, _)), Some((hi, hi_span))) = (&min, &max)
            && lo > hi
        {
            problems.push(Problem::error(
                hi_span.clone(),
                format!("`show_if` can never be met: `min` {lo} is above `max` {hi}"),
            ));
            return None;
        }
        Test::Range { min: min.map(|m| m.0), max: max.map(|m| m.0) }
    };
    let (question, _) = question?;
    Some(Condition { question: full_key(&question, section_id), test, span })
}

/// `renamed_from = "old-id"` (same section) or `"section.old-id"`.
pub fn renamed_from(
    f: &mut Fields<'_, '_>,
    section_id: &str,
    problems: &mut Vec<Problem>,
) -> Option<(String, crate::domain::Span)> {
    let (old, span) = f.str("renamed_from", problems)?;
    let valid = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let ok = match old.split_once('.') {
        Some((s, q)) => valid(s) && valid(q),
        None => valid(&old),
    };
    if !ok {
        problems
            .push(Problem::error(span, format!("`renamed_from` `{old}` must be a question id or `section.question`")));
        return None;
    }
    Some((full_key(&old, section_id), span))
}

/// `exclusive` on a question (it belongs on a multi question's option).
pub fn reject_exclusive(f: &mut Fields<'_, '_>, problems: &mut Vec<Problem>) {
    if let Some(v) = f.get("exclusive") {
        problems.push(Problem::error(
            v.span(),
            "`exclusive` goes on an option of a multi question (\"none of these\"), not on the question",
        ));
    }
}
