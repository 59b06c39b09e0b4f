//! Vendor summaries: what listing and ranking need of a vendor (its header
//! and score, not its answers), loaded on every core. Shared by the command
//! line and the app.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::domain::questionnaire::Questionnaire;
use crate::domain::ranking::by_rank;
use crate::domain::scoring::{ScoreReport, score};
use crate::domain::text::Lang;
use crate::storage::Error;
use crate::storage::lock::{self, Holder};
use crate::storage::review::{self, SignOffState};
use crate::storage::vendor::{Meta, VendorFile};

/// Much smaller than the file, so thousands of them stay cheap.
#[derive(Clone, Debug)]
pub struct Summary {
    pub path: PathBuf,
    pub meta: Meta,
    pub slug: String,
    pub warnings: Vec<String>,
    pub report: ScoreReport,
    /// When the file last changed, seconds since the Unix epoch.
    pub modified: Option<i64>,
    /// Every reviewer's sign-off, stale where the answers changed since.
    pub signoffs: Vec<SignOffState>,
    /// Comments by every reviewer.
    pub comments: usize,
    /// Who is interviewing (holds the writer lock) now.
    pub locked_by: Option<Holder>,
    /// Answers (and header fields) a git merge left in conflict.
    pub conflicts: Vec<ConflictState>,
    /// Everything dated that can fall due (re-assessment, date answers,
    /// evidence expiry, follow-ups), whatever today is: the vendor list
    /// filters them by today, as `ccvet due` does.
    pub deadlines: Vec<crate::domain::followup::DueItem>,
}

/// A conflict left by a git merge: ours (in force), theirs and the base.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictState {
    pub key: String,
    pub ours: Option<crate::domain::answers::Answer>,
    pub theirs: Option<crate::domain::answers::Answer>,
    pub base: Option<crate::domain::answers::Answer>,
}

impl ConflictState {
    /// Each recorded conflict of `vendor` with ours beside it.
    pub fn all_of(vendor: &VendorFile) -> Vec<ConflictState> {
        use crate::domain::answers::{Answer, Value};
        let header = |key: &str| -> Option<Value> {
            let m = &vendor.meta;
            match key {
                "vendor" => Some(Value::Str(m.vendor.clone())),
                "questionnaire" => m.questionnaire.clone().map(Value::Str),
                "questionnaire_version" => m.questionnaire_version.map(Value::Integer),
                "assessed_on" => m.assessed_on.map(Value::Date),
                "interviewer" => m.interviewer.clone().map(Value::Str),
                _ => None,
            }
        };
        vendor
            .conflicts
            .iter()
            .map(|c| ConflictState {
                key: c.key.clone(),
                ours: vendor
                    .answers
                    .get(&c.key)
                    .cloned()
                    .or_else(|| header(&c.key).map(|v| Answer { value: Some(v), ..Answer::default() })),
                theirs: c.theirs.clone(),
                base: c.base.clone(),
            })
            .collect()
    }
}

impl Summary {
    pub fn of(q: &Questionnaire, vendor: VendorFile) -> Summary {
        let mut report = score(q, &vendor.answers, vendor.meta.assessed_on);
        // Per-question outcomes are for screens that show questions.
        report.outcomes = Vec::new();
        let modified = modified_secs(&vendor.path);
        let mut warnings: Vec<String> = vendor.warnings.iter().map(ToString::to_string).collect();
        warnings.extend(questionnaire_mismatch(q, &vendor.meta, Lang::En));
        let mut reviews = Vec::new();
        for r in review::load_all_of(&vendor) {
            match r {
                Ok(r) => reviews.push(r),
                Err(e) => warnings.push(e.to_string()),
            }
        }
        let signoffs = review::signoff_states(&reviews, vendor.text());
        let comments = reviews.iter().map(|r| r.file.comments.len()).sum();
        let locked_by = lock::holder_of(&vendor.path);
        let conflicts = ConflictState::all_of(&vendor);
        let deadlines = crate::domain::followup::deadlines(
            vendor.meta.assessed_on,
            q.reassess_months(),
            &vendor.answers,
            |key: &str| q.is_date_question(key),
        );
        Summary {
            conflicts,
            deadlines,
            signoffs,
            comments,
            locked_by,
            warnings,
            slug: vendor.slug,
            meta: vendor.meta,
            path: vendor.path,
            report,
            modified,
        }
    }
}

/// A warning when the vendor was assessed with another questionnaire (its
/// answers then mostly show as orphans).
pub fn questionnaire_mismatch(q: &Questionnaire, meta: &Meta, lang: Lang) -> Option<String> {
    use crate::i18n::report as msg;
    let id = meta.questionnaire.as_deref()?;
    if id != q.id {
        Some(msg::OTHER_QUESTIONNAIRE.fill(lang, &[("id", &id), ("in_use", &q.id)]))
    } else {
        let was = meta.questionnaire_version.filter(|v| *v != q.version)?;
        Some(msg::OTHER_QUESTIONNAIRE_VERSION.fill(lang, &[("was", &was), ("id", &id), ("now", &q.version)]))
    }
}

fn modified_secs(path: &Path) -> Option<i64> {
    let t = std::fs::metadata(path).ok()?.modified().ok()?;
    let secs = t.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    i64::try_from(secs).ok()
}

/// Loads and scores one vendor file.
pub fn load_one(q: &Questionnaire, path: &Path) -> Result<Summary, Error> {
    VendorFile::load(path).map(|v| Summary::of(q, v))
}

/// Loads and scores vendor files on every core, in the order of `paths`.
pub fn load(q: &Questionnaire, paths: &[PathBuf]) -> Vec<Result<Summary, Error>> {
    let one = |p: &PathBuf| load_one(q, p);
    if paths.len() < 64 {
        return paths.iter().map(one).collect();
    }
    let workers = std::thread::available_parallelism().map_or(1, usize::from).min(8);
    if workers < 2 {
        return paths.iter().map(one).collect();
    }
    let chunk = paths.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> =
            paths.chunks(chunk).map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>())).collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    vec![Err(Error::NotFound(crate::i18n::Text::new(crate::i18n::errors::LOADER_FAILED, &[])))]
                })
            })
            .collect()
    })
}

/// Loads and scores vendor files in the background, on every core, and
/// hands them over in batches of about `batch` (with their index in
/// `paths`), top of the list first. `send` says false once no one listens.
/// Fails only if a thread cannot be started.
pub fn load_in_background<F>(q: Arc<Questionnaire>, paths: Vec<PathBuf>, batch: usize, send: F) -> std::io::Result<()>
where
    F: Fn(Vec<(usize, PathBuf, Result<Summary, Error>)>) -> bool + Send + Clone + 'static,
{
    let workers = std::thread::available_parallelism().map_or(1, usize::from).clamp(1, 8);
    let paths = Arc::new(paths);
    for worker in 0..workers {
        let (q, paths, send) = (q.clone(), paths.clone(), send.clone());
        let spawned = std::thread::Builder::new().name("load".into()).spawn(move || {
            crate::system::background_thread();
            let mut done = Vec::with_capacity(batch);
            // Interleaved, so that every worker works from the top down.
            for index in (worker..paths.len()).step_by(workers) {
                let path = &paths[index];
                done.push((index, path.clone(), load_one(&q, path)));
                if done.len() >= batch && !send(std::mem::take(&mut done)) {
                    return;
                }
            }
            if !done.is_empty() {
                send(done);
            }
        });
        spawned?;
    }
    Ok(())
}

/// Sorts summaries into ranking order: qualified first, by score.
pub fn rank(summaries: &mut [Summary]) {
    summaries.sort_by(|a, b| by_rank((&a.report, &a.meta.vendor), (&b.report, &b.meta.vendor)));
}

/// Sign-offs in a few cells, marks first: `✓wang ✗li~ ⚠zhao` (`~`
/// stale; `⚠` unverified, which shows no decision: it does not count).
pub fn signoff_text(signoffs: &[SignOffState]) -> String {
    signoffs
        .iter()
        .map(|s| {
            if s.verified {
                format!("{}{}{}", s.decision.mark(), s.user, if s.stale { "~" } else { "" })
            } else {
                format!("⚠{}", s.user)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
