//! The lines a report shows under a question for §11 (see
//! [`crate::domain::followup::describe`]).

use crate::domain::answers::Answer;
use crate::domain::text::Lang;

pub(super) fn lines(answer: Option<&Answer>, lang: Lang) -> Vec<String> {
    crate::domain::followup::describe(answer, lang)
}
