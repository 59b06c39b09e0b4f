//! The only code that reads the terminal, does I/O and draws.
//!
//! Keys, pastes, resizes and signals arrive on one channel, so an idle app
//! sleeps in `recv` and draws nothing. After a batch of events the frame is
//! drawn first, then the effects run (a save's fsync never delays the frame
//! that shows the answer), then the frame is drawn again if they changed
//! anything ("saved").

use std::io::Write;
use std::path::Path;
use std::sync::mpsc;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;

use super::action::{Action, Effect};
use super::keymap::{Context, Key, context, lookup};
use super::state::{App, Interview, Screen, StatusKind, VendorRow};
use super::update::update;
use crate::domain::text::Lang;
use crate::storage::Error;
use crate::storage::atomic::RealFs;
use crate::storage::lock::{self, Acquired, VendorLock};
use crate::storage::questionnaire::Loaded;
use crate::storage::vendor::{Meta, VendorFile};
use crate::storage::workspace::Workspace;
use crate::summary;

/// What the app starts with.
pub struct Setup {
    pub questionnaire: Loaded,
    pub workspace: Workspace,
    pub lang: Lang,
    pub user: String,
    pub no_color: bool,
}

enum Incoming {
    Terminal(Event),
    /// SIGTERM or SIGHUP (a dropped SSH link): leave cleanly.
    Signal,
    InputClosed,
}

/// Runs the app until the user quits or a signal asks it to stop.
pub fn run(setup: Setup) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    listen_for_signals(tx.clone())?;
    let mut terminal = ratatui::try_init().map_err(|e| format!("cannot start the terminal: {e}"))?;
    // ratatui's panic hook restores the screen; bracketed paste is ours to
    // switch off, on every way out.
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableBracketedPaste);
        previous(info);
    }));
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
    let size = terminal.size().unwrap_or_default();
    let mut runner = Runner {
        app: App::new(setup.questionnaire.questionnaire, setup.lang, size.width, size.height),
        workspace: setup.workspace,
        user: setup.user,
        lock: None,
    };
    runner.app.no_color = setup.no_color;
    runner.reload_vendors();
    let result = runner.event_loop(&mut terminal, &rx);
    // Nothing pending is dropped silently on the way out.
    runner.save_pending();
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    let _ = std::io::stdout().flush();
    let unsaved: Vec<String> =
        runner.app.interview.as_ref().map(|iv| iv.pending.iter().map(|p| p.key.clone()).collect()).unwrap_or_default();
    if !unsaved.is_empty() {
        return Err(format!("these answers could not be saved: {}", unsaved.join(", ")));
    }
    result
}

fn listen_for_signals(tx: mpsc::Sender<Incoming>) -> Result<(), String> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]).map_err(|e| format!("cannot watch for signals: {e}"))?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Incoming::Signal);
        }
    });
    Ok(())
}

struct Runner {
    app: App,
    workspace: Workspace,
    user: String,
    /// The writer lock of the open vendor.
    lock: Option<VendorLock>,
}

impl Runner {
    fn event_loop(
        &mut self,
        terminal: &mut ratatui::DefaultTerminal,
        rx: &mpsc::Receiver<Incoming>,
    ) -> Result<(), String> {
        self.draw(terminal)?;
        while let Ok(first) = rx.recv() {
            let mut effects = Vec::new();
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
                }
                next = rx.try_recv().ok();
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

    fn draw(&self, terminal: &mut ratatui::DefaultTerminal) -> Result<(), String> {
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
            Effect::SaveVendor => self.save_pending(),
            Effect::CreateVendor { name } => self.create_vendor(name),
            Effect::OpenVendor { path } => self.open_vendor(&path),
            Effect::CloseVendor => {
                self.lock = None;
                vec![]
            }
            Effect::ReloadVendors => {
                self.reload_vendors();
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

    fn reload_vendors(&mut self) {
        let paths = match self.workspace.vendor_paths() {
            Ok(paths) => paths,
            Err(e) => {
                self.app.say(StatusKind::Error, e.to_string());
                return;
            }
        };
        let root = self.root_prefix();
        let rows = summary::load(&self.app.questionnaire, &paths)
            .into_iter()
            .zip(&paths)
            .map(|(result, path)| match result {
                Ok(s) => {
                    let changed = s.modified.map(crate::system::local_short).unwrap_or_default();
                    VendorRow::Ok { summary: Box::new(s), changed }
                }
                Err(e) => VendorRow::Unreadable {
                    path: path.clone(),
                    slug: crate::storage::vendor::slug_of(path),
                    error: e.to_string().lines().next().unwrap_or_default().replace(&root, ""),
                },
            })
            .collect();
        self.app.set_vendors(rows);
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
        match self.workspace.create_vendor(&meta, &RealFs) {
            Ok(v) => {
                self.reload_vendors();
                vec![Action::VendorCreated { slug: v.slug }]
            }
            Err(e) => vec![Action::CreateFailed { name, message: self.short(&e.to_string()) }],
        }
    }

    fn open_vendor(&mut self, path: &Path) -> Vec<Action> {
        self.lock = None;
        let lock = match lock::try_acquire(path, &crate::system::holder(&self.user), self.workspace.modes.file) {
            Ok(Acquired::Mine(lock)) => lock,
            Ok(Acquired::Theirs(holder)) => {
                let who = holder
                    .map_or_else(|| "someone".to_string(), |h| format!("{} on {} (since {})", h.user, h.host, h.since));
                return vec![Action::Failed(format!(
                    "{who} is interviewing this vendor; try again when they leave it"
                ))];
            }
            Err(e) => return vec![Action::Failed(self.short(&Error::io(&lock::lock_path(path), e).to_string()))],
        };
        match VendorFile::load(path) {
            Ok(vendor) => {
                self.lock = Some(lock);
                let iv = Interview::new(&self.app.questionnaire, vendor);
                self.app.interview = Some(iv);
                self.app.screen = Screen::Interview;
                self.app.overlay = None;
                vec![Action::Resize(self.app.width, self.app.height)]
            }
            Err(e) => vec![Action::Failed(self.short(e.to_string().lines().next().unwrap_or_default()))],
        }
    }

    /// The workspace folder as it starts paths in messages, to cut off:
    /// `vendors/acme.toml:3:9: …` says as much in far fewer cells.
    fn root_prefix(&self) -> String {
        format!("{}/", self.workspace.root.display())
    }

    fn short(&self, message: &str) -> String {
        message.replace(&self.root_prefix(), "")
    }

    /// Saves the open vendor's pending edits in order; stops at the first
    /// failure, which stays pending (and on screen) for a retry.
    fn save_pending(&mut self) -> Vec<Action> {
        let root = self.root_prefix();
        let mode = self.workspace.modes.file;
        let q = &self.app.questionnaire;
        let Some(iv) = self.app.interview.as_mut() else { return vec![] };
        let mut results = Vec::new();
        while let Some(p) = iv.pending.first().cloned() {
            match iv.vendor.save(q, &p.key, &p.edits, &RealFs, mode) {
                Ok(_) => {
                    iv.pending.remove(0);
                    results.push(Action::Saved { key: p.key });
                }
                Err(e @ Error::Conflict { .. }) => {
                    iv.pending.remove(0);
                    let message = e.to_string().replace(&root, "");
                    results.push(Action::SaveFailed { key: p.key, message, conflict: true });
                }
                Err(e) => {
                    let message = e.to_string().replace(&root, "");
                    results.push(Action::SaveFailed { key: p.key, message, conflict: false });
                    break;
                }
            }
        }
        results
    }
}
