//! `embed_migrations!("../migrations")`: the migrations directory compiled
//! into the binary, so a service applies its migrations at start-up without
//! shipping files.
//!
//! Every file goes in through `include_str!`, so editing one rebuilds; a new
//! directory needs the calling crate to rerun on `migrations/` changes (a
//! `build.rs` with `cargo:rerun-if-changed=../migrations`). `schema.json`,
//! the record of the schema the migrations produce, comes along for `check`.

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::quote;
use syn::LitStr;

use crate::tokens::rt;

pub fn embed(input: TokenStream) -> syn::Result<TokenStream> {
    let relative: LitStr = syn::parse2(input).map_err(|error| {
        syn::Error::new(
            error.span(),
            "expected the migrations directory: `embed_migrations!(\"../migrations\")`",
        )
    })?;
    let manifest = std::env::var("CARGO_MANIFEST_DIR").map_err(|_| {
        syn::Error::new(
            relative.span(),
            "CARGO_MANIFEST_DIR is not set; build with cargo",
        )
    })?;
    let dir = Path::new(&manifest).join(relative.value());
    let entries = std::fs::read_dir(&dir).map_err(|error| {
        syn::Error::new(
            relative.span(),
            format!("cannot read {}: {error}", dir.display()),
        )
    })?;
    let mut migrations: Vec<(String, PathBuf)> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|error| syn::Error::new(relative.span(), error.to_string()))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() && !name.starts_with('.') && path.join("up.sql").exists() {
            migrations.push((name, path));
        }
    }
    migrations.sort();
    let rt = rt();
    let items = migrations.iter().map(|(name, path)| {
        let file = |file: &str| path.join(file).to_string_lossy().into_owned();
        let up = file("up.sql");
        let down = if path.join("down.sql").exists() {
            let down = file("down.sql");
            quote!(::core::include_str!(#down))
        } else {
            quote!("")
        };
        let metadata = if path.join("metadata.toml").exists() {
            let metadata = file("metadata.toml");
            quote!(::core::include_str!(#metadata))
        } else {
            quote!("")
        };
        let dify_schema = if path.join("dify_schema.json").exists() {
            let snapshot = file("dify_schema.json");
            quote!(::core::option::Option::Some(
                ::core::include_str!(#snapshot)
            ))
        } else {
            quote!(::core::option::Option::None)
        };
        quote! {
            #rt::EmbeddedMigration {
                name: #name,
                up: ::core::include_str!(#up),
                down: #down,
                metadata: #metadata,
                dify_schema: #dify_schema,
            }
        }
    });
    let record = dir.join("schema.json");
    let record = if record.exists() {
        let record = record.to_string_lossy().into_owned();
        quote!(::core::option::Option::Some(::core::include_str!(#record)))
    } else {
        quote!(::core::option::Option::None)
    };
    Ok(quote! {{
        static MIGRATIONS: &[#rt::EmbeddedMigration] = &[#(#items),*];
        #rt::MigrationSet::embedded(MIGRATIONS, #record)
    }})
}
