//! The `smm-audit` binary: everything happens in the library's `cli` module.

fn main() -> std::process::ExitCode {
    smm_audit::cli::main()
}
