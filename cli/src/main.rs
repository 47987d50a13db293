//! The `qem` binary: the whole program is the library's [`qem_cli::run`].

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(qem_cli::run(std::env::args_os().collect()))
}
