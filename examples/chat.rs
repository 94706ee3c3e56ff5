//! A chat: an editor makes an agent app and a conversation; each turn, a
//! request of its own, adds a message; the messages are read back a page at
//! a time with `Page` (keyset paging); the user rates an answer, the agent
//! records a thought, and the editor annotates the answer.
//!
//! Run with `cargo run --example chat`.

mod support;

use dify_models::app::*;
use dify_models::conversation::*;
use dify_models::enums::CreatorUserRole;
use dify_schema::scope::Editing;
use dify_schema::types::{BigDecimal, Uuid};
use dify_schema::{with_tenant, OrderKey, Page};
use serde_json::json;
use support::Result;

const TURNS: [(&str, &str); 5] = [
    ("Where is my refund?", "Let me check order 42."),
    ("It was order 42.", "It was sent on Monday."),
    ("When will it arrive?", "Within five days."),
    ("Can it be faster?", "Not for card payments."),
    ("Thanks!", "You are welcome."),
];

fn main() -> Result<()> {
    let mut example = support::setup("chat")?;
    let (conn, acme) = (&mut example.conn, example.acme);

    let (app_id, conversation_id) =
        with_tenant(conn, acme.tenant, acme.editor, |scope| -> Result<_> {
            let scope = scope.require::<Editing>()?;
            let app = scope.insert::<App>(NewApp {
                maintainer: None,
                id: None,
                name: "Refund agent".into(),
                description: None,
                mode: AppMode::AgentChat,
                icon_type: None,
                icon: None,
                icon_background: None,
                app_model_config_id: None,
                workflow_id: None,
                status: None,
                enable_site: true,
                enable_api: false,
                api_rpm: None,
                api_rph: None,
                is_demo: None,
                is_public: None,
                is_universal: None,
                tracing: None,
                max_active_requests: None,
                use_icon_as_answer_icon: None,
            })?;
            let conversation = scope.insert::<Conversation>(NewConversation {
                id: None,
                app_id: app.id(),
                app_model_config_id: None,
                model_provider: Some("openai".into()),
                override_model_configs: None,
                model_id: Some("gpt-4o".into()),
                mode: AppMode::AgentChat,
                name: "Refund".into(),
                summary: None,
                inputs: json!({"order": 42}),
                introduction: None,
                system_instruction: None,
                system_instruction_tokens: None,
                status: ConversationStatus::Normal,
                invoke_from: Some(InvokeFrom::WebApp),
                from_source: ConversationFromSource::Api,
                from_end_user_id: None,
                from_account_id: Some(acme.normal),
                read_at: None,
                read_account_id: None,
                dialogue_count: Some(0),
            })?;
            println!(
                "app \"{}\" and conversation \"{}\"",
                app.name, conversation.name
            );
            Ok((app.id, conversation.id))
        })?;

    // Each turn is a request: its scope looks the ids up again.
    for (query, answer) in TURNS {
        with_tenant(conn, acme.tenant, acme.normal, |scope| -> Result<()> {
            let app = scope.lookup::<App>(app_id)?.ok_or("the app is gone")?;
            let conversation = scope
                .lookup::<Conversation>(conversation_id)?
                .ok_or("gone")?;
            scope.insert::<Message>(NewMessage {
                id: None,
                app_id: app.id(),
                model_provider: Some("openai".into()),
                model_id: Some("gpt-4o".into()),
                override_model_configs: None,
                conversation_id: conversation.id(),
                inputs: json!({}),
                query: query.into(),
                message: json!([{"role": "user", "text": query}]),
                message_tokens: Some(8),
                message_unit_price: BigDecimal::from(0),
                message_price_unit: None,
                answer: answer.into(),
                answer_tokens: Some(6),
                answer_unit_price: BigDecimal::from(0),
                answer_price_unit: None,
                parent_message_id: None,
                provider_response_latency: Some(0.4),
                total_price: None,
                currency: "USD".into(),
                status: Some(MessageStatus::Normal),
                error: None,
                message_metadata: None,
                invoke_from: Some("web-app".into()),
                from_source: "api".into(),
                from_end_user_id: None,
                from_account_id: Some(acme.normal),
                agent_based: Some(true),
                workflow_run_id: None,
                app_mode: Some(AppMode::AgentChat.to_string()),
            })?;
            Ok(())
        })?;
    }
    println!("{} turns, one scope each", TURNS.len());

    // Read the messages two at a time: each page starts after the last row
    // of the one before (created_at, id), so no row is skipped or repeated.
    let answer_id = with_tenant(conn, acme.tenant, acme.normal, |scope| -> Result<Uuid> {
        let app = scope.lookup::<App>(app_id)?.ok_or("the app is gone")?;
        let conversation = scope
            .lookup::<Conversation>(conversation_id)?
            .ok_or("gone")?;
        let (mut page, mut last) = (Page::first(2), None);
        for number in 1.. {
            let messages = scope.children::<Message, _>(app.id(), page)?;
            let Some(tail) = messages.last() else { break };
            let queries: Vec<&str> = messages.iter().map(|m| m.query.as_str()).collect();
            println!("  page {number}: {queries:?}");
            page = Page::after(tail.cursor(), 2);
            last = messages.into_iter().last();
        }
        let answer = last.ok_or("no messages")?;

        // The user likes the last answer; the agent's reasoning is kept.
        let feedback = scope.insert::<MessageFeedback>(NewMessageFeedback {
            id: None,
            app_id: app.id(),
            conversation_id: conversation.id(),
            message_id: answer.id(),
            rating: FeedbackRating::Like,
            content: Some("Quick and clear".into()),
            from_source: FeedbackFromSource::User,
            from_end_user_id: None,
            from_account_id: Some(acme.normal),
        })?;
        let thought = scope.insert::<MessageAgentThought>(NewMessageAgentThought {
            id: None,
            message_id: answer.id(),
            message_chain_id: None,
            position: 1,
            thought: Some("The user is done; close politely.".into()),
            tool: None,
            tool_labels_str: None,
            tool_meta_str: None,
            tool_input: None,
            observation: None,
            tool_process_data: None,
            message: None,
            message_token: None,
            message_unit_price: None,
            message_price_unit: None,
            message_files: None,
            answer: Some(answer.answer.clone()),
            answer_token: Some(6),
            answer_unit_price: None,
            answer_price_unit: None,
            tokens: Some(14),
            total_price: None,
            currency: Some("USD".into()),
            latency: Some(0.4),
            created_by_role: CreatorUserRole::Account,
            created_by: acme.normal,
        })?;
        println!("feedback on \"{}\": {}", answer.answer, feedback.rating);
        println!(
            "agent thought: {}",
            thought.thought.as_deref().unwrap_or("")
        );
        Ok(answer.id)
    })?;

    // Annotations are an editor's: a curated answer for the question.
    with_tenant(conn, acme.tenant, acme.editor, |scope| -> Result<()> {
        let answer = scope
            .lookup::<Message>(answer_id)?
            .ok_or("the message is gone")?;
        let scope = scope.require::<Editing>()?;
        let annotation = scope.insert::<MessageAnnotation>(NewMessageAnnotation {
            id: None,
            app_id: answer.parent::<App>(),
            conversation_id: None,
            message_id: Some(answer.id()),
            question: answer.query.clone(),
            content: "You are welcome! Anything else about your refund?".into(),
            hit_count: None,
            account_id: acme.editor,
        })?;
        println!("annotation by the editor: \"{}\"", annotation.content);
        Ok(())
    })?;
    Ok(())
}
