//! The workflow comment domain's flow: an editor pins a comment on an app's canvas mentioning
//! the admin, who replies mentioning the editor back and resolves it; comments are the
//! workspace's own and a normal member only reads them.

use dify_models::app::App;
use dify_models::comment::*;
use dify_schema::scope::Editing;
use dify_schema::{with_tenant, Error, Page};

use crate::fixtures::{database_with_schema, team};
use crate::samples;

#[test]
pub(crate) fn a_comment_with_a_reply_and_mentions_is_resolved() {
    let (_db, mut conn) = database_with_schema();
    let acme = team(&mut conn, "acme");
    let globex = team(&mut conn, "globex");

    let comment_id = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let app = scope.insert::<App>(samples::app())?;
        let comment = scope.insert::<WorkflowComment>(NewWorkflowComment {
            id: None,
            app_id: app.id(),
            position_x: 320.5,
            position_y: -48.0,
            content: "@admin should this branch retry?".into(),
            resolved: None,
            resolved_at: None,
            resolved_by: None,
        })?;
        assert_eq!(comment.created_by, acme.editor, "audit");
        assert!(!comment.resolved, "server default");
        scope.insert::<WorkflowCommentMention>(NewWorkflowCommentMention {
            id: None,
            comment_id: comment.id(),
            reply_id: None,
            mentioned_user_id: acme.admin,
        })?;
        Ok::<_, Error>(comment.id)
    })
    .unwrap();

    // The admin replies, mentions the editor in the reply, and resolves the thread.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.admin,
        |scope| -> Result<(), Error> {
            let comment = scope.lookup::<WorkflowComment>(comment_id)?.unwrap();
            let scope = scope.require::<Editing>()?;
            let reply = scope.insert::<WorkflowCommentReply>(NewWorkflowCommentReply {
                id: None,
                comment_id: comment.id(),
                content: "@editor yes, three times".into(),
            })?;
            assert_eq!(reply.created_by, acme.admin);
            scope.insert::<WorkflowCommentMention>(NewWorkflowCommentMention {
                id: None,
                comment_id: comment.id(),
                reply_id: Some(reply.id()),
                mentioned_user_id: acme.editor,
            })?;
            let now = scope.now()?;
            let resolved = scope
                .update(
                    comment.id(),
                    WorkflowCommentChanges {
                        resolved: Some(true),
                        resolved_at: Some(Some(now)),
                        resolved_by: Some(Some(acme.admin)),
                        ..Default::default()
                    },
                )?
                .unwrap();
            assert!(resolved.resolved);
            assert_eq!(resolved.resolved_by, Some(acme.admin));
            Ok(())
        },
    )
    .unwrap();

    // A normal member reads the thread (participants: creator, repliers, mentioned) but may
    // not comment.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.normal,
        |scope| -> Result<(), Error> {
            let comment = scope.lookup::<WorkflowComment>(comment_id)?.unwrap();
            let page = Page::first(10);
            let replies = scope.children::<WorkflowCommentReply, _>(comment.id(), page)?;
            assert_eq!(replies.len(), 1);
            let mentions = scope.children::<WorkflowCommentMention, _>(comment.id(), page)?;
            let mut mentioned: Vec<_> = mentions.iter().map(|m| m.mentioned_user_id).collect();
            mentioned.sort();
            let mut expected = vec![acme.admin, acme.editor];
            expected.sort();
            assert_eq!(mentioned, expected);
            let in_reply = scope
                .query::<WorkflowCommentMention>()
                .filter(|m| m.reply_id.eq(replies[0].id))
                .count()?;
            assert_eq!(in_reply, 1);
            assert!(scope.require::<Editing>().is_err());
            Ok(())
        },
    )
    .unwrap();

    with_tenant(
        &mut conn,
        globex.tenant,
        globex.owner,
        |scope| -> Result<(), Error> {
            assert!(scope.lookup::<WorkflowComment>(comment_id)?.is_none());
            assert_eq!(scope.count::<WorkflowCommentReply>()?, 0);
            assert_eq!(scope.count::<WorkflowCommentMention>()?, 0);
            Ok(())
        },
    )
    .unwrap();
}
