//! USB CDC-ACM console (what Pico users expect their REPL on), serviced from the USB interrupt.
//!
//! Received bytes go into [`RX`], the queue the UART also feeds. Output is written only while a
//! host holds DTR (a terminal is open), and is dropped after a bounded wait if the host stops
//! reading, so a closed terminal never blocks Python.

use core::cell::RefCell;
use critical_section::Mutex;
use mpy_board_common::rx_queue::SharedRxQueue;
use rp2040_hal::{
    clocks::UsbClock,
    pac::{self, interrupt},
    usb::UsbBus,
};
use usb_device::{class_prelude::UsbBusAllocator, prelude::*};
use usbd_serial::SerialPort;

/// Console input from UART and USB, oldest first.
pub static RX: SharedRxQueue<512> = SharedRxQueue::new();

/// Raspberry Pi's USB vendor ID and the product ID MicroPython boards use with it.
const VID_PID: UsbVidPid = UsbVidPid(0x2e8a, 0x0005);
/// Polls of the USB stack while waiting for room in the IN buffer before output is dropped.
const WRITE_RETRIES: u32 = 20_000;

struct UsbConsole {
    device: UsbDevice<'static, UsbBus>,
    serial: SerialPort<'static, UsbBus>,
}

impl UsbConsole {
    /// Runs the USB stack and moves received bytes into [`RX`].
    fn poll(&mut self) {
        if !self.device.poll(&mut [&mut self.serial]) {
            return;
        }
        let mut buf = [0u8; 64];
        while let Ok(n) = self.serial.read(&mut buf) {
            if n == 0 {
                break;
            }
            for &b in &buf[..n] {
                RX.push(b);
            }
        }
    }
}

static USB: Mutex<RefCell<Option<UsbConsole>>> = Mutex::new(RefCell::new(None));

pub fn init(
    regs: pac::USBCTRL_REGS,
    dpram: pac::USBCTRL_DPRAM,
    clock: UsbClock,
    resets: &mut pac::RESETS,
) {
    let Some(bus) = cortex_m::singleton!(: UsbBusAllocator<UsbBus> =
        UsbBusAllocator::new(UsbBus::new(regs, dpram, clock, true, resets)))
    else {
        return;
    };
    let serial = SerialPort::new(bus);
    let strings = StringDescriptors::default()
        .manufacturer("micropython-rs")
        .product("Board in FS mode")
        .serial_number("000000000000");
    let Ok(builder) = UsbDeviceBuilder::new(bus, VID_PID).strings(&[strings]) else {
        return;
    };
    // A 64-byte control endpoint: fewer control transfers, and what rp2040js's host expects.
    let Ok(builder) = builder
        .device_class(usbd_serial::USB_CLASS_CDC)
        .max_packet_size_0(64)
    else {
        return;
    };
    let device = builder.build();
    critical_section::with(|cs| {
        USB.borrow_ref_mut(cs)
            .replace(UsbConsole { device, serial })
    });
    // SAFETY: the handler only touches the USB console (behind a critical section) and RX.
    unsafe { cortex_m::peripheral::NVIC::unmask(pac::Interrupt::USBCTRL_IRQ) };
}

/// Writes `data` to the USB serial port if a terminal is connected.
pub fn write(mut data: &[u8]) {
    let mut retries = WRITE_RETRIES;
    while !data.is_empty() && retries > 0 {
        let sent = critical_section::with(|cs| {
            let mut usb = USB.borrow_ref_mut(cs);
            let usb = usb.as_mut()?;
            if !usb.serial.dtr() {
                return None;
            }
            let sent = usb.serial.write(data).unwrap_or(0);
            if sent == 0 {
                // IN buffer full: service the bus so the host can take what is queued.
                usb.poll();
            }
            Some(sent)
        });
        match sent {
            None => return,
            Some(0) => retries -= 1,
            Some(n) => data = &data[n..],
        }
    }
}

#[interrupt]
fn USBCTRL_IRQ() {
    critical_section::with(|cs| {
        if let Some(usb) = USB.borrow_ref_mut(cs).as_mut() {
            usb.poll();
        }
    });
}
