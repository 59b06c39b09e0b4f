//! The lean terminal backend: whatever it leaves out, a terminal (vt100)
//! fed its bytes shows exactly what ratatui's own backend makes it show.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ccvet::terminal::{LeanBackend, Sizing};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier, Style};
use ratatui::{TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

const PIECES: [&str; 12] =
    ["a", "vendor ", "  ", "供应商", "✓", "·", "│", "é", "😀", "x", "9 ", "Technical capability"];
const COLORS: [Color; 7] =
    [Color::Reset, Color::Red, Color::Green, Color::Cyan, Color::DarkGray, Color::LightYellow, Color::Indexed(200)];
const MODIFIERS: [Modifier; 5] =
    [Modifier::empty(), Modifier::BOLD, Modifier::DIM, Modifier::REVERSED, Modifier::BOLD.union(Modifier::UNDERLINED)];

fn style(rng: &mut fastrand::Rng) -> Style {
    let mut modifier = MODIFIERS[rng.usize(..MODIFIERS.len())] | MODIFIERS[rng.usize(..MODIFIERS.len())];
    // vt100 keeps one intensity, bold or dim (xterm shows both).
    if modifier.contains(Modifier::BOLD) {
        modifier.remove(Modifier::DIM);
    }
    Style::default()
        .fg(COLORS[rng.usize(..COLORS.len())])
        .bg(COLORS[rng.usize(..COLORS.len())])
        .add_modifier(modifier)
        .remove_modifier(Modifier::all() - modifier)
}

/// A writer whose bytes the test can read while the backend owns it.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(data);
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Two terminals show the same: every cell's text and style.
fn assert_same(screen: &vt100::Screen, reference: &vt100::Screen, context: &str) {
    let (rows, cols) = screen.size();
    for y in 0..rows.get() {
        for x in 0..cols.get() {
            let (a, b) = (screen.cell(y, x).unwrap(), reference.cell(y, x).unwrap());
            let at = format!("{context}: cell ({x}, {y})");
            // A blank the backend reprinted reads " ", one never written "".
            let text =
                |c: &vt100::Cell| if c.contents().is_empty() { " ".to_string() } else { c.contents().to_string() };
            assert_eq!(text(a), text(b), "{at}");
            assert_eq!(a.is_wide_continuation(), b.is_wide_continuation(), "{at} wide");
            assert_eq!(
                (a.bold(), a.dim(), a.italic(), a.underline(), a.inverse()),
                (b.bold(), b.dim(), b.italic(), b.underline(), b.inverse()),
                "{at} attributes"
            );
            assert_eq!((a.fgcolor(), a.bgcolor()), (b.fgcolor(), b.bgcolor()), "{at} colours");
        }
    }
    assert_eq!(screen.hide_cursor(), reference.hide_cursor(), "{context}: cursor shown");
    if !screen.hide_cursor() {
        assert_eq!(screen.cursor_position(), reference.cursor_position(), "{context}: caret");
    }
}

/// ratatui's own crossterm backend, the reference: it never leaves a cell
/// out, and moves the cursor before every gap.
fn reference(width: u16, height: u16, out: Shared) -> Terminal<CrosstermBackend<Shared>> {
    let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
    Terminal::with_options(CrosstermBackend::new(out), TerminalOptions { viewport }).unwrap()
}

fn terminal(width: u16, height: u16) -> Terminal<LeanBackend<Vec<u8>>> {
    Terminal::new(LeanBackend::new(Vec::new(), Sizing::Fixed(Size { width, height }))).unwrap()
}

#[test]
fn a_terminal_shows_what_the_standard_backend_shows() {
    for seed in 0..300 {
        let mut rng = fastrand::Rng::with_seed(seed);
        let (width, height) = (rng.u16(1..30), rng.u16(1..8));
        let mut lean = terminal(width, height);
        let standard_out = Shared::default();
        let mut standard = reference(width, height, standard_out.clone());
        let mut screens = [
            vt100::Parser::new(height.try_into().unwrap(), width.try_into().unwrap(), 0),
            vt100::Parser::new(height.try_into().unwrap(), width.try_into().unwrap(), 0),
        ];
        let mut seen = [0, 0];
        let mut previous: Vec<(u16, u16, String, Style)> = Vec::new();
        for frame_no in 0..8 {
            // Mostly the last frame with a few changes, as a key press makes.
            let mut writes: Vec<(u16, u16, String, Style)> =
                previous.iter().filter(|_| rng.u8(..10) > 1).cloned().collect();
            for _ in 0..rng.usize(1..6) {
                let text: String = (0..rng.usize(1..4)).map(|_| PIECES[rng.usize(..PIECES.len())]).collect();
                writes.push((rng.u16(..width), rng.u16(..height), text, style(&mut rng)));
            }
            let cursor = (rng.u8(..4) == 0).then(|| Position { x: rng.u16(..width), y: rng.u16(..height) });
            let render = |f: &mut ratatui::Frame| {
                for (x, y, text, style) in &writes {
                    f.buffer_mut().set_string(*x, *y, text, *style);
                }
                if let Some(p) = cursor {
                    f.set_cursor_position(p);
                }
            };
            lean.draw(render).unwrap();
            standard.draw(render).unwrap();
            let standard_bytes = standard_out.0.borrow();
            let outputs = [lean.backend().writer().as_slice(), standard_bytes.as_slice()];
            for i in 0..2 {
                screens[i].process(&outputs[i][seen[i]..]);
                seen[i] = outputs[i].len();
            }
            drop(standard_bytes);
            assert_same(screens[0].screen(), screens[1].screen(), &format!("seed {seed}, frame {frame_no}"));
            previous = writes;
        }
    }
}

#[test]
fn an_unchanged_frame_writes_nothing() {
    let mut term = terminal(20, 4);
    term.draw(|f| f.buffer_mut().set_string(0, 0, "供应商 ok", Style::default())).unwrap();
    let before = term.backend().writer().len();
    term.draw(|f| f.buffer_mut().set_string(0, 0, "供应商 ok", Style::default())).unwrap();
    assert_eq!(term.backend().writer().len(), before);
}

#[test]
fn one_changed_cell_is_one_move_and_one_byte_in_a_synchronized_update() {
    let mut term = terminal(20, 8);
    term.draw(|f| f.buffer_mut().set_string(0, 0, "abc", Style::default())).unwrap();
    let before = term.backend().writer().len();
    term.draw(|f| {
        f.buffer_mut().set_string(0, 0, "abc", Style::default());
        f.buffer_mut().set_string(10, 5, "b", Style::default());
    })
    .unwrap();
    assert_eq!(&term.backend().writer()[before..], b"\x1b[?2026h\x1b[6;11Hb\x1b[?2026l");
}

#[test]
fn wide_characters_and_short_gaps_need_no_cursor_moves() {
    let mut term = terminal(30, 2);
    let bold = Style::default().add_modifier(Modifier::BOLD);
    term.draw(|f| f.buffer_mut().set_string(0, 0, "供应商 a b", Style::default())).unwrap();
    let before = term.backend().writer().len();
    // "a" and "b" change, the space between them does not: it is reprinted.
    term.draw(|f| f.buffer_mut().set_string(0, 0, "供应商 x y", Style::default())).unwrap();
    assert_eq!(&term.backend().writer()[before..], b"\x1b[?2026h\x1b[1;8Hx y\x1b[?2026l");
    let before = term.backend().writer().len();
    term.draw(|f| {
        f.buffer_mut().set_string(0, 0, "供应商 x y", Style::default());
        f.buffer_mut().set_string(0, 1, "供应商 ok", bold);
    })
    .unwrap();
    let written = &term.backend().writer()[before..];
    let text = String::from_utf8_lossy(written);
    assert_eq!(text.matches('H').count(), 1, "one move for the whole row: {text:?}");
    assert!(text.contains("\x1b[1m"), "{text:?}");
}

#[test]
fn the_first_frame_after_a_resize_is_drawn_whole() {
    let mut term = terminal(20, 5);
    let mut vt = vt100::Parser::new(5.try_into().unwrap(), 20.try_into().unwrap(), 0);
    term.draw(|f| f.buffer_mut().set_string(0, 0, "small", Style::default())).unwrap();
    vt.process(term.backend().writer());
    let seen = term.backend().writer().len();
    // The terminal grows; the next frame fills it, corners included.
    term.backend_mut().set_fixed_size(Size { width: 40, height: 12 });
    vt.screen_mut().set_size(12.try_into().unwrap(), 40.try_into().unwrap());
    term.draw(|f| {
        f.buffer_mut().set_string(0, 0, "big", Style::default());
        f.buffer_mut().set_string(35, 11, "corner", Style::default());
        f.buffer_mut().set_string(30, 2, "供应商", Style::default());
    })
    .unwrap();
    vt.process(&term.backend().writer()[seen..]);
    let rows: Vec<String> = vt.screen().rows(0, 40).collect();
    assert!(rows[0].starts_with("big"), "{rows:?}");
    assert_eq!(rows[2].trim(), "供应商", "{rows:?}");
    assert_eq!(rows[11].trim(), "corne", "cut at the edge: {rows:?}");
}
