//! How a number or date question scores, in one line a person reads
//! before answering, as choice options show their percentage:
//! `≥ 1000 → 100% · ≥ 500 → 60% · else 0%` where more is better,
//! `< 31 → 100% · < 61 → 60% · else 0%` where less is better (read left
//! to right, the first clause that holds gives the score).

use super::questionnaire::{Kind, Threshold, threshold_score};
use super::text::Lang;
use crate::i18n::domain as msg;

/// A number as a questionnaire writes it: `1000`, `2.01`.
fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 { format!("{}", x as i64) } else { format!("{x}") }
}

fn percent(score: f64) -> String {
    format!("{:.0}%", score * 100.0)
}

/// Runs of values with one score, lowest first: (lower bound, score); the
/// first run has no lower bound.
fn runs(thresholds: &[Threshold]) -> Vec<(Option<f64>, f64)> {
    let mut mins: Vec<f64> = thresholds.iter().map(|t| t.min).filter(|m| m.is_finite()).collect();
    mins.sort_by(f64::total_cmp);
    mins.dedup();
    let mut out: Vec<(Option<f64>, f64)> = vec![(None, 0.0)];
    for m in mins {
        let s = threshold_score(thresholds, m);
        if out.last().is_some_and(|&(_, last)| last == s) {
            continue;
        }
        out.push((Some(m), s));
    }
    out
}

/// The if-else chain of `runs`, in the direction a person reads it, one
/// clause an item. `otherwise` names what no clause before it holds
/// ("else").
fn clauses(runs: &[(Option<f64>, f64)], otherwise: &str) -> Vec<String> {
    let mut clauses = Vec::new();
    let rising = runs.windows(2).all(|w| w[0].1 <= w[1].1);
    if rising {
        // More is better: from the top down, "≥ min".
        for &(min, s) in runs.iter().rev() {
            match min {
                Some(m) => clauses.push(format!("≥ {} → {}", number(m), percent(s))),
                None => clauses.push(format!("{otherwise} → {}", percent(s))),
            }
        }
    } else {
        // Less is better (or mixed): from the bottom up, "< the next min".
        // Below a lowest `min` of 0 is left out: a duration or a count is
        // never negative, and "< 0 → 0%" would lead every line.
        let skip = usize::from(runs.get(1).is_some_and(|&(m, _)| m == Some(0.0)));
        for (i, &(_, s)) in runs.iter().enumerate().skip(skip) {
            match runs.get(i + 1).and_then(|r| r.0) {
                Some(next) => clauses.push(format!("< {} → {}", number(next), percent(s))),
                None => clauses.push(format!("{otherwise} → {}", percent(s))),
            }
        }
    }
    clauses
}

#[cfg(test)]
fn chain(runs: &[(Option<f64>, f64)], otherwise: &str) -> String {
    clauses(runs, otherwise).join(" · ")
}

/// The thresholds of a number or date question in words, led by what
/// they count (the unit, or months left); `None` for other kinds and for
/// a question without thresholds.
pub fn thresholds_text(kind: &Kind, lang: Lang) -> Option<String> {
    thresholds_clauses(kind, lang).map(|(lead, clauses)| format!("{lead}{}", clauses.join(" · ")))
}

/// [`thresholds_text`] as its lead and its clauses, for a screen that
/// wraps between clauses rather than inside one.
pub fn thresholds_clauses(kind: &Kind, lang: Lang) -> Option<(String, Vec<String>)> {
    let otherwise = msg::ELSE.text(lang);
    match kind {
        Kind::Number { thresholds, unit } if !thresholds.is_empty() => {
            let lead = match unit {
                Some(u) => msg::SCORES_IN_UNIT.fill(lang, &[("unit", &u.get(lang))]),
                None => msg::SCORES_LEAD.text(lang).to_string(),
            };
            Some((lead, clauses(&runs(thresholds), otherwise)))
        }
        Kind::Date { thresholds, knockout } if !thresholds.is_empty() => {
            let lead = msg::SCORES_BY_WHOLE_MONTHS_LEFT.text(lang);
            let expired = msg::EXPIRED.text(lang);
            let red_line = if knockout.is_some() { msg::RED_LINE_AFTER.text(lang) } else { "" };
            // Below 0 months is expired: it scores 0 whatever the thresholds.
            let from_zero = thresholds.iter().map(|t| t.min).fold(f64::INFINITY, f64::min) == 0.0;
            let mut items = clauses(&runs(thresholds), if from_zero { expired } else { otherwise });
            if from_zero {
                if let Some(last) = items.last_mut() {
                    last.push_str(red_line);
                }
            } else if !red_line.is_empty() {
                items.push(format!("{expired}{red_line}"));
            }
            Some((lead.to_string(), items))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::LText;

    fn t(min: f64, score: f64) -> Threshold {
        Threshold { min, score, span: 0..0 }
    }

    fn number_kind(ts: Vec<Threshold>, unit: Option<LText>) -> Kind {
        Kind::Number { thresholds: ts, unit }
    }

    #[test]
    fn more_is_better_reads_from_the_top() {
        let capital = number_kind(
            vec![t(1000.0, 1.0), t(500.0, 0.6), t(100.0, 0.3), t(0.0, 0.0)],
            Some(LText::new("万元", "10k CNY")),
        );
        assert_eq!(
            thresholds_text(&capital, Lang::En).unwrap(),
            "Scores (10k CNY): ≥ 1000 → 100% · ≥ 500 → 60% · ≥ 100 → 30% · else → 0%"
        );
        assert_eq!(
            thresholds_text(&capital, Lang::Zh).unwrap(),
            "计分（万元）：≥ 1000 → 100% · ≥ 500 → 60% · ≥ 100 → 30% · 其余 → 0%"
        );
        let uptime = number_kind(vec![t(99.9, 1.0), t(99.5, 0.7)], None);
        assert_eq!(thresholds_text(&uptime, Lang::En).unwrap(), "Scores: ≥ 99.9 → 100% · ≥ 99.5 → 70% · else → 0%");
    }

    #[test]
    fn less_is_better_reads_from_the_bottom() {
        let minutes = number_kind(
            vec![t(0.0, 1.0), t(31.0, 0.6), t(61.0, 0.3), t(241.0, 0.0)],
            Some(LText::new("分钟", "minutes")),
        );
        assert_eq!(
            thresholds_text(&minutes, Lang::En).unwrap(),
            "Scores (minutes): < 31 → 100% · < 61 → 60% · < 241 → 30% · else → 0%"
        );
        let hours = number_kind(vec![t(0.0, 1.0), t(2.01, 0.6)], None);
        assert_eq!(thresholds_text(&hours, Lang::Zh).unwrap(), "计分：< 2.01 → 100% · 其余 → 60%");
        // A lowest min above 0: what lies below it is said.
        let mixed = number_kind(vec![t(10.0, 1.0), t(20.0, 0.5)], None);
        assert_eq!(thresholds_text(&mixed, Lang::En).unwrap(), "Scores: < 10 → 0% · < 20 → 100% · else → 50%");
    }

    #[test]
    fn every_clause_agrees_with_the_score() {
        // Read the chain as a person would and compare with the scorer.
        let cases = [
            vec![t(1000.0, 1.0), t(500.0, 0.6), t(100.0, 0.3), t(0.0, 0.0)],
            vec![t(0.0, 1.0), t(31.0, 0.6), t(61.0, 0.3), t(241.0, 0.0)],
            vec![t(10.0, 1.0), t(20.0, 0.5), t(30.0, 0.8)],
            vec![t(-5.0, 0.2), t(5.0, 0.2), t(7.5, 1.0)],
        ];
        for ts in cases {
            let text = chain(&runs(&ts), "else");
            for x in [-10.0, -5.0, 0.0, 4.9, 5.0, 7.5, 10.0, 19.9, 20.0, 30.0, 31.0, 60.5, 100.0, 499.0, 1000.0, 5000.0]
            {
                let said = text.split(" · ").find_map(|clause| {
                    let (cond, s) = clause.split_once(" → ").unwrap_or((clause, ""));
                    let pct = |p: &str| p.trim_end_matches('%').parse::<f64>().unwrap() / 100.0;
                    if let Some(m) = cond.strip_prefix("≥ ") {
                        (x >= m.parse::<f64>().unwrap()).then(|| pct(s))
                    } else if let Some(m) = cond.strip_prefix("< ") {
                        (x < m.parse::<f64>().unwrap()).then(|| pct(s))
                    } else {
                        Some(pct(s))
                    }
                });
                let scored = threshold_score(&ts, x);
                // Below a lowest min of 0 is left unsaid (never negative).
                if x < 0.0 && text.starts_with("< ") && !text.starts_with("< 0") && ts.iter().any(|t| t.min == 0.0) {
                    continue;
                }
                assert!((said.unwrap() - scored).abs() < 0.005, "{text}: {x} scores {scored}, said {said:?}");
            }
        }
    }

    #[test]
    fn dates_count_months_left_and_say_expired() {
        let expiry =
            Kind::Date { thresholds: vec![t(12.0, 1.0), t(6.0, 0.7), t(0.0, 0.3)], knockout: Some(Default::default()) };
        assert_eq!(
            thresholds_text(&expiry, Lang::En).unwrap(),
            "Scores by whole months left: ≥ 12 → 100% · ≥ 6 → 70% · ≥ 0 → 30% · expired → 0% ✗ red line"
        );
        let later = Kind::Date { thresholds: vec![t(3.0, 1.0)], knockout: Some(Default::default()) };
        assert_eq!(
            thresholds_text(&later, Lang::Zh).unwrap(),
            "按剩余整月数计分：≥ 3 → 100% · 其余 → 0% · 已过期 ✗ 红线"
        );
        assert!(thresholds_text(&Kind::Text, Lang::En).is_none());
        assert!(thresholds_text(&number_kind(vec![], None), Lang::En).is_none());
    }
}
