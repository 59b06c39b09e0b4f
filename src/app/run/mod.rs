//! The only code that reads the terminal, does I/O and draws.
//!
//! Keys, pastes, resizes and signals arrive on one channel, so an idle app
//! sleeps in `recv` and draws nothing. After a batch of events the frame is
//! drawn first, then the effects run (a save's fsync never delays the frame
//! that shows the answer), then the frame is drawn again if they changed
//! anything ("saved").

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::{execute, queue};

mod files;
mod followups;
mod housekeeping;
mod list;
mod open;
mod reviews;
mod save;

use list::{few_and_small, row_of};
use open::{local_since, modified};

use super::action::{Action, Effect};
use super::keymap::{Context, Key, context, lookup};
use super::saver;
use super::state::{App, Interview, Screen, StatusKind, VendorRow};
use super::update::update;
use crate::domain::text::Lang;
use crate::storage::Error;
use crate::storage::atomic::RealFs;
use crate::storage::lock::{self, Acquired, VendorLock};
use crate::storage::questionnaire::Loaded;
use crate::storage::review;
use crate::storage::vendor::{Meta, VendorFile};
use crate::storage::workspace::Workspace;
use crate::summary;

/// What the app starts with.
pub struct Setup {
    /// Gives the questionnaire: a large one parses on another thread while
    /// the terminal starts, and is waited for only before the first frame.
    pub questionnaire: Box<dyn FnOnce() -> Result<Loaded, Error>>,
    /// Its size: a large one is not waited for before the first frame.
    pub questionnaire_bytes: u64,
    pub workspace: Workspace,
    pub lang: Lang,
    /// The user's config file, where `L` remembers the language.
    pub config_path: Option<PathBuf>,
    pub user: String,
    pub no_color: bool,
    /// Draw with ASCII only (a terminal without UTF-8).
    pub ascii: bool,
    /// Poll the workspace instead of relying on notifications (NFS).
    pub force_poll: bool,
    /// Something to say at once (a workspace open to other users).
    pub notice: Option<String>,
}

enum Incoming {
    Terminal(Event),
    /// Files in the workspace changed (someone else's save, a sign-off, a
    /// writer leaving).
    Files(Vec<PathBuf>),
    /// SIGTERM or SIGHUP (a dropped SSH link): leave cleanly.
    Signal,
    /// A batch of edits was saved (or failed to be).
    Saved(Box<saver::Done>),
    /// Vendor rows loaded in the background, with their index in the list
    /// when the load began; `generation` tells a stale load from the last.
    Loaded {
        generation: u64,
        rows: Vec<(usize, VendorRow)>,
    },
    /// Evidence digests checked in the background.
    EvidenceChecked(Vec<(String, String, crate::app::followups::Check)>),
    /// Watching the workspace has started (or could not).
    Watching(Result<super::watch::Watch, String>),
    InputClosed,
}

/// Why the app could not run, or ended badly.
pub enum Failure {
    /// The questionnaire does not read (its diagnostics name the lines).
    Questionnaire(Error),
    Other(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Other(message)
    }
}

/// Runs the app until the user quits or a signal asks it to stop.
pub fn run(setup: Setup) -> Result<(), Failure> {
    let (tx, rx) = mpsc::channel();
    // Signals are caught from here on; the thread that reports them, and
    // the one that reads keys, start after the first frame (a key typed
    // before then waits in the terminal).
    let signals = catch_signals(setup.lang)?;
    // On every way out, a panic too: bracketed paste off, the screen back.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    let mut terminal = crate::terminal::init().map_err(|e| {
        ratatui::restore();
        crate::i18n::status::CANNOT_START_TERMINAL.fill(setup.lang, &[("why", &e)])
    })?;
    let _ = queue!(std::io::stdout(), EnableBracketedPaste);
    let watch_tx = tx.clone();
    let questionnaire = || match (setup.questionnaire)() {
        Ok(loaded) => Ok(Arc::new(loaded.questionnaire)),
        Err(e) => {
            restore_terminal();
            Err(Failure::Questionnaire(e))
        }
    };
    let size = terminal.size().unwrap_or_default();
    let mut runner = Runner {
        // The questionnaire comes in below.
        app: App::new(Default::default(), setup.lang, size.width, size.height),
        workspace: setup.workspace,
        config_path: setup.config_path,
        user: setup.user,
        lock: None,
        saver: None,
        recheck_open: false,
        events: tx.clone(),
        load_generation: 0,
        watch: None,
        questionnaire_ready: false,
    };
    runner.app.no_color = setup.no_color;
    runner.app.me = runner.user.clone();
    runner.app.now = jiff::Timestamp::now().as_second();
    runner.app.today = followups::today();
    match crate::storage::policy::load(&runner.workspace.root) {
        Ok(policy) => runner.app.self_signoff = policy.self_signoff,
        Err(e) => runner.app.say(StatusKind::Error, e.message(runner.app.lang)),
    }
    runner.app.ascii = setup.ascii;
    // Said once; a warning about the workspace's permissions says more.
    if setup.ascii {
        runner.app.say(StatusKind::Info, crate::ui::ascii::notice(setup.lang).to_string());
    }
    if let Some(notice) = setup.notice {
        runner.app.say(StatusKind::Error, notice);
    }
    // Follow other sessions: the workspace must exist to be watched, and
    // its path be absolute to compare with the paths events name.
    let _ = runner.workspace.ensure();
    if let Ok(absolute) = std::fs::canonicalize(&runner.workspace.root) {
        runner.workspace.root = absolute;
    }
    // A large workspace shows its file names at once, before the
    // questionnaire is even parsed, and loads after the first frame; a small
    // one loads in full first. Watching starts after the first frame too
    // (it walks the workspace).
    let paths = runner.list_vendors();
    let small =
        setup.questionnaire_bytes <= LOAD_BEFORE_FIRST_FRAME.1 && paths.as_ref().is_none_or(|p| few_and_small(p));
    let later = if small {
        runner.set_questionnaire(questionnaire()?);
        None
    } else {
        Some(questionnaire)
    };
    if let Some(paths) = paths {
        runner.load_rows(paths, false);
    }
    runner.draw(&mut terminal)?;
    report_signals(signals, tx.clone());
    watch_hang_up(tx.clone());
    read_keys(tx);
    if let Some(questionnaire) = later {
        runner.set_questionnaire(questionnaire()?);
    }
    start_watching(runner.workspace.root.clone(), setup.force_poll, watch_tx, runner.app.lang);
    let result = runner.event_loop(&mut terminal, &rx);
    // Nothing pending is dropped silently on the way out.
    runner.finish_saves(&rx);
    restore_terminal();
    let unsaved: Vec<String> =
        runner.app.interview.as_ref().map(|iv| iv.pending.iter().map(|p| p.key.clone()).collect()).unwrap_or_default();
    if !unsaved.is_empty() {
        let keys = unsaved.join(", ");
        return Err(Failure::Other(crate::i18n::status::ANSWERS_NOT_SAVED.fill(runner.app.lang, &[("keys", &keys)])));
    }
    result.map_err(Failure::Other)
}

/// The terminal as it was: bracketed paste off, main screen, cooked mode.
fn restore_terminal() {
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    let _ = std::io::stdout().flush();
}

/// SIGTERM and SIGHUP (a dropped SSH link) are caught, not fatal: the app
/// leaves cleanly, keeping what is being typed.
fn catch_signals(lang: Lang) -> Result<signal_hook::iterator::Signals, String> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])
        .map_err(|e| crate::i18n::status::CANNOT_WATCH_SIGNALS.fill(lang, &[("why", &e)]))
}

fn report_signals(mut signals: signal_hook::iterator::Signals, tx: mpsc::Sender<Incoming>) {
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Incoming::Signal);
        }
    });
}

/// Keys, pastes and resizes, on a thread of their own.
fn read_keys(tx: mpsc::Sender<Incoming>) {
    std::thread::spawn(move || {
        loop {
            match event::read() {
                Ok(e) => {
                    if tx.send(Incoming::Terminal(e)).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    let _ = tx.send(Incoming::InputClosed);
                    return;
                }
            }
        }
    });
}

/// Ends the session when its terminal hangs up without a SIGHUP reaching
/// us (ccvet in a session of its own, as under sudo): crossterm's reader
/// would spin on a read that returns nothing (crossterm #793), burning a
/// core on a shared server until someone kills it. The thread sleeps in
/// `poll` asking for no event: only a hang-up or an error wakes it, and it
/// reads nothing, so keys stay crossterm's.
fn watch_hang_up(tx: mpsc::Sender<Incoming>) {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        return;
    }
    std::thread::spawn(move || {
        use rustix::event::{PollFd, PollFlags, poll};
        let stdin = std::io::stdin();
        loop {
            let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
            match poll(&mut fds, None) {
                Ok(_) if fds[0].revents().intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) => {
                    let _ = tx.send(Incoming::InputClosed);
                    return;
                }
                Err(rustix::io::Errno::INTR) | Ok(_) => continue,
                Err(_) => return,
            }
        }
    });
}

struct Runner {
    app: App,
    workspace: Workspace,
    config_path: Option<PathBuf>,
    user: String,
    /// The writer lock of the open vendor.
    lock: Option<VendorLock>,
    /// Where edits go to be saved in the background (started by the first
    /// save: a reviewer never needs it).
    saver: Option<mpsc::Sender<saver::Job>>,
    /// The open vendor's file changed while a save of ours was under way:
    /// look again once it is done (until then, our own half-finished save
    /// would read as someone else's change).
    recheck_open: bool,
    /// Where background work (loads, saves) reports.
    events: mpsc::Sender<Incoming>,
    /// Bumped by every load of the list: rows of an older one are stale.
    load_generation: u64,
    watch: Option<super::watch::Watch>,
    /// The questionnaire has been parsed (the app starts with an empty one).
    questionnaire_ready: bool,
}

/// Up to this many vendor files, of up to this many bytes in all, load
/// before the first frame (about a millisecond's work), if the
/// questionnaire is no larger than that either; more load in the
/// background, the list showing file names until their rows come in.
const LOAD_BEFORE_FIRST_FRAME: (usize, u64) = (64, 64 * 1024);

/// Starts watching the workspace on a thread of its own: it reads the
/// review folders (and a poll reads every file), which must not delay the
/// first frame.
fn start_watching(root: PathBuf, force_poll: bool, tx: mpsc::Sender<Incoming>, lang: Lang) {
    let (events, failed) = (tx.clone(), tx.clone());
    let spawned = std::thread::Builder::new().name("watch-start".into()).spawn(move || {
        let watch = super::watch::start(&root, force_poll, move |paths| {
            let _ = events.send(Incoming::Files(paths));
        });
        let _ = tx.send(Incoming::Watching(watch));
    });
    if let Err(e) = spawned {
        let why = crate::i18n::status::CANNOT_WATCH_WORKSPACE.fill(lang, &[("why", &e)]);
        let _ = failed.send(Incoming::Watching(Err(why)));
    }
}

impl Runner {
    fn event_loop(
        &mut self,
        terminal: &mut crate::terminal::AppTerminal,
        rx: &mpsc::Receiver<Incoming>,
    ) -> Result<(), String> {
        loop {
            // A read-only view says how long its writer has been idle: it
            // wakes once a minute to keep that true; otherwise the app
            // sleeps until something happens.
            let following = self.app.interview.as_ref().is_some_and(|iv| iv.read_only.is_some());
            let first = if following {
                match rx.recv_timeout(std::time::Duration::from_secs(60)) {
                    Ok(incoming) => Some(incoming),
                    Err(mpsc::RecvTimeoutError::Timeout) => None,
                    Err(mpsc::RecvTimeoutError::Disconnected) => break,
                }
            } else {
                match rx.recv() {
                    Ok(incoming) => Some(incoming),
                    Err(_) => break,
                }
            };
            self.app.now = jiff::Timestamp::now().as_second();
            // Once a day is plenty, but reading the date is cheap.
            self.app.today = followups::today();
            let Some(first) = first else {
                self.draw(terminal)?;
                continue;
            };
            let mut effects = Vec::new();
            let mut changed: Vec<PathBuf> = Vec::new();
            let mut next = Some(first);
            // Handle everything already queued, then draw once.
            while let Some(incoming) = next {
                match incoming {
                    Incoming::Signal | Incoming::InputClosed => {
                        // Keep what is being typed (a note, a value), then go.
                        for effect in update(&mut self.app, Action::Shutdown) {
                            self.perform(effect);
                        }
                        return Ok(());
                    }
                    Incoming::Terminal(event) => {
                        if let Some(action) = self.action_for(event) {
                            effects.extend(update(&mut self.app, action));
                        }
                    }
                    Incoming::Files(paths) => {
                        changed.extend(paths);
                    }
                    Incoming::Saved(done) => {
                        for action in self.save_done(done) {
                            effects.extend(update(&mut self.app, action));
                        }
                    }
                    Incoming::Loaded { generation, rows } => {
                        if generation == self.load_generation {
                            self.rows_loaded(rows);
                            effects.extend(update(&mut self.app, Action::VendorsLoaded));
                        }
                    }
                    Incoming::EvidenceChecked(results) => {
                        effects.extend(update(&mut self.app, Action::EvidenceChecked(results)));
                    }
                    Incoming::Watching(watch) => {
                        match watch {
                            Ok(w) => self.watch = Some(w),
                            Err(e) => self.app.say(StatusKind::Error, e),
                        }
                        // What changed before the watch began was not seen:
                        // (re)load now.
                        self.reload_vendors(true);
                        effects.extend(update(&mut self.app, Action::VendorsLoaded));
                    }
                }
                next = rx.try_recv().ok();
            }
            // A save is several events (temp file, rename): one reload.
            if !changed.is_empty() {
                for action in self.files_changed(changed) {
                    effects.extend(update(&mut self.app, action));
                }
            }
            self.draw(terminal)?;
            if effects.is_empty() {
                continue;
            }
            for effect in effects {
                self.perform(effect);
            }
            if self.app.quit {
                return Ok(());
            }
            self.draw(terminal)?;
        }
        Ok(())
    }

    fn draw(&self, terminal: &mut crate::terminal::AppTerminal) -> Result<(), String> {
        terminal
            .draw(|frame| crate::ui::render(&self.app, frame))
            .map(|_| ())
            .map_err(|e| crate::i18n::status::CANNOT_DRAW.fill(self.app.lang, &[("why", &e)]))
    }

    fn action_for(&self, event: Event) -> Option<Action> {
        match event {
            // Only presses and repeats: some terminals also report releases.
            Event::Key(key) if key.kind != KeyEventKind::Release => lookup(context(&self.app), Key::from_event(&key)),
            Event::Paste(text) => match context(&self.app) {
                Context::LineEdit | Context::NoteEdit => Some(Action::Paste(text)),
                _ => None,
            },
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        }
    }

    /// Runs an effect and feeds its results back through `update`.
    fn perform(&mut self, effect: Effect) {
        let results = match effect {
            Effect::SaveVendor => self.start_save(),
            Effect::CreateVendor { name } => self.create_vendor(name),
            Effect::RenameVendor { path, name } => self.rename_vendor(path, name),
            Effect::ArchiveVendor { path } => self.archive_vendor(&path),
            Effect::ListArchived => self.list_archived(),
            Effect::RestoreVendor { slug } => self.restore_vendor(&slug),
            Effect::SaveLanguage(lang) => self.save_language(lang),
            Effect::OpenVendor { path, review } => self.open_vendor(&path, review),
            Effect::TakeOver => self.take_over(),
            Effect::SignOff { decision } => self.sign_off(decision),
            Effect::Comment { question, text } => self.comment(question, text),
            Effect::KeepMine { key, edits } => self.keep_mine(&key, &edits),
            Effect::Resolve { key, theirs } => self.resolve(&key, theirs),
            Effect::History { key } => self.history(key),
            Effect::AddEvidence { key, path, expires, expires_text } => {
                self.add_evidence(key, path, expires, expires_text)
            }
            Effect::CheckEvidence { files } => self.check_evidence(files),
            Effect::Reassess { path, on } => self.reassess(&path, on),
            Effect::CloseVendor => {
                self.lock = None;
                vec![]
            }
            Effect::ReloadVendors => {
                self.reload_vendors(true);
                vec![Action::VendorsLoaded]
            }
            Effect::Quit => vec![],
        };
        for action in results {
            let more = update(&mut self.app, action);
            for effect in more {
                self.perform(effect);
            }
        }
    }

    /// Lists the vendor files and loads their rows: at once if there are
    /// few, else in the background (`now`), or not yet (the first frame,
    /// before watching starts, shows file names only). Rows already shown
    /// stay until their new version comes in.
    fn set_questionnaire(&mut self, questionnaire: Arc<crate::domain::questionnaire::Questionnaire>) {
        self.app.questionnaire = questionnaire;
        self.questionnaire_ready = true;
    }

    /// The workspace folder as it starts paths in messages, to cut off:
    /// `vendors/acme.toml:3:9: …` says as much in far fewer cells.
    fn root_prefix(&self) -> String {
        format!("{}/", self.workspace.root.display())
    }

    fn short(&self, message: &str) -> String {
        message.replace(&self.root_prefix(), "")
    }
}
