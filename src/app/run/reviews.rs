//! Sign-offs and comments, written to this account's own review file.

use super::*;

impl super::Runner {
    pub(super) fn sign_off(&mut self, decision: review::Decision) -> Vec<Action> {
        let Some(iv) = self.app.interview.as_ref() else { return vec![] };
        if iv.disk_error.is_some() {
            // The digest would be of a version no longer on disk.
            return vec![Action::Failed(crate::i18n::status::NOT_SIGNED_UNREADABLE.text(self.app.lang).to_string())];
        }
        let (path, signed) = (iv.vendor.path.clone(), review::digest(iv.vendor.text()));
        let aliases = iv.vendor.meta.renamed_from.clone();
        let at = crate::system::now_rfc3339();
        let result = review::update(
            &path,
            &aliases,
            &self.user,
            |f| f.signoff = Some(review::SignOff { decision, at, digest: signed, comment: None }),
            &RealFs,
            self.workspace.modes,
        );
        let done = match decision {
            review::Decision::Approve => crate::i18n::status::SIGNED_APPROVE,
            review::Decision::Reject => crate::i18n::status::SIGNED_REJECT,
            review::Decision::NeedsInfo => crate::i18n::status::SIGNED_NEEDS_INFO,
        };
        let lang = self.app.lang;
        self.after_review(&path, result.map(|_| done.text(lang).to_string()))
    }

    pub(super) fn comment(&mut self, question: Option<String>, text: String) -> Vec<Action> {
        let Some((path, aliases)) =
            self.app.interview.as_ref().map(|iv| (iv.vendor.path.clone(), iv.vendor.meta.renamed_from.clone()))
        else {
            return vec![];
        };
        let at = crate::system::now_rfc3339();
        let result = review::update(
            &path,
            &aliases,
            &self.user,
            |f| f.comments.push(review::Comment { question, at, text }),
            &RealFs,
            self.workspace.modes,
        );
        let lang = self.app.lang;
        self.after_review(&path, result.map(|_| crate::i18n::status::COMMENT_SAVED.text(lang).to_string()))
    }

    pub(super) fn after_review(&mut self, path: &Path, result: Result<String, Error>) -> Vec<Action> {
        match result {
            Ok(done) => {
                self.app.say(StatusKind::Saved, done);
                let (reviews, errors) = self.load_reviews(path);
                vec![Action::ReviewsChanged(reviews, errors)]
            }
            Err(e) => vec![Action::Failed(self.short(&e.message(self.app.lang)))],
        }
    }
}
