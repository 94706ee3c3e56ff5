//! Files and tags: any member may upload a file; an editor tags an app and
//! a knowledge base (tags are typed: app tags and knowledge tags), and a
//! normal member reads the tags but may not change them.
//!
//! Run with `cargo run --example files_and_tags`.

mod support;

use dify_models::app::{App, AppMode, NewApp};
use dify_models::dataset::{Dataset, NewDataset};
use dify_models::file::*;
use dify_models::tag::*;
use dify_schema::scope::{DatasetEditing, Editing};
use dify_schema::AnyId;
use dify_schema::{with_tenant, Page};
use support::Result;

fn main() -> Result<()> {
    let mut example = support::setup("files_and_tags")?;
    let (conn, acme) = (&mut example.conn, example.acme);

    // Uploading needs no capability beyond membership.
    with_tenant(conn, acme.tenant, acme.normal, |scope| -> Result<()> {
        let file = scope.insert::<UploadFile>(NewUploadFile {
            id: None,
            storage_type: "opendal".into(),
            key: format!("upload_files/{}/refund.pdf", acme.tenant),
            name: "refund.pdf".into(),
            size: 48_213,
            extension: "pdf".into(),
            mime_type: Some("application/pdf".into()),
            created_by_role: None,
            created_by: acme.normal,
            used: None,
            used_by: None,
            used_at: None,
            hash: Some("3b1f9a".into()),
            source_url: Some(String::new()),
        })?;
        println!(
            "uploaded {} ({} bytes, by an {}), key {}",
            file.name, file.size, file.created_by_role, file.key
        );
        Ok(())
    })?;

    with_tenant(conn, acme.tenant, acme.editor, |scope| -> Result<()> {
        let scope = scope.require::<Editing>()?;
        let app = scope.insert::<App>(NewApp {
            maintainer: None,
            id: None,
            name: "Support bot".into(),
            description: None,
            mode: AppMode::Chat,
            icon_type: None,
            icon: None,
            icon_background: None,
            app_model_config_id: None,
            workflow_id: None,
            status: None,
            enable_site: false,
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
        let dataset = scope.insert::<Dataset>(NewDataset {
            maintainer: None,
            summary_index_setting: None,
            id: None,
            name: "Handbook".into(),
            description: None,
            provider: None,
            permission: None,
            data_source_type: None,
            indexing_technique: None,
            index_struct: None,
            embedding_model: None,
            embedding_model_provider: None,
            keyword_number: None,
            collection_binding_id: None,
            retrieval_model: None,
            built_in_field_enabled: None,
            icon_info: None,
            runtime_mode: None,
            pipeline_id: None,
            chunk_structure: None,
            enable_api: None,
            is_multimodal: None,
        })?;
        // A tag is bound to its target by the target's id: an `AnyId`,
        // made only from an id of this scope.
        for (kind, name, target, target_name) in [
            (TagType::App, "support", AnyId::from(app.id()), &app.name),
            (
                TagType::Knowledge,
                "policies",
                AnyId::from(dataset.id()),
                &dataset.name,
            ),
        ] {
            let tag = scope.insert::<Tag>(NewTag {
                id: None,
                r#type: kind,
                name: name.into(),
            })?;
            scope.insert::<TagBinding>(NewTagBinding {
                id: None,
                tag_id: Some(tag.id()),
                target_id: Some(target),
            })?;
            println!(
                "{} tag \"{}\" bound to \"{}\"",
                tag.r#type, tag.name, target_name
            );
        }
        Ok(())
    })?;

    with_tenant(conn, acme.tenant, acme.normal, |scope| -> Result<()> {
        let tags = scope.list::<Tag>(Page::first(10))?;
        let names: Vec<&str> = tags.iter().map(|tag| tag.name.as_str()).collect();
        println!(
            "the normal member sees tags {names:?} and {} bindings",
            scope.count::<TagBinding>()?
        );
        match scope.require::<DatasetEditing>() {
            Err(error) => println!("  and may not change them: refused ({error})"),
            Ok(_) => unreachable!("a normal member does not tag"),
        }
        Ok(())
    })?;
    Ok(())
}
