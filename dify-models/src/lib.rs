//! Dify's entities, declared once in the dify-schema DSL, one module per domain.

pub mod account;
pub mod app;
pub mod conversation;
pub mod dataset;

dify_schema::schema! {
    /// Every table of Dify's schema declared in this crate.
    pub static SCHEMA = [
        account::Tenant,
        account::Account,
        account::TenantAccountJoin,
        app::App,
        conversation::Conversation,
        conversation::Message,
        dataset::Dataset,
        dataset::Document,
        dataset::DocumentSegment,
    ];
}
