//! What xtask knows about each supported chip: its pin names, how many UARTs it has, its UF2
//! family id and its image format. Manifests are validated against this table.

/// How a chip's firmware image is laid out for flashing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageKind {
    /// A plain memory image (ELF segments at their physical addresses): UF2, HEX, BIN.
    Flat,
    /// ESP-IDF second-stage bootloader + partition table + app, as espflash builds it.
    EspIdf,
    /// The ESP8266 ROM bootloader's v1 image format.
    Esp8266,
}

pub struct Chip {
    /// The manifest's `chip` value.
    pub name: &'static str,
    pub uart_count: u8,
    /// The first UART's number (STM32 numbers USART1..USART6, others count from 0).
    pub first_uart: u8,
    /// The UF2 family id registered for this chip, if any (from the UF2 spec's families list).
    pub uf2_family: Option<u32>,
    pub image: ImageKind,
    /// Needs the Xtensa toolchain (espup) rather than a rustup target.
    pub xtensa: bool,
    pin_names: fn(&str) -> bool,
    pub pin_example: &'static str,
}

impl std::fmt::Debug for Chip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Chip({})", self.name)
    }
}

impl Chip {
    pub fn is_pin(&self, name: &str) -> bool {
        (self.pin_names)(name)
    }
}

pub const CHIPS: &[Chip] = &[
    Chip {
        name: "rp2040",
        uart_count: 2,
        first_uart: 0,
        uf2_family: Some(0xe48b_ff56),
        image: ImageKind::Flat,
        xtensa: false,
        pin_names: |p| numbered(p, "GP", 0, 29),
        pin_example: "GP0..GP29",
    },
    Chip {
        name: "nrf51822",
        uart_count: 1,
        first_uart: 0,
        uf2_family: Some(0x1b57_745f),
        image: ImageKind::Flat,
        xtensa: false,
        pin_names: |p| numbered(p, "P0.", 0, 31) && p.len() == 5,
        pin_example: "P0.00..P0.31",
    },
    Chip {
        name: "nrf52833",
        uart_count: 2,
        first_uart: 0,
        uf2_family: Some(0x621e_937a),
        image: ImageKind::Flat,
        xtensa: false,
        pin_names: |p| p.len() == 5 && (numbered(p, "P0.", 0, 31) || numbered(p, "P1.", 0, 9)),
        pin_example: "P0.00..P0.31, P1.00..P1.09",
    },
    Chip {
        name: "stm32f405",
        uart_count: 6,
        first_uart: 1,
        uf2_family: Some(0x5775_5a57),
        image: ImageKind::Flat,
        xtensa: false,
        pin_names: |p| {
            ["PA", "PB", "PC", "PD", "PE", "PF", "PG", "PH"]
                .iter()
                .any(|port| numbered(p, port, 0, 15))
                || numbered(p, "PI", 0, 11)
        },
        pin_example: "PA0..PH15, PI0..PI11",
    },
    Chip {
        name: "esp32c3",
        uart_count: 2,
        first_uart: 0,
        uf2_family: Some(0xd42b_a06c),
        image: ImageKind::EspIdf,
        xtensa: false,
        pin_names: |p| numbered(p, "GPIO", 0, 21),
        pin_example: "GPIO0..GPIO21",
    },
    Chip {
        name: "esp32",
        uart_count: 3,
        first_uart: 0,
        uf2_family: Some(0x1c5f_21b0),
        image: ImageKind::EspIdf,
        xtensa: true,
        // GPIO20, 24 and 28..31 do not exist on the ESP32.
        pin_names: |p| {
            numbered(p, "GPIO", 0, 39)
                && !["GPIO20", "GPIO24", "GPIO28", "GPIO29", "GPIO30", "GPIO31"].contains(&p)
        },
        pin_example: "GPIO0..GPIO39 (no 20, 24, 28..31)",
    },
    Chip {
        name: "esp8266",
        uart_count: 2,
        first_uart: 0,
        uf2_family: Some(0x7eab_61ed),
        image: ImageKind::Esp8266,
        xtensa: true,
        pin_names: |p| numbered(p, "GPIO", 0, 16),
        pin_example: "GPIO0..GPIO16",
    },
];

pub fn find(name: &str) -> Option<&'static Chip> {
    CHIPS.iter().find(|c| c.name == name)
}

pub fn names() -> Vec<&'static str> {
    CHIPS.iter().map(|c| c.name).collect()
}

/// `prefix` followed by a decimal number in `lo..=hi` (leading zeros allowed: nRF "P0.05").
fn numbered(name: &str, prefix: &str, lo: u32, hi: u32) -> bool {
    name.strip_prefix(prefix)
        .filter(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|digits| digits.parse::<u32>().ok())
        .is_some_and(|n| (lo..=hi).contains(&n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pin_names_per_chip() {
        let rp = find("rp2040").unwrap();
        assert!(rp.is_pin("GP25") && rp.is_pin("GP0") && !rp.is_pin("GP30") && !rp.is_pin("P25"));
        let nrf = find("nrf51822").unwrap();
        assert!(nrf.is_pin("P0.13") && nrf.is_pin("P0.05") && !nrf.is_pin("P0.5"));
        assert!(!nrf.is_pin("P0.32"));
        let stm = find("stm32f405").unwrap();
        assert!(
            stm.is_pin("PA9") && stm.is_pin("PI11") && !stm.is_pin("PI12") && !stm.is_pin("PZ1")
        );
        let esp = find("esp32").unwrap();
        assert!(esp.is_pin("GPIO2") && !esp.is_pin("GPIO20") && !esp.is_pin("GPIO40"));
    }
}
