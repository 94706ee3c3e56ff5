//! What a declaration with mistakes expands to besides the errors: the
//! struct as declared, without the DSL's attributes, so that one mistake
//! does not turn every use of the type into a second error (thiserror's
//! `fallback.rs`).

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::{table_literal, TableParts};
use crate::parse::{EntityDecl, FieldDecl};
use crate::tokens::rt;

/// The struct and a stub `impl Entity`, which keeps `schema!` and other
/// entities' relations from reporting "not an entity" on top of the real
/// mistake.
pub fn fallback(decl: &EntityDecl) -> TokenStream {
    let rt = rt();
    let attrs = &decl.attrs;
    let vis = &decl.vis;
    let ident = &decl.ident;
    let fields = decl.fields.iter().map(|field| {
        let FieldDecl {
            attrs,
            vis,
            ident,
            ty,
            ..
        } = field;
        quote!(#(#attrs)* #vis #ident: #ty,)
    });
    let table = decl
        .args
        .table
        .as_ref()
        .map_or_else(|| ident.to_string(), syn::LitStr::value);
    let literal = table_literal(TableParts::empty(table.clone(), ident.to_string()));
    quote! {
        #(#attrs)*
        #vis struct #ident { #(#fields)* }

        const _: () = {
            impl #rt::Entity for #ident {
                const TABLE: &'static #rt::schema::Table = &#literal;
                const TABLE_NAME: &'static str = #table;
                type New<'t> = ();
                type Changes<'t> = ();
                type Key = ();
                type Ref<'t> = #rt::types::Uuid;
                fn key(&self) -> Self::Key {}
            }
        };
    }
}
