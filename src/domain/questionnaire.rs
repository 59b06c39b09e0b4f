//! The questionnaire model: sections of weighted questions of seven kinds.
//!
//! A `Questionnaire` is built by the storage layer from a TOML file and then
//! checked by [`crate::domain::validate`]; scoring assumes it was checked but
//! never panics on one that was not.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::Span;
use super::answers::{Answer, Answers};
use super::conditions::Condition;
use super::text::LText;

// Serialize and Deserialize: the default questionnaire is stored in the
// binary already parsed (see `storage::questionnaire::embedded`).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Questionnaire {
    pub id: String,
    pub version: i64,
    pub title: LText,
    /// Rating bands, highest first: the first whose `min` ≤ score applies.
    pub bands: Vec<Band>,
    pub sections: Vec<Section>,
    /// Months after `assessed_on` a vendor is due for re-assessment (§11);
    /// `None`: the default, 12. Not baked: the embedded questionnaire
    /// leaves it at the default, so its baked form stays as it was.
    #[serde(skip)]
    pub reassess_months: Option<i64>,
    /// `section.question` key to (section index, question index).
    #[serde(skip)]
    index: HashMap<String, (usize, usize)>,
    /// Where each section's questions start in questionnaire order.
    #[serde(skip)]
    offsets: Vec<usize>,
    /// Keys of the questions some `show_if` depends on.
    #[serde(skip)]
    controllers: std::collections::HashSet<String>,
    /// `renamed_from` keys to the position of the question that took them.
    #[serde(skip)]
    renamed: HashMap<String, (usize, usize)>,
    /// Per question in questionnaire order, where the controllers of its
    /// section's `show_if` and of its own stand (`None`: no condition, or
    /// one naming no question); empty when there are no conditions.
    #[serde(skip)]
    depends_on: Vec<[Option<usize>; 2]>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Band {
    pub min: f64,
    pub label: LText,
    /// A stable key for scripts (`id = "recommended"`); the band's index
    /// stands in where there is none.
    pub id: Option<String>,
    pub span: Span,
}

impl Band {
    /// The band's stable key: its `id`, else its index among the bands.
    pub fn key(&self, index: usize) -> String {
        self.id.clone().unwrap_or_else(|| index.to_string())
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub weight: f64,
    pub title: LText,
    pub questions: Vec<Question>,
    pub span: Span,
    /// Shown only when this condition is met (§10).
    pub show_if: Option<Condition>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    /// `section.question`: the key of this question's answer in a vendor file.
    pub key: String,
    pub kind: Kind,
    pub weight: f64,
    pub text: LText,
    /// What evidence to ask the vendor for.
    pub help: Option<LText>,
    /// The sub-area of its section (e.g. "Telecom licence"), for grouping.
    pub area: Option<LText>,
    pub allow_na: bool,
    pub span: Span,
    /// Shown only when this condition is met (§10).
    pub show_if: Option<Condition>,
    /// The `section.question` key this question's answers were stored
    /// under before a rename, with the span of the field.
    pub renamed_from: Option<(String, Span)>,
}

/// A red line: an answer that disqualifies the vendor, and why.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Knockout {
    pub reason: Option<LText>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Kind {
    /// `good` is the answer that scores 1; the other one scores 0 and, with
    /// `knockout`, disqualifies.
    YesNo {
        good: bool,
        knockout: Option<Knockout>,
    },
    Choice {
        options: Vec<ChoiceOption>,
    },
    Multi {
        options: Vec<ChoiceOption>,
    },
    Rating {
        max: u32,
    },
    Number {
        thresholds: Vec<Threshold>,
        unit: Option<LText>,
    },
    /// Thresholds in whole months from the assessment date; a date before
    /// it has expired, scores 0 and, with `knockout`, disqualifies.
    Date {
        thresholds: Vec<Threshold>,
        knockout: Option<Knockout>,
    },
    Text,
}

impl Kind {
    pub fn name(&self) -> &'static str {
        match self {
            Kind::YesNo { .. } => "yesno",
            Kind::Choice { .. } => "choice",
            Kind::Multi { .. } => "multi",
            Kind::Rating { .. } => "rating",
            Kind::Number { .. } => "number",
            Kind::Date { .. } => "date",
            Kind::Text => "text",
        }
    }

    /// Every kind but `text` contributes to the score.
    pub fn is_scored(&self) -> bool {
        !matches!(self, Kind::Text)
    }

    pub fn options(&self) -> &[ChoiceOption] {
        match self {
            Kind::Choice { options } | Kind::Multi { options } => options,
            _ => &[],
        }
    }
}

/// How far below a band's `min` a score may be and still reach it: far
/// below any difference a person could mean, far above rounding error.
pub const BAND_TOLERANCE: f64 = 1e-9;

pub const KIND_NAMES: [&str; 7] = ["yesno", "choice", "multi", "rating", "number", "date", "text"];

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub id: String,
    pub label: LText,
    pub score: f64,
    pub knockout: Option<Knockout>,
    pub span: Span,
    /// "None of these": chosen alone or not at all (`multi` only).
    pub exclusive: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Threshold {
    pub min: f64,
    pub score: f64,
    pub span: Span,
}

/// The score of the threshold with the largest `min` ≤ `value`, else 0.
pub fn threshold_score(thresholds: &[Threshold], value: f64) -> f64 {
    thresholds.iter().filter(|t| t.min <= value).max_by(|a, b| a.min.total_cmp(&b.min)).map_or(0.0, |t| t.score)
}

impl Questionnaire {
    pub fn new(id: String, version: i64, title: LText, bands: Vec<Band>, sections: Vec<Section>) -> Questionnaire {
        let mut index = HashMap::new();
        let mut offsets = Vec::with_capacity(sections.len());
        let mut controllers = std::collections::HashSet::new();
        let mut renamed = HashMap::new();
        let mut count = 0;
        for (si, section) in sections.iter().enumerate() {
            offsets.push(count);
            count += section.questions.len();
            controllers.extend(section.show_if.iter().map(|c| c.question.clone()));
            for (qi, question) in section.questions.iter().enumerate() {
                index.entry(question.key.clone()).or_insert((si, qi));
                controllers.extend(question.show_if.iter().map(|c| c.question.clone()));
                if let Some((old, _)) = &question.renamed_from {
                    renamed.entry(old.clone()).or_insert((si, qi));
                }
            }
        }
        offsets.push(count);
        let mut depends_on = Vec::new();
        if !controllers.is_empty() {
            let at = |c: &Option<Condition>| {
                let (s, q) = index.get(&c.as_ref()?.question).copied()?;
                Some(offsets[s] + q)
            };
            for section in &sections {
                let of_section = at(&section.show_if);
                depends_on.extend(section.questions.iter().map(|q| [of_section, at(&q.show_if)]));
            }
        }
        Questionnaire {
            id,
            version,
            title,
            bands,
            sections,
            reassess_months: None,
            index,
            offsets,
            controllers,
            renamed,
            depends_on,
        }
    }

    /// Whether `key` is a date question (a licence's or certificate's end):
    /// its answer can fall due.
    pub fn is_date_question(&self, key: &str) -> bool {
        self.question(key).is_some_and(|x| matches!(x.kind, Kind::Date { .. }))
    }

    /// `reassess_months`, or its default.
    pub fn reassess_months(&self) -> i64 {
        self.reassess_months.unwrap_or(super::followup::DEFAULT_REASSESS_MONTHS)
    }

    /// Where the controllers of the question at `at` (in questionnaire
    /// order) stand: its section's, its own.
    pub fn depends_on(&self, at: usize) -> [Option<usize>; 2] {
        self.depends_on.get(at).copied().unwrap_or_default()
    }

    /// The number of questions, all sections together.
    pub fn question_count(&self) -> usize {
        self.offsets.last().copied().unwrap_or(0)
    }

    /// A question's place in questionnaire order, from its position.
    pub fn flat_index(&self, (s, q): (usize, usize)) -> usize {
        self.offsets.get(s).copied().unwrap_or(0) + q
    }

    /// The section and question at a place in questionnaire order.
    pub fn flat_position(&self, at: usize) -> Option<(&Section, &Question)> {
        let s = self.offsets.partition_point(|&o| o <= at).checked_sub(1)?;
        let section = self.sections.get(s)?;
        Some((section, section.questions.get(at - self.offsets[s])?))
    }

    /// True when any question or section has a `show_if`.
    pub fn has_conditions(&self) -> bool {
        !self.controllers.is_empty()
    }

    /// True when some `show_if` depends on the question with this key.
    pub fn controls(&self, key: &str) -> bool {
        self.controllers.contains(key)
    }

    /// The answer to `question`: under its key, else under the key it was
    /// renamed from (read as its own until the next save moves it).
    pub fn answer<'a>(&self, answers: &'a Answers, question: &Question) -> Option<&'a Answer> {
        answers.get(&question.key).or_else(|| question.renamed_from.as_ref().and_then(|(old, _)| answers.get(old)))
    }

    /// The answer under `key`, read through a rename as [`Self::answer`].
    pub fn answer_to<'a>(&self, answers: &'a Answers, key: &str) -> Option<&'a Answer> {
        match self.question(key) {
            Some(question) => self.answer(answers, question),
            None => answers.get(key),
        }
    }

    /// The question that now holds answers stored under the old key
    /// `old`, when that key was renamed and not yet moved.
    pub fn renamed_to(&self, old: &str) -> Option<&Question> {
        let &(s, q) = self.renamed.get(old)?;
        Some(&self.sections[s].questions[q])
    }

    /// Moves answers stored under a renamed key to the question's own key
    /// (when that holds none yet), as the next save writes them; returns
    /// how many moved.
    pub fn adopt_renamed(&self, answers: &mut Answers) -> usize {
        if self.renamed.is_empty() {
            return 0;
        }
        let moves: Vec<(String, String)> = answers
            .keys()
            .filter_map(|k| {
                self.renamed_to(k).filter(|q| !answers.contains_key(&q.key)).map(|q| (k.clone(), q.key.clone()))
            })
            .collect();
        for (old, new) in &moves {
            if let Some(a) = answers.remove(old) {
                answers.insert(new.clone(), a);
            }
        }
        moves.len()
    }

    /// Whether an answer key names no question, old or new: an orphan. An
    /// answer under a renamed key is not one, unless the new key holds an
    /// answer too.
    pub fn is_orphan(&self, answers: &Answers, key: &str) -> bool {
        self.position(key).is_none() && self.renamed_to(key).is_none_or(|q| answers.contains_key(&q.key))
    }

    /// Finds a question by its `section.question` key.
    pub fn position(&self, key: &str) -> Option<(usize, usize)> {
        self.index.get(key).copied()
    }

    pub fn question(&self, key: &str) -> Option<&Question> {
        let (s, q) = self.position(key)?;
        Some(&self.sections[s].questions[q])
    }

    /// All questions in questionnaire order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// The rank of a key in questionnaire order; unknown keys sort last.
    pub fn order_of(&self, key: &str) -> usize {
        self.position(key)
            .map_or(usize::MAX, |(s, q)| self.sections[..s].iter().map(|s| s.questions.len()).sum::<usize>() + q)
    }

    /// The index of the first band whose `min` ≤ `score`. A score a hair
    /// below a boundary by floating-point rounding (84.99999999999999 for
    /// an exact 85) counts as reaching it, as it would on paper.
    pub fn band_index(&self, score: f64) -> Option<usize> {
        self.bands.iter().position(|b| b.min <= score + BAND_TOLERANCE)
    }

    /// Every band a final score in [`min`, `max`] may still land in, in
    /// questionnaire order (highest first); empty when nothing scores.
    pub fn bands_possible(&self, min: Option<f64>, max: Option<f64>) -> Vec<usize> {
        let (Some(lo), Some(hi)) = (min, max) else { return Vec::new() };
        let Some(top) = self.band_index(hi) else { return Vec::new() };
        let bottom = self.band_index(lo).unwrap_or(self.bands.len().saturating_sub(1));
        (top..=bottom.max(top)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(min: f64, score: f64) -> Threshold {
        Threshold { min, score, span: 0..0 }
    }

    fn bands() -> Questionnaire {
        let band = |min: f64, en: &str| Band { min, label: LText::same(en), id: None, span: 0..0 };
        Questionnaire::new(
            "q".into(),
            1,
            LText::same("Q"),
            vec![band(85.0, "Recommended"), band(70.0, "Acceptable"), band(50.0, "Conditional"), band(0.0, "No")],
            vec![],
        )
    }

    #[test]
    fn bands_possible_from_the_range_by_hand() {
        let q = bands();
        // finished: one band
        assert_eq!(q.bands_possible(Some(74.8), Some(74.8)), vec![1]);
        // 60-90: recommended, acceptable, conditional
        assert_eq!(q.bands_possible(Some(60.0), Some(90.0)), vec![0, 1, 2]);
        // nothing answered: 0-100, every band
        assert_eq!(q.bands_possible(Some(0.0), Some(100.0)), vec![0, 1, 2, 3]);
        // exactly on a boundary: 85 is recommended, 84.99999999999999 too
        assert_eq!(q.bands_possible(Some(85.0), Some(100.0)), vec![0]);
        assert_eq!(q.bands_possible(Some(84.999_999_999_999_99), Some(86.0)), vec![0]);
        assert_eq!(q.bands_possible(Some(84.9), Some(86.0)), vec![0, 1]);
        // nothing scores
        assert_eq!(q.bands_possible(None, None), Vec::<usize>::new());
    }

    #[test]
    fn bands_possible_below_the_lowest_band_stops_at_it() {
        let band = |min: f64| Band { min, label: LText::same("b"), id: None, span: 0..0 };
        let q = Questionnaire::new("q".into(), 1, LText::same("Q"), vec![band(80.0), band(40.0)], vec![]);
        assert_eq!(q.bands_possible(Some(10.0), Some(90.0)), vec![0, 1]);
        assert_eq!(q.bands_possible(Some(10.0), Some(30.0)), Vec::<usize>::new());
    }

    #[test]
    fn threshold_picks_largest_min_not_above_value() {
        let ts = [t(1000.0, 1.0), t(500.0, 0.5), t(0.0, 0.1)];
        assert_eq!(threshold_score(&ts, 1000.0), 1.0);
        assert_eq!(threshold_score(&ts, 999.9), 0.5);
        assert_eq!(threshold_score(&ts, 0.0), 0.1);
        assert_eq!(threshold_score(&ts, -1.0), 0.0);
        // order in the file does not matter
        let rev = [t(0.0, 0.1), t(500.0, 0.5), t(1000.0, 1.0)];
        assert_eq!(threshold_score(&rev, 750.0), 0.5);
    }
}
