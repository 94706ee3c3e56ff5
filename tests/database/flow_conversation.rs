//! The conversation domain's flow: an end user talks to an app; the
//! conversation gets messages (one a regeneration of another), feedback,
//! a file, agent thoughts on a chain, a retrieved resource, is saved and
//! pinned; an editor annotates an answer and the annotation is hit; then
//! the conversation is soft-deleted.

use dify_models::app::App;
use dify_models::conversation::*;
use dify_models::dataset::Dataset;
use dify_models::enums::CreatorUserRole;
use dify_models::file::{NewUploadFile, UploadFile};
use dify_schema::scope::{DatasetEditing, Editing};
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::types::BigDecimal;
use dify_schema::{with_tenant, Error, Page, Role, StringEnum};
use serde_json::json;

use crate::fixtures::{database_with_schema, team};
use crate::samples;

#[test]
pub(crate) fn a_conversation_with_messages_feedback_annotations_and_agent_thoughts() {
    let (_db, mut conn) = database_with_schema();
    let acme = team(&mut conn, "acme");
    let globex = team(&mut conn, "globex");

    // An editor makes the app and a knowledge base it retrieves from.
    let (app_id, dataset_id) = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let app = scope.insert::<App>(dify_models::app::NewApp {
            mode: dify_models::app::AppMode::AgentChat,
            ..samples::app()
        })?;
        let scope = scope.require::<DatasetEditing>()?;
        let dataset = scope.insert::<Dataset>(samples::dataset())?;
        Ok::<_, Error>((app.id, dataset.id))
    })
    .unwrap();

    // The runtime writes as a normal member: conversation rows are member-level.
    let (conversation_id, answer_id) = with_tenant(
        &mut conn,
        acme.tenant,
        acme.normal,
        |scope| -> Result<_, Error> {
            assert_eq!(scope.role(), Role::Normal);
            let app = scope
                .lookup::<App>(app_id)?
                .expect("the app is the tenant's");
            let dataset = scope.lookup::<Dataset>(dataset_id)?.unwrap();
            let user = scope.insert::<EndUser>(NewEndUser {
                app_id: Some(app.id()),
                r#type: "browser".into(),
                session_id: DefaultEndUserSessionId::DefaultUser.as_str().into(),
                ..samples::end_user()
            })?;
            assert!(user.is_anonymous, "server default");
            let conversation = scope.insert::<Conversation>(NewConversation {
                mode: dify_models::app::AppMode::AgentChat,
                name: "Refund".into(),
                inputs: json!({"order": 42}),
                invoke_from: Some(InvokeFrom::WebApp),
                from_end_user_id: Some(user.id()),
                dialogue_count: Some(0),
                ..samples::conversation(app.id())
            })?;
            let question = scope.insert::<Message>(NewMessage {
                query: "Where is my refund?".into(),
                message: json!([{"role": "user", "text": "Where is my refund?"}]),
                answer: "Let me check.".into(),
                message_unit_price: "0.0010".parse::<BigDecimal>().unwrap(),
                answer_unit_price: "0.0020".parse::<BigDecimal>().unwrap(),
                currency: "USD".into(),
                from_source: "api".into(),
                from_end_user_id: Some(user.id()),
                agent_based: Some(true),
                ..samples::message(app.id(), conversation.id())
            })?;
            // A regenerated answer points at the message it replaces.
            let answer = scope.insert::<Message>(NewMessage {
                answer: "It was sent on Monday.".into(),
                parent_message_id: Some(question.id()),
                status: Some(MessageStatus::Normal),
                ..samples::message(app.id(), conversation.id())
            })?;
            assert_eq!(answer.parent_message_id, Some(question.id));
            scope.insert::<MessageFeedback>(NewMessageFeedback {
                rating: FeedbackRating::Dislike,
                content: Some("Too slow".into()),
                from_end_user_id: Some(user.id()),
                ..samples::message_feedback(app.id(), conversation.id(), question.id())
            })?;
            let upload = scope.insert::<UploadFile>(NewUploadFile {
                created_by: user.id,
                created_by_role: Some(CreatorUserRole::EndUser),
                name: "receipt.png".into(),
                ..samples::upload_file()
            })?;
            scope.insert::<MessageFile>(NewMessageFile {
                r#type: "image".into(),
                transfer_method: "local_file".into(),
                belongs_to: Some(MessageFileBelongsTo::User),
                upload_file_id: Some(upload.id()),
                created_by_role: CreatorUserRole::EndUser,
                created_by: user.id,
                ..samples::message_file(question.id())
            })?;
            let chain = scope.insert::<MessageChain>(NewMessageChain {
                input: Some("{}".into()),
                ..samples::message_chain(answer.id())
            })?;
            for position in 1..=2 {
                scope.insert::<MessageAgentThought>(NewMessageAgentThought {
                    message_chain_id: Some(chain.id()),
                    position,
                    thought: Some(format!("step {position}")),
                    tool: Some("order_lookup".into()),
                    created_by_role: CreatorUserRole::EndUser,
                    created_by: user.id,
                    ..samples::message_agent_thought(answer.id())
                })?;
            }
            scope.insert::<DatasetRetrieverResource>(NewDatasetRetrieverResource {
                dataset_name: "Handbook".into(),
                document_name: "refunds.md".into(),
                content: "Refunds are sent within five days.".into(),
                retriever_from: "dev".into(),
                score: Some(0.87),
                created_by: user.id,
                ..samples::dataset_retriever_resource(answer.id(), dataset.id())
            })?;
            scope.insert::<SavedMessage>(NewSavedMessage {
                created_by: user.id,
                ..samples::saved_message(app.id(), answer.id())
            })?;
            let pinned = scope.insert::<PinnedConversation>(NewPinnedConversation {
                created_by: user.id,
                ..samples::pinned_conversation(app.id(), conversation.id())
            })?;
            assert_eq!(
                pinned.created_by_role,
                CreatorUserRole::EndUser,
                "server default"
            );

            // What hangs on the answer, read through the branded ids.
            let page = Page::first(10);
            let thoughts = scope.children::<MessageAgentThought, _>(answer.id(), page)?;
            assert_eq!(thoughts.len(), 2);
            assert!(thoughts
                .iter()
                .all(|t| t.message_price_unit == "0.001".parse::<BigDecimal>().unwrap()));
            assert_eq!(
                scope.children::<MessageChain, _>(answer.id(), page)?.len(),
                1
            );
            assert_eq!(
                scope.children::<MessageFile, _>(question.id(), page)?.len(),
                1
            );
            assert_eq!(
                scope
                    .children::<DatasetRetrieverResource, _>(answer.id(), page)?
                    .len(),
                1
            );
            assert_eq!(scope.children::<Message, _>(app.id(), page)?.len(), 2);
            assert_eq!(
                scope.children::<MessageFeedback, _>(app.id(), page)?.len(),
                1
            );
            // Annotations are for editors.
            assert!(scope.require::<Editing>().is_err());
            Ok((conversation.id, answer.id))
        },
    )
    .unwrap();

    // An editor annotates the answer; the annotation is then hit.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.editor,
        |scope| -> Result<(), Error> {
            let app = scope.lookup::<App>(app_id)?.unwrap();
            let conversation = scope.lookup::<Conversation>(conversation_id)?.unwrap();
            let answer = scope.lookup::<Message>(answer_id)?.unwrap();
            let scope = scope.require::<Editing>()?;
            let annotation = scope.insert::<MessageAnnotation>(NewMessageAnnotation {
                conversation_id: Some(conversation.id()),
                message_id: Some(answer.id()),
                question: "Where is my refund?".into(),
                content: "Refunds are sent within five days.".into(),
                ..samples::message_annotation(app.id(), acme.editor)
            })?;
            assert_eq!(annotation.hit_count, 0);
            scope.insert::<AppAnnotationHitHistory>(NewAppAnnotationHitHistory {
                score: Some(0.93),
                ..samples::app_annotation_hit_history(
                    app.id(),
                    annotation.id(),
                    acme.editor,
                    answer.id(),
                )
            })?;
            let annotation = scope
                .update(
                    annotation.id(),
                    MessageAnnotationChanges {
                        hit_count: Some(1),
                        ..Default::default()
                    },
                )?
                .unwrap();
            assert_eq!(annotation.hit_count, 1);
            Ok(())
        },
    )
    .unwrap();

    // Another workspace sees none of it.
    with_tenant(
        &mut conn,
        globex.tenant,
        globex.owner,
        |scope| -> Result<(), Error> {
            assert!(scope.lookup::<Conversation>(conversation_id)?.is_none());
            assert!(scope.lookup::<Message>(answer_id)?.is_none());
            assert_eq!(scope.count::<MessageAgentThought>()?, 0);
            assert_eq!(scope.count::<EndUser>()?, 0);
            assert_eq!(scope.count::<MessageAnnotation>()?, 0);
            Ok(())
        },
    )
    .unwrap();

    // The end user deletes the conversation: soft, so the rows stay for the logs.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.normal,
        |scope| -> Result<(), Error> {
            let conversation = scope.lookup::<Conversation>(conversation_id)?.unwrap();
            assert!(scope.soft_delete(conversation.id())?);
            assert!(scope.lookup::<Conversation>(conversation_id)?.is_none());
            assert_eq!(scope.count::<Conversation>()?, 0);
            assert_eq!(
                scope.count::<Message>()?,
                2,
                "messages are not deleted with it"
            );
            Ok(())
        },
    )
    .unwrap();
    let mut system = bypass_tenant_isolation(&mut conn, "test check");
    let deleted: Conversation = system.find(conversation_id).unwrap().unwrap();
    assert!(deleted.is_deleted);
}
