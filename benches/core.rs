//! Benchmarks of the core, one command: `cargo bench --bench core`.
//! Scoring (all answers, and one changed), loading a questionnaire, loading
//! a vendor file, saving one answer (fsyncs included), a key in the
//! interview (update, draw, encode for the terminal), and drawing one
//! interview frame, each on the
//! default questionnaire and on generated ones of 400 and 4,000 questions
//! (drawing must cost the same at 4,000 as at 40: only what shows is built).

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;

use ccvet::app::action::Action;
use ccvet::app::state::{App, Interview, Screen};
use ccvet::app::update::update;
use ccvet::domain::answers::{Answer, Edit, Value};
use ccvet::domain::scoring::{rescore, score};
use ccvet::domain::text::Lang;
use ccvet::storage::atomic::RealFs;
use ccvet::storage::questionnaire::{EMBEDDED, parse};
use ccvet::storage::vendor::VendorFile;
use ccvet::terminal::{LeanBackend, Sizing};
use ccvet::workload::{Rng, questionnaire, questionnaire_with_conditions, vendor};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

struct Workload {
    name: String,
    text: String,
    vendor_text: String,
}

fn workloads() -> Vec<Workload> {
    let mut out = vec![Workload {
        name: "default (38 q)".into(),
        text: EMBEDDED.to_string(),
        vendor_text: "vendor = \"Bench\"\nassessed_on = 2026-11-24\n\n[answers.\"basic.licence-scope\"]\nvalue = \"nationwide\"\n\n[answers.\"tech.iso27001\"]\nvalue = true\n".into(),
    }];
    for n in [400, 4000] {
        let mut rng = Rng::new(42);
        let g = questionnaire(n, &mut rng);
        let vendor_text = vendor(1, &g.keys, &mut rng);
        out.push(Workload { name: format!("generated ({n} q)"), text: g.text, vendor_text });
    }
    out
}

fn benches(c: &mut Criterion) {
    let path = Path::new("/bench/vendors/bench.toml");
    for w in workloads() {
        let (q, _) = parse(&w.text).unwrap_or_else(|p| panic!("{p:?}"));
        let v = VendorFile::parse(path, w.vendor_text.clone()).unwrap_or_else(|e| panic!("{e}"));

        c.bench_with_input(BenchmarkId::new("load questionnaire", &w.name), &w.text, |b, text| {
            b.iter(|| black_box(parse(black_box(text)).is_ok()))
        });
        c.bench_with_input(BenchmarkId::new("load vendor file", &w.name), &w.vendor_text, |b, text| {
            b.iter(|| black_box(VendorFile::parse(path, black_box(text.clone())).is_ok()))
        });
        c.bench_function(&format!("score/{}", w.name), |b| {
            b.iter(|| black_box(score(&q, black_box(&v.answers), v.meta.assessed_on)))
        });
        // What an interview does on every answer: one answer changed.
        let yesno = q.questions().find(|x| x.kind.name() == "yesno").map(|x| x.key.clone()).unwrap_or_default();
        let mut answers = v.answers.clone();
        let mut report = score(&q, &answers, v.meta.assessed_on);
        let mut flip = false;
        c.bench_function(&format!("rescore one answer/{}", w.name), |b| {
            b.iter(|| {
                flip = !flip;
                answers.insert(yesno.clone(), Answer { value: Some(Value::Bool(flip)), ..Answer::default() });
                rescore(&q, &mut report, &answers, v.meta.assessed_on, &yesno);
                black_box(report.score)
            })
        });

        // Saving one answer to a real file: temp file, fsync, rename, fsync.
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("vendors").join("bench.toml");
        std::fs::create_dir_all(file.parent().unwrap_or(dir.path())).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&file, &w.vendor_text).unwrap_or_else(|e| panic!("{e}"));
        let mut saved = VendorFile::load(&file).unwrap_or_else(|e| panic!("{e}"));
        let key = q.questions().find(|x| x.kind.name() == "yesno").map(|x| x.key.clone()).unwrap_or_default();
        let mut flip = false;
        c.bench_function(&format!("save one answer (fsync)/{}", w.name), |b| {
            b.iter(|| {
                flip = !flip;
                saved
                    .save(&q, &key, &[Edit::Value(Value::Bool(flip))], &RealFs, 0o600)
                    .unwrap_or_else(|e| panic!("{e}"))
            })
        });

        // A key in the interview, as the app handles it: update the state,
        // draw, and encode the changed cells for the terminal.
        let mut app = App::new(q.clone(), Lang::En, 80, 24);
        app.interview = Some(Interview::new(&q, v.clone()));
        app.screen = Screen::Interview;
        let size = ratatui::layout::Size { width: 80, height: 24 };
        let mut terminal =
            Terminal::new(LeanBackend::new(std::io::sink(), Sizing::Fixed(size))).unwrap_or_else(|e| panic!("{e}"));
        let mut down = false;
        c.bench_function(&format!("key next question: update + draw + encode 80x24/{}", w.name), |b| {
            b.iter(|| {
                down = !down;
                update(&mut app, if down { Action::Down } else { Action::Up });
                terminal.draw(|f| ccvet::ui::render(&app, f)).unwrap_or_else(|e| panic!("{e}"));
            })
        });

        // Drawing one interview frame.
        for (cols, rows) in [(80, 24), (120, 40)] {
            let mut app = App::new(q.clone(), Lang::En, cols, rows);
            app.interview = Some(Interview::new(&q, v.clone()));
            app.screen = Screen::Interview;
            let mut terminal = Terminal::new(TestBackend::new(cols, rows)).unwrap_or_else(|e| panic!("{e}"));
            c.bench_function(&format!("draw interview {cols}x{rows}/{}", w.name), |b| {
                b.iter(|| {
                    terminal.draw(|f| ccvet::ui::render(&app, f)).unwrap_or_else(|e| panic!("{e}"));
                })
            });
        }
    }
}

/// Scoring with `show_if` conditions (questionnaire v2) at 400 and 4,000
/// questions: a full score, and a re-score after one answer changed, for a
/// question under a condition and for one that controls others (which
/// re-scores everything: it may show or hide questions anywhere).
fn conditional(c: &mut Criterion) {
    let path = Path::new("/bench/vendors/bench.toml");
    for n in [400, 4000] {
        let mut rng = Rng::new(42);
        let g = questionnaire_with_conditions(n, &mut rng);
        let vendor_text = vendor(1, &g.keys, &mut rng);
        let name = format!("generated with conditions ({n} q)");
        let (q, _) = parse(&g.text).unwrap_or_else(|p| panic!("{p:?}"));
        let v = VendorFile::parse(path, vendor_text).unwrap_or_else(|e| panic!("{e}"));
        c.bench_function(&format!("score/{name}"), |b| {
            b.iter(|| black_box(score(&q, black_box(&v.answers), v.meta.assessed_on)))
        });
        let pick = |kind: &str, controls: bool| {
            q.questions()
                .skip(7)
                .find(|x| x.kind.name() == kind && q.controls(&x.key) == controls)
                .map(|x| x.key.clone())
                .unwrap_or_default()
        };
        for (what, key, values) in [
            ("a conditional question", pick("rating", false), [Value::Integer(1), Value::Integer(4)]),
            ("a controlling question", pick("choice", true), [Value::Str("o0".into()), Value::Str("o3".into())]),
        ] {
            let mut answers = v.answers.clone();
            let mut report = score(&q, &answers, v.meta.assessed_on);
            let mut flip = 0;
            c.bench_function(&format!("rescore one answer, {what}/{name}"), |b| {
                b.iter(|| {
                    flip = 1 - flip;
                    answers.insert(key.clone(), Answer { value: Some(values[flip].clone()), ..Answer::default() });
                    rescore(&q, &mut report, &answers, v.meta.assessed_on, &key);
                    black_box(report.score)
                })
            });
        }
    }
}

criterion_group! {
    name = core;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = benches, conditional
}
criterion_main!(core);
