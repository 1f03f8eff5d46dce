//! What the banner says about the firmware and the board it runs on.

/// Firmware version shown in the banner.
pub const FIRMWARE_VERSION: &str = env!("CARGO_PKG_VERSION");
/// UTC build date shown in the banner (`YYYY-MM-DD`), stamped by build.rs.
pub const BUILD_DATE: &str = env!("MPY_BUILD_DATE");

/// Identity of a board, from its generated `board_config.rs`.
#[derive(Clone, Copy, Debug)]
pub struct BoardInfo {
    /// Human-readable board name (`BOARD_NAME`), e.g. "PYBv1.1".
    pub board_name: &'static str,
    /// Microcontroller (`MCU`), e.g. "STM32F405RG".
    pub mcu: &'static str,
}

impl BoardInfo {
    /// Writes the MicroPython-style banner line (without line ending) piece by piece, so no
    /// formatting machinery or buffer is needed.
    pub fn write_banner(&self, mut out: impl FnMut(&[u8])) {
        for part in [
            "MicroPython-rs v",
            FIRMWARE_VERSION,
            " on ",
            BUILD_DATE,
            "; ",
            self.board_name,
            " with ",
            self.mcu,
        ] {
            out(part.as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::vec::Vec;

    #[test]
    fn banner_names_board_and_mcu() {
        let info = BoardInfo {
            board_name: "PYBv1.1",
            mcu: "STM32F405RG",
        };
        let mut text = Vec::new();
        info.write_banner(|b| text.extend_from_slice(b));
        let text = std::string::String::from_utf8(text).unwrap();
        assert!(text.starts_with("MicroPython-rs v0.1.0 on "), "{text}");
        assert!(text.ends_with("; PYBv1.1 with STM32F405RG"), "{text}");
        let date = &text["MicroPython-rs v0.1.0 on ".len()..][..10];
        assert!(
            date.as_bytes()
                .iter()
                .enumerate()
                .all(|(i, c)| if i == 4 || i == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }),
            "bad date {date}"
        );
    }
}
