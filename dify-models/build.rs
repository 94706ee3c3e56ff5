//! Rebuilds the crate when `migrations/` changes, so that
//! `embed_migrations!` picks up a migration directory added since the last
//! build (cargo tracks the files `include_str!` names, not new ones).

fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
