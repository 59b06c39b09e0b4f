//! Saving the open vendor's edits on the saving thread, and what comes back.

use super::*;

impl super::Runner {
    /// Hands the open vendor's pending edits to the saving thread, unless
    /// a batch is already under way (its end starts the next).
    pub(super) fn start_save(&mut self) -> Vec<Action> {
        if self.saver.is_none() {
            let events = self.events.clone();
            match saver::spawn(RealFs, move |done| events.send(Incoming::Saved(Box::new(done))).is_ok()) {
                Ok(saver) => self.saver = Some(saver),
                Err(e) => {
                    let key = self.app.interview.as_ref().and_then(|iv| iv.pending.first()).map(|p| p.key.clone());
                    let message = crate::i18n::status::CANNOT_START_SAVING.fill(self.app.lang, &[("why", &e)]);
                    return key.map(|key| Action::SaveFailed { key, message, conflict: false }).into_iter().collect();
                }
            }
        }
        let Some(iv) = self.app.interview.as_mut() else { return vec![] };
        if iv.saving > 0 || iv.pending.is_empty() {
            return vec![];
        }
        let job = saver::Job {
            vendor: iv.vendor.clone(),
            questionnaire: self.app.questionnaire.clone(),
            edits: iv.pending.clone(),
            mode: self.workspace.modes.file,
        };
        iv.saving = iv.pending.len();
        if self.saver.as_ref().is_none_or(|s| s.send(job).is_err()) {
            iv.saving = 0;
            let key = iv.pending[0].key.clone();
            let message = crate::i18n::status::SAVING_THREAD_STOPPED.text(self.app.lang).to_string();
            return vec![Action::SaveFailed { key, message, conflict: false }];
        }
        vec![]
    }

    /// A batch is done: the vendor as now on disk, the saved edits no
    /// longer pending, and the next batch started.
    pub(super) fn save_done(&mut self, done: Box<saver::Done>) -> Vec<Action> {
        let done = *done;
        let root = self.root_prefix();
        let Some(iv) = self.app.interview.as_mut().filter(|iv| iv.vendor.path == done.vendor.path) else {
            return vec![];
        };
        iv.vendor = done.vendor;
        iv.saving = 0;
        let mut actions = Vec::new();
        let mut failed = false;
        for (key, outcome) in done.outcomes {
            match outcome {
                saver::Outcome::Saved { merged } => {
                    iv.pending.remove(0);
                    actions.push(Action::Saved { key, merged });
                }
                saver::Outcome::Conflict { mine } => {
                    iv.pending.remove(0);
                    let name = mine.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                    let message =
                        crate::i18n::status::SAVE_CONFLICT.fill(self.app.lang, &[("key", &key), ("name", &name)]);
                    actions.push(Action::SaveFailed { key, message, conflict: true });
                }
                saver::Outcome::Failed(e) => {
                    // It stays pending (and on screen) for a retry.
                    let message = e.message(self.app.lang).replace(&root, "");
                    actions.push(Action::SaveFailed { key, message, conflict: false });
                    failed = true;
                }
            }
        }
        if !failed {
            actions.extend(self.start_save());
        }
        let idle = self.app.interview.as_ref().is_some_and(|iv| iv.saving == 0);
        if idle && std::mem::take(&mut self.recheck_open) {
            actions.extend(self.check_open_vendor());
        }
        actions
    }

    /// On the way out: waits for the save under way and any after it.
    pub(super) fn finish_saves(&mut self, rx: &mpsc::Receiver<Incoming>) {
        for action in self.start_save() {
            let _ = update(&mut self.app, action);
        }
        while self.app.interview.as_ref().is_some_and(|iv| iv.saving > 0) {
            match rx.recv() {
                Ok(Incoming::Saved(done)) => {
                    for action in self.save_done(done) {
                        let _ = update(&mut self.app, action);
                    }
                }
                Ok(_) => {}
                Err(_) => return,
            }
        }
    }
}
