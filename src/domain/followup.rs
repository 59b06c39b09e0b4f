//! What a meeting leaves open (product brief §11): a follow-up per answer
//! (`followup = { ask, due, status }`), the evidence seen for it
//! (`evidence = [{ file, sha256, seen_on, expires? } | { url, seen_on, expires? }]`),
//! and the dates that make a vendor due again. Pure: "today" is always
//! given by the caller.

use super::answers::{Answer, Answers};
use super::date::Date;
use super::text::Lang;
use crate::i18n::domain as msg;

/// Where a follow-up stands: `requested` → `received` → `closed`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Requested,
    Received,
    Closed,
}

impl Status {
    pub fn parse(text: &str) -> Option<Status> {
        match text {
            "requested" => Some(Status::Requested),
            "received" => Some(Status::Received),
            "closed" => Some(Status::Closed),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Status::Requested => "requested",
            Status::Received => "received",
            Status::Closed => "closed",
        }
    }

    /// Still waiting on the vendor (closed items are done).
    pub fn is_open(self) -> bool {
        self != Status::Closed
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Followup {
    pub ask: String,
    pub due: Option<Date>,
    pub status: Status,
}

impl Followup {
    /// Open and past its due date (due today is not overdue yet).
    pub fn overdue(&self, today: Date) -> bool {
        self.status == Status::Requested && self.due.is_some_and(|d| d < today)
    }
}

/// What an evidence entry points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A copy in the workspace (path relative to it) and its SHA-256 (hex).
    File {
        file: String,
        sha256: String,
    },
    Url(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    pub source: Source,
    pub seen_on: Date,
    pub expires: Option<Date>,
}

impl Evidence {
    /// The file name or the URL, for lists.
    pub fn label(&self) -> &str {
        match &self.source {
            Source::File { file, .. } => file.rsplit('/').next().unwrap_or(file),
            Source::Url(url) => url,
        }
    }
}

/// Days since 1970-01-01 (negative before), for day arithmetic.
pub fn days(d: Date) -> i64 {
    // Howard Hinnant's days_from_civil.
    let y = i64::from(d.year()) - i64::from(d.month() <= 2);
    let m = i64::from(d.month());
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(d.day()) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `n` days after 1970-01-01 (`None` outside the years TOML writes).
pub fn from_days(n: i64) -> Option<Date> {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    if !(0..=9999).contains(&year) {
        return None;
    }
    Date::new(i32::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

pub fn add_days(d: Date, n: i64) -> Option<Date> {
    from_days(days(d) + n)
}

/// `months` calendar months after `d`; a day the month lacks becomes its
/// last day (2026-01-31 + 1 month = 2026-02-28).
pub fn add_months(d: Date, months: i64) -> Option<Date> {
    let total = i64::from(d.year()) * 12 + i64::from(d.month()) - 1 + months;
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month = u8::try_from(total.rem_euclid(12) + 1).ok()?;
    (1..=d.day()).rev().find_map(|day| Date::new(year, month, day)).filter(|x| (0..=9999).contains(&x.year()))
}

/// The default of a questionnaire's `reassess_months`.
pub const DEFAULT_REASSESS_MONTHS: i64 = 12;
/// The default window of `ccvet due`, in days.
pub const DEFAULT_WITHIN_DAYS: i64 = 90;

/// Why a vendor shows in the due list.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DueKind {
    /// The whole vendor: `assessed_on` + `reassess_months`.
    Reassess,
    /// A date answer (a licence, a certificate) ends.
    AnswerExpires,
    /// An evidence entry's `expires`.
    EvidenceExpires,
    /// A requested follow-up past its due date.
    FollowupOverdue,
}

impl DueKind {
    pub fn name(&self) -> &'static str {
        match self {
            DueKind::Reassess => "reassess",
            DueKind::AnswerExpires => "answer-expires",
            DueKind::EvidenceExpires => "evidence-expires",
            DueKind::FollowupOverdue => "followup-overdue",
        }
    }
}

/// One line of the due list of one vendor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueItem {
    pub date: Date,
    pub kind: DueKind,
    /// The question (none for a re-assessment).
    pub question: Option<String>,
    /// The evidence's file name or URL, for evidence.
    pub what: Option<String>,
}

/// Every dated item of one vendor that can fall due, whatever today is:
/// the re-assessment, date answers of `date_questions`, evidence expiry
/// dates, and requested follow-ups with a due date. The app keeps these per
/// vendor and filters them by today as the day turns ([`is_due`]).
pub fn deadlines(
    assessed_on: Option<Date>,
    reassess_months: i64,
    answers: &Answers,
    is_date_question: impl Fn(&str) -> bool,
) -> Vec<DueItem> {
    let mut out = Vec::new();
    if let Some(next) = assessed_on.and_then(|a| add_months(a, reassess_months)) {
        out.push(DueItem { date: next, kind: DueKind::Reassess, question: None, what: None });
    }
    for (key, answer) in answers {
        if answer.na {
            continue;
        }
        if let Some(super::answers::Value::Date(d)) = answer.value
            && is_date_question(key)
        {
            out.push(DueItem { date: d, kind: DueKind::AnswerExpires, question: Some(key.clone()), what: None });
        }
        for e in &answer.evidence {
            if let Some(x) = e.expires {
                out.push(DueItem {
                    date: x,
                    kind: DueKind::EvidenceExpires,
                    question: Some(key.clone()),
                    what: Some(e.label().to_string()),
                });
            }
        }
        if let Some(f) = &answer.followup
            && f.status == Status::Requested
            && let Some(due) = f.due
        {
            out.push(DueItem { date: due, kind: DueKind::FollowupOverdue, question: Some(key.clone()), what: None });
        }
    }
    out.sort_by(|a, b| (a.date, &a.kind, &a.question).cmp(&(b.date, &b.kind, &b.question)));
    out
}

/// Whether a deadline is due by `today` + `within_days`: a follow-up once
/// it is past its due date, anything else once its date is in the window
/// (or past).
pub fn is_due(item: &DueItem, today: Date, within_days: i64) -> bool {
    match item.kind {
        DueKind::FollowupOverdue => item.date < today,
        _ => days(item.date) <= days(today) + within_days,
    }
}

/// Whether a due item's date has passed (an overdue follow-up, an expired
/// certificate, a re-assessment already late): shown with a mark of its own.
pub fn is_past(item: &DueItem, today: Date) -> bool {
    item.date < today
}

/// What of one vendor is due by `today` + `within_days` (or already past):
/// the re-assessment, date answers of `date_questions` and evidence ending
/// in the window, and overdue follow-ups; sorted by date.
pub fn due_items(
    assessed_on: Option<Date>,
    reassess_months: i64,
    answers: &Answers,
    is_date_question: impl Fn(&str) -> bool,
    today: Date,
    within_days: i64,
) -> Vec<DueItem> {
    let mut out = deadlines(assessed_on, reassess_months, answers, is_date_question);
    out.retain(|i| is_due(i, today, within_days));
    out
}

/// Open and overdue follow-ups among `answers`: the title bar's counts.
pub fn followup_counts(answers: &Answers, today: Date) -> (usize, usize) {
    let open = answers.values().filter_map(|a| a.followup.as_ref()).filter(|f| f.status.is_open());
    open.fold((0, 0), |(n, late), f| (n + 1, late + usize::from(f.overdue(today))))
}

/// The lines that say, under a question, what §11 holds for its answer:
/// "carried, to confirm", the open follow-up, each evidence entry.
pub fn describe(answer: Option<&Answer>, lang: Lang) -> Vec<String> {
    let Some(a) = answer else { return Vec::new() };
    let mut out = describe_followup(Some(a), lang);
    out.extend(a.evidence.iter().map(|e| describe_evidence(e, lang)));
    out
}

/// Brackets and separators as each language writes them.
fn marks(lang: Lang) -> (&'static str, &'static str, &'static str, &'static str) {
    match lang {
        Lang::Zh => ("（", "）", "：", "，"),
        Lang::En => (" (", ")", ": ", ", "),
    }
}

/// "Carried, to confirm" and the open follow-up of an answer.
pub fn describe_followup(answer: Option<&Answer>, lang: Lang) -> Vec<String> {
    let Some(a) = answer else { return Vec::new() };
    let (open, close, colon, _) = marks(lang);
    let mut out = Vec::new();
    if a.carried {
        out.push(msg::CARRIED_OVER_FROM_THE_LAST.text(lang).to_string());
    }
    if let Some(f) = a.followup.as_ref().filter(|f| f.status.is_open()) {
        let status = match f.status {
            Status::Requested => msg::REQUESTED.text(lang),
            _ => msg::RECEIVED_TO_REVIEW.text(lang),
        };
        let due = f.due.map_or_else(String::new, |d| format!("{}{d}", msg::DUE.text(lang)));
        out.push(format!("{}{open}{status}{due}{close}{colon}{}", msg::FOLLOW_UP.text(lang), f.ask));
    }
    out
}

/// One evidence entry: name, when seen, expiry, the digest's start.
pub fn describe_evidence(e: &Evidence, lang: Lang) -> String {
    let (open, close, colon, comma) = marks(lang);
    let mut line = format!("{}{colon}{}", msg::EVIDENCE.text(lang), e.label());
    line.push_str(&format!("{open}{} {}", msg::SEEN.text(lang), e.seen_on));
    if let Some(x) = e.expires {
        line.push_str(&format!("{comma}{} {x}", msg::EXPIRES.text(lang)));
    }
    if let Source::File { sha256, .. } = &e.source {
        line.push_str(&format!("{comma}SHA-256 {}…", sha256.get(..12).unwrap_or(sha256)));
    }
    line.push_str(close);
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::{Answer, Value};

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn day_arithmetic_round_trips() {
        assert_eq!(days(d("1970-01-01")), 0);
        assert_eq!(days(d("2000-03-01")) - days(d("2000-02-28")), 2);
        assert_eq!(add_days(d("2026-12-31"), 1), Some(d("2027-01-01")));
        assert_eq!(add_days(d("2028-02-28"), 1), Some(d("2028-02-29")));
        for n in [-1000, -1, 0, 1, 59, 365, 20_000, 2_900_000] {
            assert_eq!(from_days(n).map(days), Some(n), "{n}");
        }
    }

    #[test]
    fn months_clamp_to_the_month_end() {
        assert_eq!(add_months(d("2026-01-31"), 1), Some(d("2026-02-28")));
        assert_eq!(add_months(d("2026-11-24"), 12), Some(d("2027-11-24")));
        assert_eq!(add_months(d("2026-11-24"), 2), Some(d("2027-01-24")));
        assert_eq!(add_months(d("2028-02-29"), -12), Some(d("2027-02-28")));
    }

    #[test]
    fn due_list_takes_the_window_and_overdue_follow_ups() {
        let mut answers = Answers::new();
        answers.insert(
            "basic.licence-expiry".into(),
            Answer { value: Some(Value::Date(d("2027-02-01"))), ..Answer::default() },
        );
        answers.insert(
            "basic.far-expiry".into(),
            Answer { value: Some(Value::Date(d("2029-02-01"))), ..Answer::default() },
        );
        answers.insert(
            "basic.iso".into(),
            Answer {
                followup: Some(Followup { ask: "cert".into(), due: Some(d("2026-12-01")), status: Status::Requested }),
                evidence: vec![Evidence {
                    source: Source::Url("https://x.example/a".into()),
                    seen_on: d("2026-01-01"),
                    expires: Some(d("2026-12-20")),
                }],
                ..Answer::default()
            },
        );
        answers.insert(
            "basic.done".into(),
            Answer {
                followup: Some(Followup { ask: "x".into(), due: Some(d("2026-01-01")), status: Status::Closed }),
                ..Answer::default()
            },
        );
        let today = d("2026-12-02");
        let items = due_items(Some(d("2026-01-15")), 12, &answers, |k| k.ends_with("expiry"), today, 90);
        let kinds: Vec<(&str, String)> = items.iter().map(|i| (i.kind.name(), i.date.to_string())).collect();
        assert_eq!(
            kinds,
            vec![
                ("followup-overdue", "2026-12-01".to_string()),
                ("evidence-expires", "2026-12-20".to_string()),
                ("reassess", "2027-01-15".to_string()),
                ("answer-expires", "2027-02-01".to_string()),
            ]
        );
        // A window of 10 days keeps only the overdue follow-up.
        assert_eq!(due_items(Some(d("2026-01-15")), 12, &answers, |_| false, today, 10).len(), 1);
        // Not overdue on its due day.
        let f = Followup { ask: String::new(), due: Some(today), status: Status::Requested };
        assert!(!f.overdue(today));
        assert!(f.overdue(add_days(today, 1).unwrap()));
    }

    #[test]
    fn counts_and_deadlines_follow_today() {
        let mut answers = Answers::new();
        let f = |status, due: &str| Answer {
            followup: Some(Followup { ask: "x".into(), due: Some(d(due)), status }),
            ..Answer::default()
        };
        answers.insert("a.one".into(), f(Status::Requested, "2026-12-01"));
        answers.insert("a.two".into(), f(Status::Received, "2026-12-01"));
        answers.insert("a.three".into(), f(Status::Closed, "2026-12-01"));
        answers.insert("a.four".into(), f(Status::Requested, "2026-12-31"));
        assert_eq!(followup_counts(&answers, d("2026-12-02")), (3, 1));
        assert_eq!(followup_counts(&answers, d("2026-11-30")), (3, 0));
        // The deadlines hold every requested follow-up; only past ones are due.
        let all = deadlines(None, 12, &answers, |_| false);
        assert_eq!(all.len(), 2);
        let due: Vec<_> = all.iter().filter(|i| is_due(i, d("2026-12-02"), 90)).collect();
        assert_eq!(due.len(), 1);
        assert!(is_past(due[0], d("2026-12-02")));
    }
}
