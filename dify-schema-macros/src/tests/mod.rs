//! Tests of the macros without the compiler: snapshots of whole expansions
//! (as diesel_derives' `src/tests/mod.rs` does), and unit tests of each
//! stage on its own.
//!
//! Snapshots live in `src/tests/snapshots/`. After a deliberate change to
//! the expansion, review and accept them with
//! `INSTA_UPDATE=always cargo test -p dify-schema-macros` (or `cargo insta review`).

mod expansion;
mod parsing;
mod rust_types;
mod string_enums;
mod validation;

use proc_macro2::TokenStream;

/// Runs `#[entity(args)] item` through the whole pipeline and pretty-prints
/// what it generates.
fn expand(args: TokenStream, item: TokenStream) -> String {
    pretty(crate::entity_inner(args, item))
}

/// Pretty-prints generated tokens, failing the test if they are not a
/// valid Rust file.
fn pretty(tokens: TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(error) => panic!("the expansion is not valid Rust: {error}\n\n{tokens}"),
    }
}

/// The message of each error folded into `error`, in the order reported.
fn messages(error: syn::Error) -> Vec<String> {
    error.into_iter().map(|error| error.to_string()).collect()
}
