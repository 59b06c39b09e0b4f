//! Validation of the questionnaire v2 fields (product brief §10): what
//! `show_if` refers to (known, not itself, no cycle, a test that fits the
//! kind, options the question has) and `renamed_from` (one claim per old
//! key, never a live key).

use std::collections::HashMap;

use super::Span;
use super::conditions::{Condition, Test};
use super::questionnaire::{Kind, Questionnaire};
use super::validate::Problem;

pub fn check(q: &Questionnaire, out: &mut Vec<Problem>) {
    for section in &q.sections {
        if let Some(c) = &section.show_if {
            let what = format!("section `{}`", section.id);
            if q.position(&c.question).is_some_and(|(s, _)| q.sections[s].id == section.id) {
                out.push(Problem::error(
                    c.span.clone(),
                    format!("`show_if` of {what} refers to `{}`, a question of the section itself", c.question),
                ));
            } else {
                check_condition(q, c, &what, out);
            }
        }
        for question in &section.questions {
            if let Some(c) = &question.show_if {
                let what = format!("`{}`", question.key);
                if c.question == question.key {
                    out.push(Problem::error(
                        c.span.clone(),
                        format!("`show_if` of {what} refers to the question itself"),
                    ));
                } else {
                    check_condition(q, c, &what, out);
                }
            }
        }
    }
    check_cycles(q, out);
    check_renames(q, out);
}

fn check_condition(q: &Questionnaire, c: &Condition, what: &str, out: &mut Vec<Problem>) {
    let Some(controller) = q.question(&c.question) else {
        out.push(Problem::error(
            c.span.clone(),
            format!("`show_if` of {what} refers to `{}`, which is not a question of this questionnaire", c.question),
        ));
        return;
    };
    let kind = controller.kind.name();
    let fits = matches!(
        (&c.test, &controller.kind),
        (Test::Any(_), Kind::Choice { .. } | Kind::Multi { .. })
            | (Test::Is(_), Kind::YesNo { .. })
            | (Test::Range { .. }, Kind::Number { .. } | Kind::Rating { .. })
    );
    if !fits {
        let fit = match c.test {
            Test::Any(_) => "choice and multi questions",
            Test::Is(_) => "yesno questions",
            Test::Range { .. } => "number and rating questions",
        };
        out.push(Problem::error(
            c.span.clone(),
            format!(
                "`show_if` of {what} uses `{}` on `{}`, a {kind} question; `{}` fits {fit}",
                c.test.form(),
                c.question,
                c.test.form()
            ),
        ));
        return;
    }
    if let Test::Any(ids) = &c.test {
        for id in ids {
            if !controller.kind.options().iter().any(|o| &o.id == id) {
                out.push(Problem::error(
                    c.span.clone(),
                    format!("`show_if` of {what} names option `{id}`, which `{}` does not have", c.question),
                ));
            }
        }
    }
}

/// Edges from a question to the questions its visibility depends on, with
/// the span of the condition (self references are reported apart).
fn edges(q: &Questionnaire, at: usize) -> Vec<(usize, Span)> {
    let Some((section, question)) = q.flat_position(at) else { return Vec::new() };
    [&section.show_if, &question.show_if]
        .into_iter()
        .flatten()
        .filter_map(|c| q.position(&c.question).map(|p| (q.flat_index(p), c.span.clone())))
        .filter(|(to, _)| *to != at)
        .collect()
}

/// A question on the depth-first path: its edges and the next to follow.
type Frame = (usize, Vec<(usize, Span)>, usize);

fn check_cycles(q: &Questionnaire, out: &mut Vec<Problem>) {
    if !q.has_conditions() {
        return;
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        White,
        Grey,
        Black,
    }
    let n = q.question_count();
    let mut colour = vec![Colour::White; n];
    let key = |i: usize| q.flat_position(i).map(|(_, qq)| qq.key.clone()).unwrap_or_default();
    for start in 0..n {
        if colour[start] != Colour::White {
            continue;
        }
        // (node, its edges, next edge to follow)
        let mut stack: Vec<Frame> = vec![(start, edges(q, start), 0)];
        colour[start] = Colour::Grey;
        while let Some((node, list, next)) = stack.last_mut() {
            let node = *node;
            let Some((to, span)) = list.get(*next).cloned() else {
                colour[node] = Colour::Black;
                stack.pop();
                continue;
            };
            *next += 1;
            match colour[to] {
                Colour::White => {
                    colour[to] = Colour::Grey;
                    stack.push((to, edges(q, to), 0));
                }
                Colour::Grey => {
                    let from = stack.iter().position(|(n, _, _)| *n == to).unwrap_or(0);
                    let mut path: Vec<String> = stack[from..].iter().map(|(n, _, _)| key(*n)).collect();
                    path.push(key(to));
                    out.push(Problem::error(span, format!("`show_if` conditions form a cycle: {}", path.join(" → "))));
                }
                Colour::Black => {}
            }
        }
    }
}

fn check_renames(q: &Questionnaire, out: &mut Vec<Problem>) {
    let mut claimed: HashMap<&str, &str> = HashMap::new();
    for question in q.questions() {
        let Some((old, span)) = &question.renamed_from else { continue };
        if q.position(old).is_some() {
            out.push(Problem::error(
                span.clone(),
                format!(
                    "`renamed_from` of `{}` names `{old}`, which is still the key of a question; \
                     answers cannot belong to both",
                    question.key
                ),
            ));
        } else if let Some(first) = claimed.insert(old, &question.key) {
            out.push(Problem::error(
                span.clone(),
                format!("`renamed_from` of `{}` names `{old}`, already claimed by `{first}`", question.key),
            ));
            claimed.insert(old, first);
        }
    }
}
