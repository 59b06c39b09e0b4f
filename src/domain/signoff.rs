//! When a sign-off may be made: separation of duties and the decisions
//! that need a second thought. Pure: the caller says who signs, who
//! interviews and what the workspace allows.

use super::scoring::ScoreReport;

/// What stands between a reviewer and a decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gate {
    /// Allowed as it is.
    Open,
    /// Never allowed: the vendor's own interviewer signing it off, where
    /// the workspace does not allow it.
    Refused(Refusal),
    /// Allowed after a confirmation (`--force` on the command line).
    Confirm(Vec<Caution>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    OwnInterview,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caution {
    /// Approving a vendor that crossed a red line.
    ApprovesDisqualified,
    /// Any decision on a vendor with questions still open: `answered` of
    /// `total` scored questions.
    Incomplete { answered: usize, total: usize },
}

impl Caution {
    /// Why a decision needs a second thought, as one clause.
    pub fn describe(&self, lang: super::text::Lang) -> String {
        use crate::i18n::domain as msg;
        match self {
            Caution::ApprovesDisqualified => msg::CAUTION_DISQUALIFIED.text(lang).to_string(),
            Caution::Incomplete { answered, total } => {
                msg::CAUTION_INCOMPLETE.fill(lang, &[("answered", answered), ("total", total)])
            }
        }
    }
}

/// Who wants to sign, on what.
pub struct Request<'a> {
    pub approve: bool,
    pub signer: &'a str,
    /// The vendor's recorded interviewer, if any.
    pub interviewer: Option<&'a str>,
    /// The workspace allows an interviewer to sign off their own vendor.
    pub self_signoff_allowed: bool,
}

/// Separation of duties: anyone but the vendor's interviewer signs it off,
/// unless the workspace allows the interviewer too.
pub fn may_sign(signer: &str, interviewer: Option<&str>, self_signoff_allowed: bool) -> bool {
    self_signoff_allowed || interviewer != Some(signer)
}

pub fn gate(request: &Request<'_>, report: &ScoreReport) -> Gate {
    if !may_sign(request.signer, request.interviewer, request.self_signoff_allowed) {
        return Gate::Refused(Refusal::OwnInterview);
    }
    let mut cautions = Vec::new();
    if request.approve && report.disqualified() {
        cautions.push(Caution::ApprovesDisqualified);
    }
    if report.answered < report.total {
        cautions.push(Caution::Incomplete { answered: report.answered, total: report.total });
    }
    if cautions.is_empty() { Gate::Open } else { Gate::Confirm(cautions) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::KnockoutHit;

    fn report(answered: usize, total: usize, knocked_out: bool) -> ScoreReport {
        let knockouts =
            if knocked_out { vec![KnockoutHit { key: "basic.licence".into(), reason: None }] } else { vec![] };
        ScoreReport { answered, total, knockouts, ..ScoreReport::default() }
    }

    fn ask(approve: bool, signer: &str, allowed: bool) -> Request<'_> {
        Request { approve, signer, interviewer: Some("li.wei"), self_signoff_allowed: allowed }
    }

    #[test]
    fn the_interviewer_cannot_sign_their_own_vendor_unless_the_workspace_allows_it() {
        let done = report(10, 10, false);
        assert_eq!(gate(&ask(true, "li.wei", false), &done), Gate::Refused(Refusal::OwnInterview));
        assert_eq!(gate(&ask(false, "li.wei", false), &done), Gate::Refused(Refusal::OwnInterview));
        assert_eq!(gate(&ask(true, "li.wei", true), &done), Gate::Open);
        assert_eq!(gate(&ask(true, "wang", false), &done), Gate::Open);
    }

    #[test]
    fn approving_a_red_line_or_deciding_on_a_half_answered_vendor_needs_confirmation() {
        assert_eq!(
            gate(&ask(true, "wang", false), &report(10, 10, true)),
            Gate::Confirm(vec![Caution::ApprovesDisqualified])
        );
        assert_eq!(gate(&ask(false, "wang", false), &report(10, 10, true)), Gate::Open);
        assert_eq!(
            gate(&ask(false, "wang", false), &report(1, 37, false)),
            Gate::Confirm(vec![Caution::Incomplete { answered: 1, total: 37 }])
        );
        assert_eq!(
            gate(&ask(true, "wang", false), &report(1, 37, true)),
            Gate::Confirm(vec![Caution::ApprovesDisqualified, Caution::Incomplete { answered: 1, total: 37 }])
        );
    }
}
