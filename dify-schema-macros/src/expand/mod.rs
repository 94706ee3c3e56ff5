//! Stage 3: the IR to Rust.
//!
//! One module per thing generated, siblings that never call each other:
//! each reads the IR (`ir.rs`), its derived facts (`props.rs`) and the
//! shared spelling of runtime paths (`tokens.rs`). Expanders trust the IR
//! (validation has run) and never report errors; checks that only rustc
//! can make (a parent's ownership, a string enum's values) are emitted as
//! constant assertions spanned at the user's tokens, in `checks.rs`.

mod checks;
mod describe;
mod model;
mod mysql;
mod persist;
mod scoped;
mod table;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::Entity;

pub use describe::{table_literal, TableParts};

/// Everything one `#[entity]` generates.
pub fn expand(entity: &Entity) -> TokenStream {
    let row = model::row_struct(entity);
    let insert_form = model::insert_form(entity);
    let changes_form = model::changes_form(entity);
    let table_module = table::table_module(entity);
    let entity_impl = describe::entity_impl(entity);
    let queryable = model::queryable(entity);
    let persist = persist::persist_impl(entity);
    let scoped = scoped::scoped_impls(entity);
    let mysql = mysql::mysql_impls(entity);
    let joins = table::joins(entity);
    let checks = checks::checks(entity);
    quote! {
        #row
        #insert_form
        #changes_form
        #table_module
        const _: () = {
            #entity_impl
            #queryable
            #persist
            #scoped
            #mysql
            #joins
            #checks
        };
    }
}
