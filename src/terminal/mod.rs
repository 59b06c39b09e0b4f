//! The bytes that reach the terminal: a ratatui backend that says each
//! frame in as few bytes as a terminal will read correctly.
//!
//! Over SSH every byte is felt. ratatui's crossterm backend moves the cursor
//! before every cell that does not follow the last one (7 bytes, even to
//! skip one unchanged space or the right half of a Chinese character),
//! writes each style change as its own sequence, writes basic colours as
//! 256-colour ones, and ends every draw, even an empty one, with a reset and
//! a hide-cursor. This backend instead:
//!
//! - knows where the cursor is after each character, and moves it the
//!   cheapest way, or reprints a short run of unchanged ASCII cells that it
//!   knows the screen holds (a shadow of what it wrote) when that is shorter;
//! - joins a style change into one `CSI … m`, and picks the shorter of
//!   changing attributes one by one or resetting first;
//! - writes the 16 basic colours as `30–37`/`90–97`, which every terminal
//!   reads;
//! - wraps each frame in synchronized output (`CSI ?2026h … l`), so the
//!   terminal shows it whole, and writes it with one `write`;
//! - writes nothing at all when nothing changed.
//!
//! The cursor is trusted to advance by a character's width only where
//! terminals agree on that width (ASCII, and CJK ideographs and kana,
//! hangul and full-width forms); after anything else, such as an emoji,
//! the next cell is placed with an explicit move.

mod escape;

use escape::*;
use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// The app's terminal.
pub type AppTerminal = ratatui::Terminal<LeanBackend<io::Stdout>>;

/// Raw mode, the alternate screen and a lean backend. Undo with
/// `ratatui::restore`. The switch to the alternate screen is queued: it
/// goes out with the first frame, in the same write.
pub fn init() -> io::Result<AppTerminal> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::queue!(io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    ratatui::Terminal::new(LeanBackend::new(io::stdout(), Sizing::Terminal))
}

const SYNC_BEGIN: &[u8] = b"\x1b[?2026h";
const SYNC_END: &[u8] = b"\x1b[?2026l";

/// How the terminal's size is learnt: from the real terminal, or fixed (tests).
#[derive(Debug, Clone, Copy)]
pub enum Sizing {
    Terminal,
    Fixed(Size),
}

/// The pen: the style the terminal will give the next character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

const PLAIN: Pen = Pen { fg: Color::Reset, bg: Color::Reset, modifier: Modifier::empty() };

/// A cell the terminal is known to show, as far as reprinting it goes: a
/// single printable ASCII byte in a given style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Known {
    byte: u8,
    pen: Pen,
}

pub struct LeanBackend<W: Write> {
    out: W,
    sizing: Sizing,
    /// The frame being built; written out by `flush`.
    buf: Vec<u8>,
    /// What the terminal shows, where reprinting it is safe (see [`Known`]).
    shadow: Vec<Option<Known>>,
    width: u16,
    height: u16,
    /// Where the next character will go, if known.
    cursor: Option<(u16, u16)>,
    pen: Pen,
    cursor_visible: Option<bool>,
    in_sync: bool,
}

impl<W: Write> LeanBackend<W> {
    pub fn new(out: W, sizing: Sizing) -> Self {
        let mut backend = LeanBackend {
            out,
            sizing,
            buf: Vec::with_capacity(8 * 1024),
            shadow: Vec::new(),
            width: 0,
            height: 0,
            cursor: None,
            pen: PLAIN,
            cursor_visible: None,
            in_sync: false,
        };
        let size = backend.size().unwrap_or_default();
        backend.fit(size);
        backend
    }

    /// The writer, for tests that read what was written.
    pub fn writer(&self) -> &W {
        &self.out
    }

    /// For tests: the size a fixed-size terminal now has (a resize).
    pub fn set_fixed_size(&mut self, size: Size) {
        self.sizing = Sizing::Fixed(size);
    }

    /// The shadow is of the screen at its current size; on a resize
    /// ratatui clears the screen, and everything is unknown until then.
    fn fit(&mut self, size: Size) {
        if (size.width, size.height) != (self.width, self.height) {
            self.width = size.width;
            self.height = size.height;
            // ratatui takes a new screen to be blank (the alternate
            // screen starts so, and a resize clears it).
            let blank = Some(Known { byte: b' ', pen: PLAIN });
            self.shadow = vec![blank; usize::from(size.width) * usize::from(size.height)];
            self.cursor = None;
        }
    }

    fn index(&self, x: u16, y: u16) -> usize {
        usize::from(y) * usize::from(self.width) + usize::from(x)
    }

    fn begin(&mut self) {
        if !self.in_sync {
            self.buf.extend_from_slice(SYNC_BEGIN);
            self.in_sync = true;
        }
    }

    /// Puts the cursor at (x, y) the cheapest way: reprinting known cells
    /// between here and there, a relative move, or an absolute one.
    fn move_to(&mut self, x: u16, y: u16) {
        if self.cursor == Some((x, y)) {
            return;
        }
        if let Some((cx, cy)) = self.cursor
            && cy == y
            && cx < x
        {
            let gap = usize::from(x - cx);
            let forward = csi_len(u32::from(x - cx), 1);
            if gap <= forward && self.reprint(cx, x, y) {
                return;
            }
            if forward < absolute_len(x, y) {
                push_csi(&mut self.buf, u32::from(x - cx), b'C');
                self.cursor = Some((x, y));
                return;
            }
        }
        write_absolute(&mut self.buf, x, y);
        self.cursor = Some((x, y));
    }

    /// Reprints cells `from..to` of row `y` if the terminal is known to show
    /// them in the current pen; says whether it did.
    fn reprint(&mut self, from: u16, to: u16, y: u16) -> bool {
        let start = self.index(from, y);
        let end = self.index(to, y);
        let pen = self.pen;
        if !self.shadow[start..end].iter().all(|k| k.is_some_and(|k| k.pen == pen)) {
            return false;
        }
        for known in self.shadow[start..end].iter().flatten() {
            self.buf.push(known.byte);
        }
        self.cursor = Some((to, y));
        true
    }

    fn set_pen(&mut self, want: Pen) {
        if want == self.pen {
            return;
        }
        let mut step = Vec::with_capacity(8);
        changes(self.pen, want, &mut step);
        let mut fresh = vec![0u8];
        changes(PLAIN, want, &mut fresh);
        let params = if sgr_len(&fresh) < sgr_len(&step) { fresh } else { step };
        self.buf.extend_from_slice(b"\x1b[");
        for (i, p) in params.iter().enumerate() {
            if i > 0 {
                self.buf.push(b';');
            }
            push_num(&mut self.buf, u32::from(*p));
        }
        self.buf.push(b'm');
        self.pen = want;
    }

    fn put(&mut self, x: u16, y: u16, cell: &Cell) {
        if x >= self.width || y >= self.height {
            return;
        }
        self.move_to(x, y);
        self.set_pen(Pen { fg: cell.fg, bg: cell.bg, modifier: cell.modifier });
        let symbol = cell.symbol();
        let width = symbol.width();
        self.buf.extend_from_slice(symbol.as_bytes());
        let i = self.index(x, y);
        self.shadow[i] = match symbol.as_bytes() {
            [b] if (b' '..=b'~').contains(b) => Some(Known { byte: *b, pen: self.pen }),
            _ => None,
        };
        // The columns under a wide character show its right half.
        let covered = usize::from(self.width - x).min(width.max(1));
        for k in 1..covered {
            self.shadow[i + k] = None;
        }
        let next = usize::from(x) + width;
        self.cursor = if width_is_agreed(symbol) && next < usize::from(self.width) {
            Some((next as u16, y))
        } else {
            // At the last column the terminal waits to wrap; after a
            // character of disputed width, where the cursor went is unknown.
            None
        };
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut content = content.peekable();
        if content.peek().is_none() {
            return Ok(());
        }
        // After a resize, the first frame is drawn at the new size: cells
        // beyond the old one must not be dropped.
        let size = self.size()?;
        self.fit(size);
        self.begin();
        for (x, y, cell) in content {
            self.put(x, y, cell);
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(false) {
            self.begin();
            self.buf.extend_from_slice(b"\x1b[?25l");
            self.cursor_visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(true) {
            self.begin();
            self.buf.extend_from_slice(b"\x1b[?25h");
            self.cursor_visible = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        let (x, y) = self.cursor.unwrap_or_default();
        Ok(Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let p = position.into();
        if self.cursor != Some((p.x, p.y)) {
            self.begin();
            // Never by reprinting: the caret may sit in cells just changed.
            write_absolute(&mut self.buf, p.x, p.y);
            self.cursor = Some((p.x, p.y));
        }
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // ratatui clears after a resize, before drawing at the new size.
        let size = self.size()?;
        self.fit(size);
        self.begin();
        // Erasing fills with the pen's background: make it the default.
        self.set_pen(PLAIN);
        let sequence: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.buf.extend_from_slice(sequence);
        // Blank cells are known only after a whole-screen clear; after the
        // others, forget everything rather than track the region.
        let blank = (clear_type == ClearType::All).then_some(Known { byte: b' ', pen: PLAIN });
        self.shadow.iter_mut().for_each(|k| *k = blank);
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        match self.sizing {
            Sizing::Fixed(size) => Ok(size),
            Sizing::Terminal => crossterm::terminal::size().map(|(width, height)| Size { width, height }),
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let columns_rows = self.size()?;
        match self.sizing {
            Sizing::Fixed(_) => Ok(WindowSize { columns_rows, pixels: Size::default() }),
            Sizing::Terminal => {
                let w = crossterm::terminal::window_size()?;
                Ok(WindowSize { columns_rows, pixels: Size { width: w.width, height: w.height } })
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        let size = self.size()?;
        if !self.in_sync {
            // Nothing was drawn; only a resize needs noting.
            self.fit(size);
            return Ok(());
        }
        // Whatever prints next (a message on the way out) starts plain.
        self.set_pen(PLAIN);
        self.buf.extend_from_slice(SYNC_END);
        self.in_sync = false;
        let result = self.out.write_all(&self.buf).and_then(|()| self.out.flush());
        self.buf.clear();
        self.fit(size);
        result
    }
}

impl<W: Write> Drop for LeanBackend<W> {
    fn drop(&mut self) {
        // ratatui shows the cursor again as the terminal is dropped.
        let _ = self.flush();
    }
}

/// Terminals agree on the width of ASCII and of the wide scripts; emoji,
/// symbols and combining sequences vary from one terminal to another.
fn width_is_agreed(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return false };
    matches!(u32::from(c),
        0x20..=0x7e
        | 0xa0..=0x2ff // Latin-1 and Latin Extended
        | 0x370..=0x52f // Greek, Cyrillic
        | 0x2010..=0x2027 // dashes, quotes, ellipsis
        | 0x2190..=0x21ff // arrows
        | 0x2500..=0x25ff // box drawing, blocks, shapes
        | 0x2713..=0x2718 // check and ballot marks
        | 0x3000..=0x303f // CJK punctuation
        | 0x3040..=0x30ff // kana
        | 0x3400..=0x4dbf // CJK extension A
        | 0x4e00..=0x9fff // CJK ideographs
        | 0xac00..=0xd7a3 // hangul
        | 0xff01..=0xff60 // full-width forms
    )
}
