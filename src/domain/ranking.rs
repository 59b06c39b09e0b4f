//! Ranking vendors: qualified before disqualified, then by score (highest
//! first, no score last), then by name so the order is stable.

use std::cmp::Ordering;

use super::scoring::ScoreReport;

/// Orders two (report, vendor name) pairs for a ranking.
pub fn by_rank(a: (&ScoreReport, &str), b: (&ScoreReport, &str)) -> Ordering {
    let (ra, rb) = (a.0, b.0);
    ra.disqualified()
        .cmp(&rb.disqualified())
        .then_with(|| match (ra.score, rb.score) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
        .then_with(|| a.1.cmp(b.1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::KnockoutHit;

    fn report(score: Option<f64>, knocked: bool) -> ScoreReport {
        ScoreReport {
            score,
            knockouts: if knocked { vec![KnockoutHit { key: "a.b".into(), reason: None }] } else { vec![] },
            ..ScoreReport::default()
        }
    }

    #[test]
    fn disqualified_rank_below_every_qualified_vendor() {
        let mut vendors = [
            ("dq-high", report(Some(99.0), true)),
            ("low", report(Some(10.0), false)),
            ("none", report(None, false)),
            ("high", report(Some(90.0), false)),
            ("dq-low", report(Some(5.0), true)),
            ("tie-b", report(Some(50.0), false)),
            ("tie-a", report(Some(50.0), false)),
        ];
        vendors.sort_by(|a, b| by_rank((&a.1, a.0), (&b.1, b.0)));
        let names: Vec<&str> = vendors.iter().map(|v| v.0).collect();
        assert_eq!(names, ["high", "tie-a", "tie-b", "low", "none", "dq-high", "dq-low"]);
    }
}
