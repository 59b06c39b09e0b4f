//! The escape sequences the lean backend writes, and their lengths in
//! bytes (to pick the cheaper of two ways to get somewhere).

use super::*;

/// SGR parameters that take the terminal from one pen to another.
pub(super) fn changes(from: Pen, to: Pen, out: &mut Vec<u8>) {
    const ATTRS: [(Modifier, u8, u8); 9] = [
        (Modifier::BOLD, 1, 22),
        (Modifier::DIM, 2, 22),
        (Modifier::ITALIC, 3, 23),
        (Modifier::UNDERLINED, 4, 24),
        (Modifier::SLOW_BLINK, 5, 25),
        (Modifier::RAPID_BLINK, 6, 25),
        (Modifier::REVERSED, 7, 27),
        (Modifier::HIDDEN, 8, 28),
        (Modifier::CROSSED_OUT, 9, 29),
    ];
    let removed = from.modifier - to.modifier;
    // One code ends both bold and dim (22), and both blinks (25): after
    // it, the one that stays is set again.
    let mut kept = from.modifier;
    for (modifier, _, off) in ATTRS {
        if removed.contains(modifier) && !out.contains(&off) {
            out.push(off);
            for (other, _, other_off) in ATTRS {
                if other_off == off {
                    kept.remove(other);
                }
            }
        }
    }
    for (modifier, on, _) in ATTRS {
        if to.modifier.contains(modifier) && !kept.contains(modifier) {
            out.push(on);
        }
    }
    if from.fg != to.fg {
        color(to.fg, 30, out);
    }
    if from.bg != to.bg {
        color(to.bg, 40, out);
    }
}

/// A colour's SGR parameters; `base` is 30 for the foreground, 40 for the
/// background.
pub(super) fn color(c: Color, base: u8, out: &mut Vec<u8>) {
    let basic = |n: u8| base + n;
    let bright = |n: u8| base + 60 + n;
    match c {
        Color::Reset => out.push(base + 9),
        Color::Black => out.push(basic(0)),
        Color::Red => out.push(basic(1)),
        Color::Green => out.push(basic(2)),
        Color::Yellow => out.push(basic(3)),
        Color::Blue => out.push(basic(4)),
        Color::Magenta => out.push(basic(5)),
        Color::Cyan => out.push(basic(6)),
        Color::Gray => out.push(basic(7)),
        Color::DarkGray => out.push(bright(0)),
        Color::LightRed => out.push(bright(1)),
        Color::LightGreen => out.push(bright(2)),
        Color::LightYellow => out.push(bright(3)),
        Color::LightBlue => out.push(bright(4)),
        Color::LightMagenta => out.push(bright(5)),
        Color::LightCyan => out.push(bright(6)),
        Color::White => out.push(bright(7)),
        Color::Indexed(n) => out.extend_from_slice(&[base + 8, 5, n]),
        Color::Rgb(r, g, b) => out.extend_from_slice(&[base + 8, 2, r, g, b]),
    }
}

pub(super) fn digits(n: u32) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

pub(super) fn sgr_len(params: &[u8]) -> usize {
    params.iter().map(|p| digits(u32::from(*p)) + 1).sum::<usize>() + 2
}

/// Length of `CSI n X`, where a count of 1 may be left out.
pub(super) fn csi_len(n: u32, default: u32) -> usize {
    3 + if n == default { 0 } else { digits(n) }
}

pub(super) fn absolute_len(x: u16, y: u16) -> usize {
    let row = digits(u32::from(y) + 1);
    if x == 0 { 3 + row } else { 4 + row + digits(u32::from(x) + 1) }
}

pub(super) fn write_absolute(buf: &mut Vec<u8>, x: u16, y: u16) {
    buf.extend_from_slice(b"\x1b[");
    push_num(buf, u32::from(y) + 1);
    if x > 0 {
        buf.push(b';');
        push_num(buf, u32::from(x) + 1);
    }
    buf.push(b'H');
}

pub(super) fn push_csi(buf: &mut Vec<u8>, n: u32, command: u8) {
    buf.extend_from_slice(b"\x1b[");
    if n != 1 {
        push_num(buf, n);
    }
    buf.push(command);
}

pub(super) fn push_num(buf: &mut Vec<u8>, n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[i..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(from: Pen, to: Pen) -> Vec<u8> {
        let mut out = Vec::new();
        changes(from, to, &mut out);
        out
    }

    #[test]
    fn removing_bold_keeps_dim() {
        let from = Pen { modifier: Modifier::BOLD | Modifier::DIM, ..PLAIN };
        let to = Pen { modifier: Modifier::DIM, ..PLAIN };
        assert_eq!(params(from, to), vec![22, 2]);
    }

    #[test]
    fn basic_colours_are_basic_codes() {
        let to = Pen { fg: Color::Cyan, bg: Color::Red, ..PLAIN };
        assert_eq!(params(PLAIN, to), vec![36, 41]);
        let to = Pen { fg: Color::LightGreen, bg: Color::DarkGray, ..PLAIN };
        assert_eq!(params(PLAIN, to), vec![92, 100]);
    }

    #[test]
    fn numbers_and_lengths() {
        let mut buf = Vec::new();
        write_absolute(&mut buf, 0, 4);
        assert_eq!(buf, b"\x1b[5H");
        assert_eq!(absolute_len(0, 4), 4);
        buf.clear();
        write_absolute(&mut buf, 79, 23);
        assert_eq!(buf, b"\x1b[24;80H");
        assert_eq!(absolute_len(79, 23), 8);
        assert_eq!(csi_len(1, 1), 3);
        assert_eq!(csi_len(12, 1), 5);
    }
}
