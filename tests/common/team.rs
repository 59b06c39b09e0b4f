//! Real Unix accounts for the tests of trust between team members: a
//! group and a few accounts made with `groupadd`/`useradd` (removed
//! afterwards), and ccvet run as each with `setpriv`. Only root can do
//! this (CI runs as root); elsewhere the tests say why they skip.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;

/// `useradd` and `groupadd` lock /etc/passwd: one at a time.
static ACCOUNTS: Mutex<()> = Mutex::new(());

pub struct Team {
    pub group: String,
    pub users: Vec<String>,
    /// Holds the workspace and a copy of the binary every account can run.
    pub dir: tempfile::TempDir,
    pub bin: PathBuf,
}

fn n_accounts(n: usize) -> usize {
    n.min(5)
}

fn run_quietly(program: &str, args: &[&str]) -> bool {
    Command::new(program).args(args).output().is_ok_and(|o| o.status.success())
}

impl Team {
    /// A group with `n` accounts in it, or `None` (and why, printed) where
    /// accounts cannot be made.
    pub fn new(n_wanted: usize) -> Option<Team> {
        if !rustix::process::geteuid().is_root() {
            eprintln!("skipped: making Unix accounts needs root (CI runs as root)");
            return None;
        }
        for tool in ["useradd", "groupadd", "setpriv"] {
            if !run_quietly("sh", &["-c", &format!("command -v {tool}")]) {
                eprintln!("skipped: `{tool}` is not installed");
                return None;
            }
        }
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let roles = ["ann", "bob", "cat", "dan", "eve"];
        let _guard = ACCOUNTS.lock().unwrap_or_else(|e| e.into_inner());
        // Short names (they must fit the vendor list's columns), new ones
        // where an earlier run left an account behind.
        for _ in 0..64 {
            let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let tag = format!("{:04x}", (std::process::id().wrapping_mul(7919).wrapping_add(n * 104_729)) & 0xffff);
            let group = format!("cvt{tag}");
            if !run_quietly("groupadd", &[&group]) {
                continue;
            }
            let users: Vec<String> = roles[..n_accounts(n_wanted)].iter().map(|r| format!("{r}{tag}")).collect();
            let mut made = Vec::new();
            for user in &users {
                // Each account has its own primary group, as on a real
                // server; the team's group is a supplementary one.
                if run_quietly("useradd", &["-M", "-U", "-G", &group, "-s", "/bin/sh", user]) {
                    made.push(user.clone());
                }
            }
            if made.len() == users.len() {
                drop(_guard);
                return Some(Team::around(group, users));
            }
            for user in made {
                let _ = run_quietly("userdel", &[&user]);
                let _ = run_quietly("groupdel", &[&user]);
            }
            let _ = run_quietly("groupdel", &[&group]);
        }
        panic!("could not make test accounts with useradd");
    }

    fn around(group: String, users: Vec<String>) -> Team {
        let dir = tempfile::tempdir().unwrap();
        set_mode(dir.path(), 0o755);
        Team { group, users, dir, bin: shared_binary() }
    }

    /// The workspace folder (made by the test, e.g. with `init --group`).
    pub fn ws(&self) -> PathBuf {
        self.dir.path().join("ws")
    }

    /// Makes the workspace with `ccvet init --group` (as root, as an
    /// administrator would) and returns the team.
    pub fn with_workspace(self) -> Team {
        let out = Command::new(&self.bin)
            .args(["init", "--group", &self.group])
            .arg(self.ws())
            .env("CCVET_CONFIG", "/nonexistent")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        self
    }

    /// The words that run a program as `user` (primary group its own,
    /// the team's among its groups), as a login would.
    pub fn as_user(&self, user: &str) -> Vec<String> {
        ["setpriv", "--reuid", user, "--regid", user, "--init-groups"].iter().map(|s| s.to_string()).collect()
    }

    /// ccvet on the team's workspace as `user`, in a sealed environment.
    pub fn ccvet(&self, user: &str, args: &[&str]) -> Command {
        let words = self.as_user(user);
        let mut cmd = Command::new(&words[0]);
        cmd.args(&words[1..])
            .arg(&self.bin)
            .arg("--workspace")
            .arg(self.ws())
            .args(args)
            .env_clear()
            .env("CCVET_CONFIG", "/nonexistent")
            .env("HOME", self.dir.path())
            .env("LANG", "C.UTF-8")
            .env("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin")
            .stdin(std::process::Stdio::null());
        cmd
    }

    pub fn run(&self, user: &str, args: &[&str]) -> Output {
        self.ccvet(user, args).output().unwrap()
    }

    /// Runs and insists on success; its standard output.
    pub fn ok(&self, user: &str, args: &[&str]) -> String {
        let out = self.run(user, args);
        assert!(out.status.success(), "{user} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// A plain shell as `user`, in the workspace: what anyone can do
    /// without ccvet.
    pub fn shell(&self, user: &str, script: &str) -> Output {
        let words = self.as_user(user);
        Command::new(&words[0])
            .args(&words[1..])
            .args(["sh", "-c", script])
            .current_dir(self.ws())
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .output()
            .unwrap()
    }
}

impl Drop for Team {
    fn drop(&mut self) {
        let _guard = ACCOUNTS.lock().unwrap_or_else(|e| e.into_inner());
        for user in &self.users {
            let _ = run_quietly("userdel", &[user]);
            let _ = run_quietly("groupdel", &[user]);
        }
        let _ = run_quietly("groupdel", &[&self.group]);
    }
}

/// A copy of ccvet every account can run (the build folder may be private),
/// made once per test process, by `cp`: written from this process, its
/// open handle would leak for a moment into the children other threads
/// start, and running it would then fail with "text file busy".
fn shared_binary() -> PathBuf {
    static BIN: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BIN.get_or_init(|| {
        let dir = tempfile::Builder::new().prefix("ccvet-bin-").tempdir().unwrap().keep();
        set_mode(&dir, 0o755);
        let bin = dir.join("ccvet");
        let copied = Command::new("cp").arg(env!("CARGO_BIN_EXE_ccvet")).arg(&bin).status().unwrap();
        assert!(copied.success(), "cp of the binary failed");
        set_mode(&bin, 0o755);
        bin
    })
    .clone()
}

pub fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// `find ws -printf '%m %u %g %p'` with the workspace's own path cut off.
pub fn modes(team: &Team) -> String {
    let out = Command::new("find").arg(team.ws()).args(["-printf", "%m %u %g %p\n"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort_by_key(|l| l.split(' ').nth(3).unwrap_or("").to_string());
    lines.join("\n").replace(&team.ws().display().to_string(), "ws")
}
