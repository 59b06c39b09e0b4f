//! Everything the app knows between two key presses. Drawing reads it;
//! only `update` (and `run`, for the results of I/O) changes it.

use std::sync::Arc;

use crate::app::action::PendingEdit;
use crate::app::editor::TextBuffer;
use crate::domain::answers::{Answer, Answers};
use crate::domain::questionnaire::{Question, Questionnaire};
use crate::domain::scoring::{Outcome, ScoreReport, score};
use crate::domain::text::Lang;
use crate::storage::lock::Holder;
use crate::storage::review::{Review, SignOffState, signoff_states};
use crate::storage::vendor::VendorFile;

// What is drawn over a screen: prompts, confirmations, lists.
#[path = "overlay.rs"]
mod overlay;
pub use overlay::{Confirm, Overlay};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Vendors,
    Interview,
    Compare,
    /// Every reviewer's comments beside the answers, and the sign-offs.
    Review,
}

pub use super::vendor_rows::{VendorList, VendorRow};

/// What a text editor in the interview is editing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditTarget {
    Value,
    Note,
}

#[derive(Clone, Debug)]
pub struct Editor {
    pub target: EditTarget,
    pub buffer: TextBuffer,
    /// Why the text is not (yet) a valid answer, shown as one types.
    pub error: Option<String>,
    /// The answer when the editor opened: if it changes on disk meanwhile,
    /// what was typed must not silently replace the other person's change.
    pub base: Option<crate::domain::answers::Answer>,
}

#[derive(Clone, Debug)]
pub struct Interview {
    /// The vendor as on disk.
    pub vendor: VendorFile,
    /// What the screen shows: the file's answers with pending edits applied.
    pub answers: Answers,
    /// Edits not yet confirmed on disk, oldest first.
    pub pending: Vec<PendingEdit>,
    /// How many of the first `pending` edits are being saved right now (in
    /// the background): they are no longer added to.
    pub saving: usize,
    /// The last save failed: what is pending is unsaved, not just on its
    /// way to disk.
    pub save_failed: bool,
    pub report: ScoreReport,
    pub section: usize,
    /// Index within the section.
    pub question: usize,
    /// Highlighted option of a choice or multi question.
    pub option: usize,
    pub list_offset: usize,
    /// Questions hidden by `show_if` are listed (greyed) and can be
    /// visited, for review; otherwise they are passed over.
    pub show_hidden: bool,
    pub editor: Option<Editor>,
    /// On narrow terminals the side panel shows the score instead of the
    /// question list.
    pub show_score: bool,
    /// Rows the question panel is scrolled down by (PgUp/PgDn).
    pub scroll: u16,
    /// Esc was pressed while edits were still being saved: leave once
    /// they are on disk.
    pub leave_after_save: bool,
    /// Someone else is interviewing: this session follows, read-only.
    pub read_only: Option<Holder>,
    /// The writer this session follows has left; it may take over.
    pub writer_left: bool,
    /// The file on disk changed and does not read: why (the last good
    /// version stays on screen).
    pub disk_error: Option<String>,
    /// Every reviewer's file for this vendor.
    pub reviews: Vec<Review>,
    /// Review files that do not read: said, not silently left out.
    pub review_errors: Vec<String>,
    /// Their sign-offs, stale or current against the file now.
    pub signoffs: Vec<SignOffState>,
    /// Rows the review screen is scrolled down by.
    pub review_scroll: u16,
    /// When the vendor file last changed on disk (Unix seconds): how long
    /// the writer a read-only view follows has been idle.
    pub last_change: Option<i64>,
    /// This session's changes, for undo (`z`) and redo (`Z`).
    pub history: super::undo::History,
    /// Evidence digests checked (in the background), by file and sha256.
    pub checks: super::followups::Checks,
}

impl Interview {
    /// How many edits are not on disk because saving them failed; edits
    /// on their way to disk are not "unsaved".
    pub fn unsaved(&self) -> Option<usize> {
        (self.save_failed && !self.pending.is_empty()).then_some(self.pending.len())
    }

    pub fn new(q: &Questionnaire, vendor: VendorFile) -> Interview {
        let mut answers = vendor.answers.clone();
        q.adopt_renamed(&mut answers);
        let report = score(q, &answers, vendor.meta.assessed_on);
        Interview {
            vendor,
            answers,
            pending: Vec::new(),
            saving: 0,
            save_failed: false,
            report,
            section: 0,
            question: 0,
            option: 0,
            list_offset: 0,
            show_hidden: false,
            editor: None,
            show_score: false,
            scroll: 0,
            leave_after_save: false,
            read_only: None,
            writer_left: false,
            disk_error: None,
            reviews: Vec::new(),
            review_errors: Vec::new(),
            signoffs: Vec::new(),
            review_scroll: 0,
            last_change: None,
            history: Default::default(),
            checks: Default::default(),
        }
    }

    pub fn current<'q>(&self, q: &'q Questionnaire) -> Option<&'q Question> {
        q.sections.get(self.section)?.questions.get(self.question)
    }

    pub fn answer(&self, key: &str) -> Option<&Answer> {
        self.answers.get(key)
    }

    /// Re-scores what the screen shows.
    pub fn rescore(&mut self, q: &Questionnaire) {
        self.report = score(q, &self.answers, self.vendor.meta.assessed_on);
        self.keep_cursor_shown(q);
    }

    /// Whether question `i` of section `s` is in the list: always, unless
    /// its `show_if` hides it and hidden questions are not shown.
    pub fn shown(&self, s: usize, i: usize) -> bool {
        self.show_hidden
            || self.report.hidden.is_empty()
            || !matches!(self.report.outcomes.get(s).and_then(|o| o.get(i)), Some(Outcome::Hidden))
    }

    /// How many questions of section `s` are in the list.
    pub fn shown_in(&self, q: &Questionnaire, s: usize) -> usize {
        let n = q.sections.get(s).map_or(0, |sec| sec.questions.len());
        if self.show_hidden || self.report.hidden.is_empty() { n } else { (0..n).filter(|&i| self.shown(s, i)).count() }
    }

    /// After answers changed what shows: a cursor on a question that is no
    /// longer in the list moves to the next one that is (else the one
    /// before).
    pub fn keep_cursor_shown(&mut self, q: &Questionnaire) {
        if self.shown(self.section, self.question) {
            return;
        }
        let flat: Vec<(usize, usize)> =
            q.sections.iter().enumerate().flat_map(|(s, sec)| (0..sec.questions.len()).map(move |i| (s, i))).collect();
        let here = flat.iter().position(|&p| p == (self.section, self.question)).unwrap_or(0);
        let next = flat[here..].iter().chain(flat[..here].iter().rev()).find(|&&(s, i)| self.shown(s, i));
        if let Some(&(s, i)) = next {
            (self.section, self.question) = (s, i);
        }
    }

    /// Re-scores after the answer to `key` alone changed (every answer in
    /// an interview): as fast at 4,000 questions as at 40.
    pub fn rescore_key(&mut self, q: &Questionnaire, key: &str) {
        crate::domain::scoring::rescore(q, &mut self.report, &self.answers, self.vendor.meta.assessed_on, key);
        self.keep_cursor_shown(q);
    }

    /// Replaces the reviews and works out which sign-offs are stale.
    pub fn set_reviews(&mut self, reviews: Vec<Review>) {
        self.reviews = reviews;
        self.refresh_signoffs();
    }

    /// After the vendor file changed: sign-offs may have gone stale.
    pub fn refresh_signoffs(&mut self) {
        self.signoffs = signoff_states(&self.reviews, self.vendor.text());
    }

    /// The row of the current question in the flattened list (a header row
    /// per section, then its questions).
    pub fn list_row(&self, q: &Questionnaire) -> usize {
        if self.show_hidden || self.report.hidden.is_empty() {
            return q.sections[..self.section.min(q.sections.len())]
                .iter()
                .map(|s| s.questions.len() + 1)
                .sum::<usize>()
                + 1
                + self.question;
        }
        (0..self.section.min(q.sections.len())).map(|s| self.shown_in(q, s) + 1).sum::<usize>()
            + 1
            + (0..self.question).filter(|&i| self.shown(self.section, i)).count()
    }

    /// Rows of the whole question list (a header per section, then the
    /// questions it lists).
    pub fn list_len(&self, q: &Questionnaire) -> usize {
        (0..q.sections.len()).map(|s| self.shown_in(q, s) + 1).sum()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusKind {
    #[default]
    Info,
    Saved,
    Error,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub kind: StatusKind,
}

#[derive(Clone, Debug)]
pub struct App {
    /// Shared with the thread that saves answers.
    pub questionnaire: Arc<Questionnaire>,
    pub lang: Lang,
    pub screen: Screen,
    pub vendors: VendorList,
    /// Vendors in ranking order (indexes into `vendors.rows`), for the
    /// comparison.
    pub ranking: Vec<usize>,
    pub compare_selected: usize,
    pub compare_offset: usize,
    pub interview: Option<Interview>,
    /// Where Esc goes from the interview: the screen the vendor was opened
    /// from.
    pub return_to: Screen,
    /// `q` was pressed once with answers not yet saved.
    pub quit_confirm: bool,
    /// A comment closed with Esc before it was saved: (its question, or
    /// `None` for the vendor; the text). Reopening the comment brings it back.
    pub comment_draft: Option<(Option<String>, String)>,
    /// The review screen was opened straight from a list: Esc goes back
    /// there, not to the interview.
    pub review_direct: bool,
    pub overlay: Option<Overlay>,
    pub status: Status,
    pub width: u16,
    pub height: u16,
    /// `NO_COLOR` is set: state is shown by marks and bold/reverse only.
    pub no_color: bool,
    /// ASCII mode (a terminal without UTF-8): the frame is drawn in ASCII.
    pub ascii: bool,
    pub quit: bool,
    /// The OS account this session acts as.
    pub me: String,
    /// The workspace lets a vendor's interviewer sign it off.
    pub self_signoff: bool,
    /// The time (Unix seconds) as of the last event, for "idle 14 min".
    pub now: i64,
    /// Today, as of the last event (`$CCVET_TODAY` when set): what is
    /// overdue or due, and the default dates of follow-ups and cycles.
    pub today: crate::domain::date::Date,
    /// The question each vendor was left on this session, by file: opened
    /// again, it is where the interview resumes.
    pub left_on: std::collections::HashMap<std::path::PathBuf, String>,
}

impl App {
    pub fn new(questionnaire: Questionnaire, lang: Lang, width: u16, height: u16) -> App {
        App {
            questionnaire: Arc::new(questionnaire),
            lang,
            screen: Screen::Vendors,
            vendors: VendorList::default(),
            ranking: Vec::new(),
            compare_selected: 0,
            compare_offset: 0,
            interview: None,
            return_to: Screen::Vendors,
            quit_confirm: false,
            comment_draft: None,
            review_direct: false,
            overlay: None,
            status: Status::default(),
            width,
            height,
            no_color: false,
            ascii: false,
            quit: false,
            me: String::new(),
            self_signoff: false,
            now: 0,
            today: crate::domain::date::Date::EPOCH,
            left_on: std::collections::HashMap::new(),
        }
    }

    /// Replaces the vendor list with freshly loaded rows, keeping the
    /// selection on the same file where it still exists.
    pub fn set_vendors(&mut self, mut rows: Vec<VendorRow>) {
        rows.sort_by(|a, b| a.path().cmp(b.path()));
        self.vendors.refilter_with(|list| list.rows = rows);
        self.rerank();
    }

    /// Rows loaded in the background, each at its index in `rows` when the
    /// load began (or wherever its path is now); not over rows re-read since.
    pub fn vendors_loaded(&mut self, mut loaded: Vec<(usize, VendorRow)>) {
        let refreshed = &self.vendors.refreshed;
        loaded.retain(|(_, row)| !refreshed.contains(row.path()));
        self.put_rows(loaded);
    }

    fn put_rows(&mut self, loaded: Vec<(usize, VendorRow)>) {
        let rows = &mut self.vendors.rows;
        for (index, row) in loaded {
            let at = match rows.get(index) {
                Some(r) if r.path() == row.path() => Some(index),
                _ => rows.binary_search_by(|r| r.path().cmp(row.path())).ok(),
            };
            if let Some(at) = at {
                rows[at] = row;
            }
        }
        if !self.vendors.filter.text().is_empty() {
            // Names came in: the filter matches names.
            self.vendors.refilter_with(|_| {});
        }
        self.rerank();
    }

    fn rerank(&mut self) {
        let mut ranked: Vec<usize> =
            (0..self.vendors.rows.len()).filter(|&i| matches!(self.vendors.rows[i], VendorRow::Ok { .. })).collect();
        ranked.sort_by(|&a, &b| match (&self.vendors.rows[a], &self.vendors.rows[b]) {
            (VendorRow::Ok { summary: x, .. }, VendorRow::Ok { summary: y, .. }) => {
                crate::domain::ranking::by_rank((&x.report, &x.meta.vendor), (&y.report, &y.meta.vendor))
            }
            _ => std::cmp::Ordering::Equal,
        });
        self.ranking = ranked;
        self.compare_selected = self.compare_selected.min(self.ranking.len().saturating_sub(1));
    }

    /// Replaces (or adds, or with `None` removes) the row of the vendor file
    /// at `path`, after it changed on disk.
    pub fn replace_row(&mut self, path: &std::path::Path, row: Option<VendorRow>) {
        if self.vendors.loading.is_some() {
            self.vendors.refreshed.insert(path.to_path_buf());
        }
        let rows = &mut self.vendors.rows;
        match (rows.binary_search_by(|r| r.path().cmp(path)), row) {
            (Ok(at), Some(row)) => self.put_rows(vec![(at, row)]),
            (Ok(at), None) => {
                let mut rows = std::mem::take(rows);
                rows.remove(at);
                self.set_vendors(rows);
            }
            (Err(at), Some(row)) => {
                let mut rows = std::mem::take(rows);
                rows.insert(at, row);
                self.set_vendors(rows);
            }
            (Err(_), None) => {}
        }
    }

    pub fn say(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.status = Status { text: text.into(), kind };
    }
}
