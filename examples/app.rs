//! An app and what makes it usable: an editor creates it with its model
//! configuration, a web site and an API token; a normal member may read it
//! but not edit it.
//!
//! Run with `cargo run --example app`.

mod support;

use dify_models::app::*;
use dify_schema::scope::Editing;
use dify_schema::{with_tenant, Page};
use serde_json::json;
use support::Result;

fn main() -> Result<()> {
    let mut example = support::setup("app")?;
    let (conn, acme) = (&mut example.conn, example.acme);

    let app_id = with_tenant(conn, acme.tenant, acme.editor, |scope| -> Result<_> {
        let scope = scope.require::<Editing>()?;
        let app = scope.insert::<App>(NewApp {
            maintainer: None,
            id: None,
            name: "Support bot".into(),
            description: Some("Answers refund questions".into()),
            mode: AppMode::Chat,
            icon_type: Some(IconType::Emoji),
            icon: Some("🤖".into()),
            icon_background: None,
            app_model_config_id: None,
            workflow_id: None,
            status: None,
            enable_site: true,
            enable_api: true,
            api_rpm: None,
            api_rph: None,
            is_demo: None,
            is_public: None,
            is_universal: None,
            tracing: None,
            max_active_requests: None,
            use_icon_as_answer_icon: None,
        })?;
        println!(
            "app \"{}\" ({}, {}), created by the editor",
            app.name, app.mode, app.status
        );

        // The model configuration, then the app points at it. Both ids are
        // branded by this scope, so neither can name another workspace's row.
        let config = scope.insert::<AppModelConfig>(NewAppModelConfig {
            id: None,
            app_id: app.id(),
            provider: Some("openai".into()),
            model_id: Some("gpt-4o".into()),
            configs: Some(json!({"temperature": 0.2})),
            opening_statement: Some("How can I help?".into()),
            suggested_questions: None,
            suggested_questions_after_answer: None,
            speech_to_text: None,
            text_to_speech: None,
            more_like_this: None,
            model: None,
            user_input_form: None,
            dataset_query_variable: None,
            pre_prompt: Some("You answer questions about refunds.".into()),
            agent_mode: None,
            sensitive_word_avoidance: None,
            retriever_resource: None,
            prompt_type: Some(PromptType::Simple),
            chat_prompt_config: None,
            completion_prompt_config: None,
            dataset_configs: None,
            external_data_tools: None,
            file_upload: None,
        })?;
        let changes = AppChanges {
            app_model_config_id: Some(Some(config.id())),
            ..Default::default()
        };
        let app = scope.update(app.id(), changes)?.expect("the app is there");
        println!(
            "  model config {} (openai/gpt-4o), the app's current one: {}",
            config.id,
            app.app_model_config_id == Some(config.id)
        );

        let site = scope.insert::<Site>(NewSite {
            input_placeholder: None,
            id: None,
            app_id: app.id(),
            title: "Acme Support".into(),
            icon_type: None,
            icon: None,
            icon_background: None,
            description: None,
            default_language: "en-US".into(),
            chat_color_theme: None,
            chat_color_theme_inverted: None,
            copyright: None,
            privacy_policy: None,
            show_workflow_steps: None,
            use_icon_as_answer_icon: None,
            custom_disclaimer: String::new(),
            customize_domain: None,
            customize_token_strategy: CustomizeTokenStrategy::NotAllow,
            prompt_public: None,
            status: None,
            code: Some("acme-support".into()),
        })?;
        println!(
            "  web site \"{}\" at /chat/{}",
            site.title,
            site.code.as_deref().unwrap_or("")
        );

        let token = scope.insert::<ApiToken>(NewApiToken {
            id: None,
            app_id: Some(app.id()),
            r#type: ApiTokenType::App,
            token: "app-4f9c2b".into(),
            last_used_at: None,
        })?;
        println!("  API token {} ({} token)", token.token, token.r#type);
        Ok(app.id)
    })?;

    // A normal member sees the app and its configuration, but may not edit.
    with_tenant(conn, acme.tenant, acme.normal, |scope| -> Result<()> {
        let app = scope.lookup::<App>(app_id)?.expect("the app is Acme's");
        let configs = scope.children::<AppModelConfig, _>(app.id(), Page::first(10))?;
        let sites = scope.children::<Site, _>(app.id(), Page::first(10))?;
        println!(
            "the normal member sees \"{}\" with {} model config and {} site",
            app.name,
            configs.len(),
            sites.len()
        );
        match scope.require::<Editing>() {
            Err(error) => println!("  and may not edit it: refused ({error})"),
            Ok(_) => unreachable!("a normal member does not edit apps"),
        }
        Ok(())
    })?;
    Ok(())
}
