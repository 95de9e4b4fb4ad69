//! The `hasila` command line: one file per subcommand in `cmd/`, the work in the library.

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// hasila (حصيلة): casualty figures from Arabic news, each with the words that state it.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Extract(cmd::extract::Args),
    Report(cmd::report::Args),
    Explain(cmd::explain::Args),
    Numbers(cmd::numbers::Args),
    Rules(cmd::rules::Args),
}

/// mimalloc: extraction allocates many small, short-lived vectors and strings per article on
/// every core, where it is markedly faster than the system allocator (README, speed); asked
/// for plain blocks wherever they are aligned enough (`hasila::alloc`).
#[global_allocator]
static GLOBAL: hasila::alloc::MiMalloc = hasila::alloc::MiMalloc;

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Extract(a) => cmd::extract::run(a),
        Command::Report(a) => match a.check() {
            Ok(()) => cmd::report::run(a),
            Err(message) => return cmd::usage(message),
        },
        Command::Explain(a) => cmd::explain::run(a),
        Command::Numbers(a) => cmd::numbers::run(a),
        Command::Rules(a) => cmd::rules::run(a),
    };
    cmd::exit(result)
}
