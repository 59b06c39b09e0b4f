//! A workspace in a temporary folder and the binary run on it, as a user
//! runs `ccvet` from a shell: a clean environment, its own HOME, config
//! and data folders, no terminal on stdin.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;

pub struct Sandbox {
    pub dir: tempfile::TempDir,
    /// Set for every run besides HOME, the XDG folders, the config, the
    /// workspace and `LANG=C.UTF-8` (e.g. `CCVET_TODAY`, `USER`).
    env: Vec<(&'static str, String)>,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Sandbox {
    /// An initialised workspace, runs with `env` added.
    pub fn with_env(env: &[(&'static str, &str)]) -> Sandbox {
        let env = env.iter().map(|(k, v)| (*k, v.to_string())).collect();
        let s = Sandbox { dir: tempfile::tempdir().unwrap(), env };
        s.ok(&["init"]);
        s
    }

    pub fn ws(&self) -> PathBuf {
        self.dir.path().join("ws")
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.ws().join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let home = self.dir.path();
        let mut cmd = Command::cargo_bin("ccvet").unwrap();
        cmd.env_clear()
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("CCVET_CONFIG", home.join("config.toml"))
            .env("CCVET_WORKSPACE", self.ws())
            .env("LANG", "C.UTF-8")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .current_dir(home)
            .stdin(Stdio::null());
        let out = cmd.args(args).output().unwrap();
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        Run { code: out.status.code().unwrap_or(-1), stdout: text(&out.stdout), stderr: text(&out.stderr) }
    }

    /// Runs and asserts success.
    pub fn ok(&self, args: &[&str]) -> Run {
        let r = self.run(args);
        assert_eq!(r.code, 0, "{args:?} failed:\n{}{}", r.stdout, r.stderr);
        r
    }

    /// Runs and asserts it fails with `code`, saying `says` on stderr.
    pub fn fails(&self, args: &[&str], code: i32, says: &str) {
        let r = self.run(args);
        assert_eq!(r.code, code, "{args:?}:\n{}{}", r.stdout, r.stderr);
        assert!(r.stderr.contains(says), "{args:?} should say {says:?}:\n{}", r.stderr);
    }
}
