//! The insert forms the bench builds through the scoped API, in one place:
//! when a `New*` struct changes shape (an enum replacing a `String`, a new
//! column), this file is the only one to fix.

use dify_models::app::App;
use dify_models::conversation::{Conversation, NewMessage};
use dify_models::dataset::{Dataset, Document, NewDocumentSegment};
use dify_schema::types::BigDecimal;
use dify_schema::Id;
use serde_json::json;

/// A message as the chat API stores it: the same values as
/// [`super::hand::NewMessageRow::sample`] and the postgres-crate insert.
pub fn new_message<'t>(
    app: Id<'t, App>,
    conversation: Id<'t, Conversation>,
    query: &str,
) -> NewMessage<'t> {
    NewMessage {
        id: None,
        app_id: app,
        model_provider: Some("openai".into()),
        model_id: Some("gpt-4o-mini".into()),
        override_model_configs: None,
        conversation_id: conversation,
        inputs: json!({}),
        query: query.into(),
        message: json!([{"role": "user", "text": query}]),
        message_tokens: Some(12),
        message_unit_price: BigDecimal::from(1) / BigDecimal::from(1000),
        message_price_unit: None,
        answer: super::ANSWER.into(),
        answer_tokens: Some(96),
        answer_unit_price: BigDecimal::from(2) / BigDecimal::from(1000),
        answer_price_unit: None,
        parent_message_id: None,
        provider_response_latency: Some(0.8),
        total_price: None,
        currency: "USD".into(),
        status: None,
        error: None,
        message_metadata: None,
        invoke_from: None,
        from_source: "api".into(),
        from_end_user_id: None,
        from_account_id: None,
        agent_based: None,
        workflow_run_id: None,
        app_mode: None,
    }
}

/// A segment as the indexer writes it; `position` marks the bench's rows
/// (>= [`super::BULK_POSITION`]) so they can be deleted between rounds.
pub fn new_segment<'t>(
    dataset: Id<'t, Dataset>,
    document: Id<'t, Document>,
    position: i32,
) -> NewDocumentSegment<'t> {
    NewDocumentSegment {
        id: None,
        dataset_id: dataset,
        document_id: document,
        position,
        content: super::SEGMENT_CONTENT.into(),
        answer: None,
        word_count: 64,
        tokens: 80,
        keywords: None,
        index_node_id: None,
        index_node_hash: None,
        hit_count: 0,
        enabled: None,
        disabled_at: None,
        disabled_by: None,
        status: None,
        indexing_at: None,
        completed_at: None,
        error: None,
        stopped_at: None,
    }
}
