//! A file's history from git: every commit that changed it, with the
//! file's text at that commit and at its parents. One `git log` and one
//! `git cat-file --batch` process, whatever the number of commits.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use super::{GitError, git};

/// One commit that changed the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub commit: String,
    pub author: String,
    /// Author date, strict ISO 8601.
    pub date: String,
    pub subject: String,
    /// The file's text at this commit (`None`: deleted there, or not text).
    pub text: Option<String>,
    /// The file's text at each parent (`None`: absent there).
    pub parents: Vec<Option<String>>,
}

/// Every commit that changed `repo_path`, oldest first (merges included,
/// so a conflict's resolution shows).
pub fn versions(dir: &Path, repo_path: &str) -> Result<Vec<Version>, GitError> {
    let log = git(
        dir,
        &[
            "log",
            "--reverse",
            "--full-history",
            "--format=%H%x1f%P%x1f%an%x1f%aI%x1f%s%x1e",
            "--",
            &format!(":(literal){repo_path}"),
        ],
    )?;
    let log = String::from_utf8_lossy(&log);
    let mut commits = Vec::new();
    for record in log.split('\u{1e}') {
        let record = record.trim_start_matches('\n');
        if record.is_empty() {
            continue;
        }
        let f: Vec<&str> = record.split('\u{1f}').collect();
        if f.len() < 5 {
            continue;
        }
        let parents: Vec<String> = f[1].split_whitespace().map(str::to_string).collect();
        commits.push((f[0].to_string(), parents, f[2].to_string(), f[3].to_string(), f[4].to_string()));
    }
    let mut wanted: Vec<String> = Vec::new();
    for (commit, parents, ..) in &commits {
        wanted.push(commit.clone());
        wanted.extend(parents.iter().cloned());
    }
    let blobs = blobs_at(dir, &wanted, repo_path)?;
    let mut blobs = blobs.into_iter();
    let mut out = Vec::with_capacity(commits.len());
    for (commit, parents, author, date, subject) in commits {
        let text = blobs.next().flatten();
        let parents = parents.iter().map(|_| blobs.next().flatten()).collect();
        out.push(Version { commit, author, date, subject, text, parents });
    }
    Ok(out)
}

/// The file's text at revision `rev` (`None`: no such file there).
pub fn file_at(dir: &Path, rev: &str, repo_path: &str) -> Result<Option<String>, GitError> {
    // An unknown revision is the user's mistake: say so plainly.
    git(dir, &["rev-parse", "--verify", "--quiet", &format!("{rev}^{{commit}}")])
        .map_err(|_| GitError::Failed(format!("no revision `{rev}` in this repository")))?;
    Ok(blobs_at(dir, &[rev.to_string()], repo_path)?.into_iter().next().flatten())
}

/// The text of `repo_path` at each revision, through one `git cat-file
/// --batch`.
fn blobs_at(dir: &Path, revs: &[String], repo_path: &str) -> Result<Vec<Option<String>>, GitError> {
    if revs.is_empty() {
        return Ok(Vec::new());
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound { GitError::NoGit } else { GitError::Failed(e.to_string()) }
        })?;
    let mut requests = String::new();
    for rev in revs {
        requests.push_str(&format!("{rev}:{repo_path}\n"));
    }
    let mut stdin = child.stdin.take().ok_or_else(|| GitError::Failed("cannot talk to git cat-file".into()))?;
    // Written from another thread, so a full pipe never stalls both sides.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(requests.as_bytes());
    });
    let stdout = child.stdout.take().ok_or_else(|| GitError::Failed("cannot read git cat-file".into()))?;
    let mut reader = BufReader::new(stdout);
    let mut out = Vec::with_capacity(revs.len());
    let mut header = String::new();
    for _ in revs {
        header.clear();
        if reader.read_line(&mut header).map_err(|e| GitError::Failed(e.to_string()))? == 0 {
            break;
        }
        let parts: Vec<&str> = header.split_whitespace().collect();
        if parts.len() == 3 {
            let size: usize = parts[2].parse().map_err(|_| GitError::Failed("bad cat-file output".into()))?;
            let mut body = vec![0; size + 1];
            reader.read_exact(&mut body).map_err(|e| GitError::Failed(e.to_string()))?;
            body.pop();
            out.push(if parts[1] == "blob" { String::from_utf8(body).ok() } else { None });
        } else {
            // `<rev>:<path> missing`: absent at that revision.
            out.push(None);
        }
    }
    let _ = writer.join();
    let _ = child.wait();
    out.resize(revs.len(), None);
    Ok(out)
}
