//! Stage 3: the IR to Rust.
//!
//! One module per thing generated. Expanders trust the IR (validation has
//! run) and never report errors; checks that only rustc can make (a
//! parent's ownership, a string enum's values) are emitted as constant
//! assertions spanned at the user's tokens, in `checks.rs`.

mod checks;
mod describe;
mod model;
mod persist;
mod scoped;
mod table;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::Entity;

/// Everything one `#[entity]` generates.
pub fn expand(entity: &Entity) -> TokenStream {
    let row = model::row_struct(entity);
    let forms = model::forms(entity);
    let table_module = table::table_module(entity);
    let entity_impl = describe::entity_impl(entity);
    let row_impls = model::row_impls(entity);
    let persist = persist::persist_impl(entity);
    let scoped = scoped::scoped_impls(entity);
    let joins = table::joins(entity);
    let checks = checks::checks(entity);
    quote! {
        #row
        #forms
        #table_module
        const _: () = {
            #entity_impl
            #row_impls
            #persist
            #scoped
            #joins
            #checks
        };
    }
}

/// The path through which generated code reaches the runtime.
pub fn rt() -> TokenStream {
    quote!(::dify_schema::__private)
}
