//! `dify-load`: issue 15's load run.
//!
//! Without the `baseline` feature this binary only says how to build it;
//! see `load/src/run.rs` (behind the feature) for what it does.

#[cfg(feature = "baseline")]
mod run;

#[cfg(feature = "baseline")]
fn main() -> std::process::ExitCode {
    run::main()
}

#[cfg(not(feature = "baseline"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "dify-load was built without its `baseline` feature (sqlx, tokio, hyper), which it needs.\n\
         Build the dify service first, then run the load:\n\
         \n    cargo build --release --example service\n    \
         cargo run --release -p dify-load --features baseline\n"
    );
    std::process::ExitCode::from(2)
}
