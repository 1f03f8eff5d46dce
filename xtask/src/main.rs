//! `cargo xtask <command>`: builds, packages, checks, flashes and runs micropython-rs boards.
//! One command per module; this file only dispatches.

mod bench;
mod build;
mod check;
mod chips;
mod dist;
mod elf;
mod esp;
mod esp8266_map;
mod fatimg;
mod flash;
mod freeze;
mod gen;
mod ihex;
mod known_modules;
mod list;
mod manifest;
mod new_board;
mod output;
mod package;
mod paths;
mod run;
mod size;
mod suggest;
mod tomltree;
mod toolchain;
mod uf2;
mod validate;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [args]

commands:
  list                       boards, their outputs, and any toolchain they lack
  check                      validate every manifest in manifests/
  build <board>...           build firmware and images into dist/<board>/
  dist                       build every board into dist/ (skips boards whose inputs are unchanged)
  size [core] [<board>...]   .text of the core size probe (minimal and full profiles) against
                             160 KB (`core`, or no arguments), then flash and RAM per board
  new-board <id> --from <board>   write manifests/<id>.toml extending <board>
  flash <board> [--drive <dir>] [--port <serial port>]   write the image to a board
  run <board>                boot the board's firmware in its emulator, REPL on this terminal
  bench [--filter T] [--runs N] [--markdown F]   time bench/*.py against CPython
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(err) = paths::enter_repo_root() {
        eprintln!("error: {err}");
        return ExitCode::FAILURE;
    }
    let Some((command, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::FAILURE;
    };
    let result = match command.as_str() {
        "list" => list::run(rest),
        "check" => check::run(rest),
        "build" => build::run(rest),
        "dist" => dist::run(rest),
        "size" => size::run(rest),
        "new-board" => new_board::run(rest),
        "flash" => flash::run(rest),
        "run" => run::run(rest),
        "bench" => bench::run(rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!(
            "unknown command '{other}'{}\n{USAGE}",
            suggest::did_you_mean(
                other,
                [
                    "list",
                    "check",
                    "build",
                    "dist",
                    "size",
                    "new-board",
                    "flash",
                    "run",
                    "bench"
                ]
            )
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod esp8266_link_tests;
#[cfg(test)]
mod manifest_tests;
#[cfg(test)]
mod package_tests;
#[cfg(test)]
mod test_support;
