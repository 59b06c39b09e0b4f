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
    let signals = catch_signals()?;
    // On every way out, a panic too: bracketed paste off, the screen back.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    let mut terminal = crate::terminal::init().map_err(|e| {
        ratatui::restore();
        format!("cannot start the terminal: {e}")
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
    match crate::storage::policy::load(&runner.workspace.root) {
        Ok(policy) => runner.app.self_signoff = policy.self_signoff,
        Err(e) => runner.app.say(StatusKind::Error, e.to_string()),
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
    read_keys(tx);
    if let Some(questionnaire) = later {
        runner.set_questionnaire(questionnaire()?);
    }
    start_watching(runner.workspace.root.clone(), setup.force_poll, watch_tx);
    let result = runner.event_loop(&mut terminal, &rx);
    // Nothing pending is dropped silently on the way out.
    runner.finish_saves(&rx);
    restore_terminal();
    let unsaved: Vec<String> =
        runner.app.interview.as_ref().map(|iv| iv.pending.iter().map(|p| p.key.clone()).collect()).unwrap_or_default();
    if !unsaved.is_empty() {
        return Err(Failure::Other(format!("these answers could not be saved: {}", unsaved.join(", "))));
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
fn catch_signals() -> Result<signal_hook::iterator::Signals, String> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]).map_err(|e| format!("cannot watch for signals: {e}"))
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

struct Runner {
    app: App,
    workspace: Workspace,
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

fn few_and_small(paths: &[PathBuf]) -> bool {
    let (files, bytes) = LOAD_BEFORE_FIRST_FRAME;
    paths.len() <= files
        && paths.iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum::<u64>() <= bytes
}

/// Starts watching the workspace on a thread of its own: it reads the
/// review folders (and a poll reads every file), which must not delay the
/// first frame.
fn start_watching(root: PathBuf, force_poll: bool, tx: mpsc::Sender<Incoming>) {
    let (events, failed) = (tx.clone(), tx.clone());
    let spawned = std::thread::Builder::new().name("watch-start".into()).spawn(move || {
        let watch = super::watch::start(&root, force_poll, move |paths| {
            let _ = events.send(Incoming::Files(paths));
        });
        let _ = tx.send(Incoming::Watching(watch));
    });
    if let Err(e) = spawned {
        let _ = failed.send(Incoming::Watching(Err(format!("cannot watch the workspace: {e}"))));
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
        terminal.draw(|frame| crate::ui::render(&self.app, frame)).map(|_| ()).map_err(|e| format!("cannot draw: {e}"))
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
            Effect::OpenVendor { path, review } => self.open_vendor(&path, review),
            Effect::TakeOver => self.take_over(),
            Effect::SignOff { decision } => self.sign_off(decision),
            Effect::Comment { question, text } => self.comment(question, text),
            Effect::KeepMine { key, edits } => self.keep_mine(&key, &edits),
            Effect::Resolve { key, theirs } => self.resolve(&key, theirs),
            Effect::History { key } => self.history(key),
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

    fn reload_vendors(&mut self, now: bool) {
        if let Some(paths) = self.list_vendors() {
            self.load_rows(paths, now);
        }
    }

    /// The vendor files (a large folder takes a millisecond or two to list:
    /// once per load).
    fn list_vendors(&mut self) -> Option<Vec<PathBuf>> {
        self.workspace.vendor_paths().map_err(|e| self.app.say(StatusKind::Error, e.to_string())).ok()
    }

    fn load_rows(&mut self, paths: Vec<PathBuf>, now: bool) {
        self.load_generation += 1;
        let root = self.root_prefix();
        // Before the questionnaire is in, rows can only be file names.
        if self.questionnaire_ready && few_and_small(&paths) {
            let loaded = summary::load(&self.app.questionnaire, &paths);
            let rows = loaded.into_iter().zip(&paths).map(|(result, path)| row_of(path, result, &root)).collect();
            self.app.set_vendors(rows);
            self.app.vendors.loading = None;
            return;
        }
        let old = std::mem::take(&mut self.app.vendors.rows);
        let rows: Vec<VendorRow> = paths
            .iter()
            .map(|path| match old.binary_search_by(|r| r.path().cmp(path)) {
                Ok(at) => old[at].clone(),
                Err(_) => VendorRow::Loading { path: path.clone(), slug: crate::storage::vendor::slug_of(path) },
            })
            .collect();
        self.app.set_vendors(rows);
        self.app.vendors.loading = Some((0, paths.len()));
        self.app.vendors.refreshed.clear();
        if !now {
            return;
        }
        let (tx, generation) = (self.events.clone(), self.load_generation);
        let batch = (paths.len() / 16).max(32);
        let send = move |loaded: Vec<(usize, PathBuf, Result<summary::Summary, Error>)>| {
            let rows = loaded.into_iter().map(|(i, path, result)| (i, row_of(&path, result, &root))).collect();
            tx.send(Incoming::Loaded { generation, rows }).is_ok()
        };
        if let Err(e) = summary::load_in_background(self.app.questionnaire.clone(), paths, batch, send) {
            self.app.say(StatusKind::Error, format!("cannot load vendors in the background: {e}"));
        }
    }

    fn rows_loaded(&mut self, rows: Vec<(usize, VendorRow)>) {
        let n = rows.len();
        self.app.vendors_loaded(rows);
        if let Some((done, all)) = self.app.vendors.loading {
            self.app.vendors.loading = (done + n < all).then_some((done + n, all));
            if self.app.vendors.loading.is_none() {
                self.app.vendors.refreshed.clear();
            }
        }
    }

    fn create_vendor(&mut self, name: String) -> Vec<Action> {
        let q = &self.app.questionnaire;
        let meta = Meta {
            vendor: name,
            questionnaire: Some(q.id.clone()),
            questionnaire_version: Some(q.version),
            assessed_on: Some(crate::system::today()),
            interviewer: Some(self.user.clone()),
        };
        let name = meta.vendor.clone();
        match self.workspace.create_vendor_for(&meta, Some(q), &RealFs) {
            Ok(v) => {
                self.reload_vendors(true);
                vec![Action::VendorCreated { slug: v.slug }]
            }
            Err(e) => vec![Action::CreateFailed { name, message: self.short(&e.to_string()) }],
        }
    }

    /// Opens a vendor: as its writer when this account is its interviewer
    /// (or it has none) and no one else holds it; read-only otherwise,
    /// without taking the lock, so reading never blocks the interviewer.
    fn open_vendor(&mut self, path: &Path, review: bool) -> Vec<Action> {
        self.lock = None;
        let vendor = match VendorFile::load(path) {
            Ok(vendor) => vendor,
            Err(e) => return vec![Action::Failed(self.short(e.to_string().lines().next().unwrap_or_default()))],
        };
        let mine = vendor.meta.interviewer.as_deref().is_none_or(|who| who == self.user);
        let (lock, read_only) = if review || !mine {
            (None, Some(local_since(lock::holder_of(path).unwrap_or_default())))
        } else {
            match self.acquire(path) {
                Ok(Acquired::Mine(lock)) => (Some(lock), None),
                Ok(Acquired::Theirs(holder)) => (None, Some(local_since(holder.unwrap_or_default()))),
                Err(e) => return vec![Action::Failed(self.short(&Error::io(&lock::lock_path(path), e).to_string()))],
            }
        };
        self.lock = lock;
        let mut iv = Interview::new(&self.app.questionnaire, vendor);
        // No one writing: free to take over at once.
        iv.writer_left = read_only.as_ref().is_some_and(|h| h.user.is_empty());
        iv.read_only = read_only;
        iv.last_change = modified(path);
        let (reviews, errors) = self.load_reviews(path);
        iv.set_reviews(reviews);
        iv.review_errors = errors;
        self.app.interview = Some(iv);
        self.app.screen = if review { Screen::Review } else { Screen::Interview };
        self.app.overlay = None;
        vec![Action::Resize(self.app.width, self.app.height)]
    }

    fn load_reviews(&self, vendor: &Path) -> (Vec<review::Review>, Vec<String>) {
        let mut reviews = Vec::new();
        let mut errors = Vec::new();
        for r in review::load_all(vendor) {
            match r {
                Ok(r) => reviews.push(r),
                Err(e) => errors.push(self.short(e.to_string().lines().next().unwrap_or_default())),
            }
        }
        (reviews, errors)
    }

    fn acquire(&self, path: &Path) -> std::io::Result<Acquired> {
        lock::acquire_patiently(path, &crate::system::holder(&self.user), self.workspace.modes.file)
    }

    fn take_over(&mut self) -> Vec<Action> {
        let Some(path) = self.app.interview.as_ref().map(|iv| iv.vendor.path.clone()) else { return vec![] };
        match self.acquire(&path) {
            Ok(Acquired::Mine(lock)) => {
                // Start from what is on disk now, with this account recorded
                // as the interviewer.
                let recorded =
                    crate::storage::handover::record_interviewer(&path, &self.user, &RealFs, self.workspace.modes.file);
                match recorded {
                    Ok(fresh) => {
                        self.lock = Some(lock);
                        vec![Action::VendorChanged(Ok(Box::new(fresh))), Action::TookOver(true)]
                    }
                    Err(e) => vec![Action::Failed(self.short(&e.to_string()))],
                }
            }
            Ok(Acquired::Theirs(holder)) => vec![Action::LockChanged(holder), Action::TookOver(false)],
            Err(e) => vec![Action::Failed(e.to_string())],
        }
    }

    /// The git history of answer `key` of the open vendor (as `ccvet log
    /// VENDOR --question KEY`); one git log and one git cat-file.
    fn history(&mut self, key: String) -> Vec<Action> {
        let Some(path) = self.app.interview.as_ref().map(|iv| iv.vendor.path.clone()) else { return vec![] };
        let changes =
            crate::git::changes::answer_changes(&self.workspace.root, &path, &self.app.questionnaire, Some(&key))
                .map_err(|e| self.short(&e.to_string()));
        vec![Action::HistoryLoaded { key, changes }]
    }

    /// Settles a merge conflict in the open vendor's file, as `ccvet
    /// resolve` does: from the file on disk, never writing what does not read.
    fn resolve(&mut self, key: &str, theirs: bool) -> Vec<Action> {
        let Some(path) = self.app.interview.as_ref().map(|iv| iv.vendor.path.clone()) else { return vec![] };
        let side = if theirs { crate::storage::merge::Side::Theirs } else { crate::storage::merge::Side::Ours };
        let result = VendorFile::load(&path).and_then(|v| {
            let text = crate::storage::merge::resolve_text(v.text(), key, side)
                .map_err(|m| crate::storage::Error::refused(&path, m))?
                .ok_or_else(|| crate::storage::Error::refused(&path, format!("`{key}` is not in conflict")))?;
            let next = VendorFile::parse(&path, text.clone())?;
            crate::storage::atomic::write_atomic(&RealFs, &path, text.as_bytes(), self.workspace.modes.file)
                .map_err(|e| crate::storage::Error::io(&path, e))?;
            Ok(next)
        });
        match result {
            Ok(next) => vec![Action::VendorChanged(Ok(Box::new(next)))],
            Err(e) => vec![Action::Failed(self.short(&e.to_string()))],
        }
    }

    /// Someone else changed the answer being edited: theirs stays on disk,
    /// ours is written beside it.
    fn keep_mine(&mut self, key: &str, edits: &[crate::domain::answers::Edit]) -> Vec<Action> {
        let Some(iv) = self.app.interview.as_ref() else { return vec![] };
        match iv.vendor.keep_mine(&self.app.questionnaire, key, edits, &RealFs, self.workspace.modes.file) {
            Ok(mine) => {
                let name = mine.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                vec![Action::Failed(format!("✗ {key} was changed by someone else; theirs is kept, yours is in {name}"))]
            }
            Err(e) => vec![Action::Failed(self.short(&e.to_string()))],
        }
    }

    fn sign_off(&mut self, decision: review::Decision) -> Vec<Action> {
        let Some(iv) = self.app.interview.as_ref() else { return vec![] };
        if iv.disk_error.is_some() {
            // The digest would be of a version no longer on disk.
            return vec![Action::Failed("✗ not signed: the vendor file on disk does not read".to_string())];
        }
        let (path, signed) = (iv.vendor.path.clone(), review::digest(iv.vendor.text()));
        let at = crate::system::now_rfc3339();
        let result = review::update(
            &path,
            &self.user,
            |f| f.signoff = Some(review::SignOff { decision, at, digest: signed, comment: None }),
            &RealFs,
            self.workspace.modes,
        );
        self.after_review(&path, result.map(|_| format!("✓ {}", decision.name())))
    }

    fn comment(&mut self, question: Option<String>, text: String) -> Vec<Action> {
        let Some(path) = self.app.interview.as_ref().map(|iv| iv.vendor.path.clone()) else { return vec![] };
        let at = crate::system::now_rfc3339();
        let result = review::update(
            &path,
            &self.user,
            |f| f.comments.push(review::Comment { question, at, text }),
            &RealFs,
            self.workspace.modes,
        );
        self.after_review(&path, result.map(|_| "✓ comment saved".to_string()))
    }

    fn after_review(&mut self, path: &Path, result: Result<String, Error>) -> Vec<Action> {
        match result {
            Ok(done) => {
                self.app.say(StatusKind::Saved, done);
                let (reviews, errors) = self.load_reviews(path);
                vec![Action::ReviewsChanged(reviews, errors)]
            }
            Err(e) => vec![Action::Failed(self.short(&e.to_string()))],
        }
    }

    /// Files changed on disk: refresh the vendor list's rows for them, and
    /// the open vendor (its answers, its lock, its reviews) if among them.
    fn files_changed(&mut self, paths: Vec<PathBuf>) -> Vec<Action> {
        // A folder that appeared is watched from now on (what was written
        // in it before that is read by the reload below).
        if let Some(watch) = self.watch.as_mut() {
            for folder in paths.iter().filter(|p| super::watch::is_followed_folder(&self.workspace.root, p)) {
                watch.add(folder);
            }
        }
        let vendors = self.workspace.vendors_dir();
        let reviews = self.workspace.root.join("reviews");
        let mut affected: Vec<PathBuf> = paths
            .iter()
            .filter_map(|p| {
                let parent = p.parent()?;
                if parent == vendors {
                    Some(p.with_extension("toml"))
                } else if parent.parent() == Some(reviews.as_path()) {
                    Some(vendors.join(format!("{}.toml", parent.file_name()?.to_string_lossy())))
                } else {
                    None
                }
            })
            .collect();
        affected.sort();
        affected.dedup();
        // A folder appeared, went or was replaced (a git checkout, a copy):
        // everything may have changed.
        let whole = paths.iter().any(|p| p.extension().is_none() && !p.is_file());
        if whole {
            self.reload_vendors(true);
            if let Some(open) = self.app.interview.as_ref().map(|iv| iv.vendor.path.clone()) {
                affected.push(open);
            }
        }
        let root = self.root_prefix();
        for path in &affected {
            let row = path.is_file().then(|| {
                let result = summary::load_one(&self.app.questionnaire, path);
                row_of(path, result, &root)
            });
            self.app.replace_row(path, row);
        }
        let mut actions = vec![Action::VendorsLoaded];
        let Some(open) = self.app.interview.as_ref().map(|iv| iv.vendor.path.clone()) else { return actions };
        if !affected.contains(&open) {
            return actions;
        }
        if self.app.interview.as_ref().is_some_and(|iv| iv.saving > 0) {
            self.recheck_open = true;
            return actions;
        }
        actions.extend(self.check_open_vendor());
        actions
    }

    /// The open vendor's file, lock or reviews may have changed: what to
    /// tell the app.
    fn check_open_vendor(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(open) = self.app.interview.as_ref().map(|iv| iv.vendor.path.clone()) else { return actions };
        // Our own saves come back as events too: only a different text is
        // news (or the same text after an error: the file is back).
        let same = std::fs::read(&open)
            .is_ok_and(|b| Some(b.as_slice()) == self.app.interview.as_ref().map(|iv| iv.vendor.text().as_bytes()));
        let had_error = self.app.interview.as_ref().is_some_and(|iv| iv.disk_error.is_some());
        if !same || had_error {
            if let Some(iv) = self.app.interview.as_mut() {
                iv.last_change = modified(&open);
            }
            let fresh = VendorFile::load(&open)
                .map(Box::new)
                .map_err(|e| self.short(e.to_string().lines().next().unwrap_or_default()));
            actions.push(Action::VendorChanged(fresh));
        }
        actions.push(Action::LockChanged(lock::holder_of(&open).map(local_since)));
        let (reviews, errors) = self.load_reviews(&open);
        actions.push(Action::ReviewsChanged(reviews, errors));
        actions
    }

    /// The workspace folder as it starts paths in messages, to cut off:
    /// `vendors/acme.toml:3:9: …` says as much in far fewer cells.
    fn root_prefix(&self) -> String {
        format!("{}/", self.workspace.root.display())
    }

    fn short(&self, message: &str) -> String {
        message.replace(&self.root_prefix(), "")
    }

    /// Hands the open vendor's pending edits to the saving thread, unless
    /// a batch is already under way (its end starts the next).
    fn start_save(&mut self) -> Vec<Action> {
        if self.saver.is_none() {
            let events = self.events.clone();
            match saver::spawn(RealFs, move |done| events.send(Incoming::Saved(Box::new(done))).is_ok()) {
                Ok(saver) => self.saver = Some(saver),
                Err(e) => {
                    let key = self.app.interview.as_ref().and_then(|iv| iv.pending.first()).map(|p| p.key.clone());
                    let message = format!("cannot start saving: {e}");
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
            return vec![Action::SaveFailed { key, message: "the saving thread has stopped".into(), conflict: false }];
        }
        vec![]
    }

    /// A batch is done: the vendor as now on disk, the saved edits no
    /// longer pending, and the next batch started.
    fn save_done(&mut self, done: Box<saver::Done>) -> Vec<Action> {
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
                    let message = format!("{key} was changed by someone else; theirs is kept, yours is in {name}");
                    actions.push(Action::SaveFailed { key, message, conflict: true });
                }
                saver::Outcome::Failed(e) => {
                    // It stays pending (and on screen) for a retry.
                    let message = e.to_string().replace(&root, "");
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
    fn finish_saves(&mut self, rx: &mpsc::Receiver<Incoming>) {
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

/// The holder with `since` as this user's local time: a writer in Shanghai
/// and a reviewer in Frankfurt each read their own clock.
/// When `path` last changed, in Unix seconds.
fn modified(path: &Path) -> Option<i64> {
    let time = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    let secs = time.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    i64::try_from(secs).ok()
}

fn local_since(mut holder: lock::Holder) -> lock::Holder {
    if let Ok(t) = holder.since.parse::<jiff::Timestamp>() {
        holder.since = t.to_zoned_datetime(crate::system::local_zone()).strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
    }
    holder
}

/// A vendor list row from a loaded summary or the error that stopped it,
/// with "changed" in local time and paths relative to the workspace.
fn row_of(path: &Path, result: Result<summary::Summary, Error>, root: &str) -> VendorRow {
    match result {
        Ok(s) => {
            let changed = s.modified.map(crate::system::local_short).unwrap_or_default();
            VendorRow::Ok { summary: Box::new(s), changed }
        }
        Err(e) => VendorRow::Unreadable {
            path: path.to_path_buf(),
            slug: crate::storage::vendor::slug_of(path),
            error: e.to_string().lines().next().unwrap_or_default().replace(root, ""),
        },
    }
}
