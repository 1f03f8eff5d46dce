// Runs a micropython-rs RP2040 firmware ELF in rp2040js, with a UART bridged to stdin/stdout.
//
// usage: node run.mjs <firmware.elf> [--uart N] [--timeout-ms MS]
//
// rp2040js ships no boot ROM and models no flash chip behind the SSI, so the real ROM could
// not boot from flash anyway. Instead: copy the ELF's loadable segments into the emulated
// flash, point VTOR at the vector table after boot2 (0x10000100) and start from its reset
// vector. Firmware must be built with the board crate's `emulator` feature (no ROM calls).
import { readFileSync } from 'node:fs';
import { ConsoleLogger, LogLevel, Simulator } from 'rp2040js';

const FLASH_BASE = 0x10000000;
const BOOT2_SIZE = 0x100;
const PT_LOAD = 1;
/** UARTFR.RXFF: the 32-byte RX FIFO is full; rp2040js drops bytes fed then. */
const UARTFR_RXFF = 1 << 6;

function parseArgs(argv) {
  const opts = { elf: null, uart: 0, timeoutMs: 0 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--uart') opts.uart = Number(argv[++i]);
    else if (argv[i] === '--timeout-ms') opts.timeoutMs = Number(argv[++i]);
    else opts.elf = argv[i];
  }
  if (!opts.elf) {
    process.stderr.write('usage: node run.mjs <firmware.elf> [--uart N] [--timeout-ms MS]\n');
    process.exit(2);
  }
  return opts;
}

/** Copies the PT_LOAD segments whose load address is in flash into `flash`. */
function loadElfIntoFlash(elf, flash) {
  const view = new DataView(elf.buffer, elf.byteOffset, elf.byteLength);
  if (view.getUint32(0, false) !== 0x7f454c46 || elf[4] !== 1 || elf[5] !== 1) {
    throw new Error('not a 32-bit little-endian ELF file');
  }
  const phoff = view.getUint32(0x1c, true);
  const phentsize = view.getUint16(0x2a, true);
  const phnum = view.getUint16(0x2c, true);
  let loaded = 0;
  for (let i = 0; i < phnum; i++) {
    const ph = phoff + i * phentsize;
    const type = view.getUint32(ph, true);
    const offset = view.getUint32(ph + 4, true);
    const paddr = view.getUint32(ph + 12, true);
    const filesz = view.getUint32(ph + 16, true);
    if (type !== PT_LOAD || filesz === 0) continue;
    if (paddr < FLASH_BASE || paddr + filesz > FLASH_BASE + flash.length) {
      throw new Error(`segment at 0x${paddr.toString(16)} is not in flash`);
    }
    flash.set(elf.subarray(offset, offset + filesz), paddr - FLASH_BASE);
    loaded += filesz;
  }
  if (loaded === 0) throw new Error('no loadable segments');
}

const opts = parseArgs(process.argv.slice(2));
const sim = new Simulator();
const rp = sim.rp2040;
rp.logger = new ConsoleLogger(LogLevel.Error);
loadElfIntoFlash(readFileSync(opts.elf), rp.flash);

const vectors = FLASH_BASE + BOOT2_SIZE;
rp.core.VTOR = vectors;
rp.core.SP = rp.flashView.getUint32(BOOT2_SIZE, true);
rp.core.PC = rp.flashView.getUint32(BOOT2_SIZE + 4, true) & ~1;

const uart = rp.uart[opts.uart];
uart.onByte = (b) => process.stdout.write(Uint8Array.of(b));

// On a terminal, pass every key through (Ctrl-C, Ctrl-D, Ctrl-A belong to the REPL).
if (process.stdin.isTTY) process.stdin.setRawMode(true);

// Host input waits here until the RX FIFO has room.
const pending = [];
process.stdin.on('data', (chunk) => pending.push(...chunk));
process.stdin.on('end', () => {});
setInterval(() => {
  while (pending.length > 0 && !(uart.flags & UARTFR_RXFF)) uart.feedByte(pending.shift());
}, 1);

if (opts.timeoutMs > 0) {
  setTimeout(() => {
    process.stderr.write(`rp2040js: stopped after ${opts.timeoutMs} ms (PC=0x${rp.core.PC.toString(16)})\n`);
    process.exit(0);
  }, opts.timeoutMs);
}
sim.execute();
