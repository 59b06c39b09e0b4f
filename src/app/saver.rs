//! Saving in the background, so that a save's reads, checks and fsyncs
//! never hold up the next key: the frame showing an answer is drawn at
//! once, and "saved" follows when the file is on disk.
//!
//! One thread saves one batch of edits at a time, in order, on its own
//! copy of the vendor file, and hands back the file as it is on disk
//! afterwards.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;

use super::action::PendingEdit;
use crate::domain::questionnaire::Questionnaire;
use crate::storage::Error;
use crate::storage::atomic::FileSystem;
use crate::storage::vendor::VendorFile;

/// Edits to save, oldest first, on the vendor file they were made on.
pub struct Job {
    pub vendor: VendorFile,
    pub questionnaire: Arc<Questionnaire>,
    pub edits: Vec<PendingEdit>,
    pub mode: u32,
}

/// What became of one pending edit.
pub enum Outcome {
    /// `merged`: someone else's changes to other answers came in too.
    Saved {
        merged: bool,
    },
    /// Someone else changed the same answer: theirs stays, ours went to
    /// the side file `mine`.
    Conflict {
        mine: PathBuf,
    },
    Failed(Error),
}

pub struct Done {
    /// The vendor file as on disk after the batch.
    pub vendor: VendorFile,
    /// One per edit, in order; the batch stops at the first failure, so
    /// there may be fewer outcomes than edits.
    pub outcomes: Vec<(String, Outcome)>,
}

impl Job {
    pub fn run(mut self, fs: &dyn FileSystem) -> Done {
        let mut outcomes = Vec::with_capacity(self.edits.len());
        for edit in self.edits {
            match self.vendor.save(&self.questionnaire, &edit.key, &edit.edits, fs, self.mode) {
                Ok(saved) => outcomes.push((edit.key, Outcome::Saved { merged: saved.merged })),
                Err(Error::Conflict { mine, .. }) => outcomes.push((edit.key, Outcome::Conflict { mine })),
                Err(e) => {
                    outcomes.push((edit.key, Outcome::Failed(e)));
                    break;
                }
            }
        }
        Done { vendor: self.vendor, outcomes }
    }
}

/// Starts the saving thread; `report` hands each finished batch back (and
/// says false once no one listens).
pub fn spawn(
    fs: impl FileSystem + 'static,
    report: impl Fn(Done) -> bool + Send + 'static,
) -> std::io::Result<mpsc::Sender<Job>> {
    let (tx, rx) = mpsc::channel::<Job>();
    std::thread::Builder::new().name("save".into()).spawn(move || {
        crate::system::background_thread();
        for job in rx {
            if !report(job.run(&fs)) {
                return;
            }
        }
    })?;
    Ok(tx)
}
