//! Compile-fail suite: declarations that must not compile, each with the
//! error the schema author sees, blessed in a `.stderr` next to the case.
//!
//! Layout: `ui/<category>/<sentence_like_name>.rs`, one mistake per file.
//! `ui/declaration/` holds mistakes in `#[entity]` declarations;
//! `ui/isolation/` holds code against `dify_models` that would break tenant
//! isolation (an unscoped query, an id used under another scope, a form
//! that sets `tenant_id`, a write without the role's capability);
//! `ui/mysql/` holds the same isolation cases written against a MySQL
//! connection (a `Scope<'_, C, MySql>`), which must fail alike;
//! `ui/async/` holds the ways async code could carry a scope's ids or the
//! scope itself beyond it (across `.await` into another scope, in a
//! returned future, in a spawned task) and a write without the capability
//! on an `AsyncScope`. An
//! isolation case must be otherwise valid code: a borrow-check error such
//! as E0521 (the brand) is only reported when type checking succeeded, so
//! any other mistake in the same function would hide it. Every category
//! directory is picked up by the glob below.
//!
//! The `.stderr` snapshots hold rustc's wording, which changes between
//! releases, so `ui/RUSTC_VERSION` records the `rustc --version` they were
//! blessed with, and a mismatch is printed before trybuild runs.
//!
//! Re-bless after a deliberate change:
//!
//! ```text
//! TRYBUILD=overwrite cargo test -p dify-tests --test compile_fail
//! git diff tests/ui    # review every changed .stderr
//! ```

use std::path::Path;
use std::process::Command;

/// Where the blessed rustc version is recorded, relative to this package.
const RUSTC_VERSION_FILE: &str = "ui/RUSTC_VERSION";

#[test]
fn compile_fail() {
    check_rustc_version();
    // trybuild resolves the glob against the working directory, which
    // `cargo test` sets to this package's directory (`tests/`).
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*/*.rs");
}

/// Prints the running rustc against the one the snapshots were blessed
/// with. A mismatch does not skip the suite: the message only explains the
/// wording diffs that are likely to follow. Under `TRYBUILD=overwrite` the
/// record is updated along with the snapshots.
fn check_rustc_version() {
    let rustc = std::env::var("RUSTC").unwrap_or("rustc".into());
    let running = match Command::new(&rustc).arg("--version").output() {
        Ok(output) if output.status.success() => {
            String::from_utf8_lossy(&output.stdout).trim().to_owned()
        }
        Ok(output) => {
            eprintln!(
                "compile_fail: `{rustc} --version` failed ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            );
            return;
        }
        Err(error) => {
            eprintln!("compile_fail: could not run `{rustc} --version`: {error}");
            return;
        }
    };

    let record = Path::new(env!("CARGO_MANIFEST_DIR")).join(RUSTC_VERSION_FILE);
    let blessed = std::fs::read_to_string(&record)
        .map(|text| text.trim().to_owned())
        .unwrap_or_default();
    let overwrite = std::env::var_os("TRYBUILD").is_some_and(|mode| mode == "overwrite");

    if blessed == running {
        eprintln!(
            "compile_fail: {running}, the same rustc the .stderr snapshots were blessed with"
        );
        return;
    }

    let blessed_text = if blessed.is_empty() {
        format!(
            "an unknown rustc ({} is missing or empty)",
            record.display()
        )
    } else {
        blessed.clone()
    };
    eprintln!(
        "\n\
         ==================== rustc version mismatch ====================\n\
         The .stderr snapshots under tests/ui were blessed with\n\
         \x20   {blessed_text}\n\
         but this run uses\n\
         \x20   {running}\n\
         so differences in rustc's own wording are expected; compare the\n\
         diffs below with that in mind. To re-bless with this rustc:\n\
         \x20   TRYBUILD=overwrite cargo test -p dify-tests --test compile_fail\n\
         then review the diff of tests/ui (git diff tests/ui) before committing:\n\
         a changed message must still point at the user's token and say what to do.\n\
         ================================================================\n"
    );
    if overwrite {
        match std::fs::write(&record, format!("{running}\n")) {
            Ok(()) => eprintln!(
                "compile_fail: TRYBUILD=overwrite, so {} now records {running}",
                record.display()
            ),
            Err(error) => eprintln!(
                "compile_fail: could not update {}: {error}",
                record.display()
            ),
        }
    }
}
