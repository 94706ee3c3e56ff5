//! The file domain's flow: members upload files (an account's and an end
//! user's), a file is marked used by a message, and it is deleted; another
//! workspace never sees them.

use dify_models::enums::CreatorUserRole;
use dify_models::file::*;
use dify_schema::{with_tenant, Error, Page};

use crate::fixtures::{database_with_schema, team};
use crate::samples;

#[test]
pub(crate) fn an_upload_file_is_stored_used_and_deleted() {
    let (_db, mut conn) = database_with_schema();
    let acme = team(&mut conn, "acme");
    let globex = team(&mut conn, "globex");

    let file_id = with_tenant(
        &mut conn,
        acme.tenant,
        acme.normal,
        |scope| -> Result<_, Error> {
            // Any member may upload: no capability needed beyond membership.
            let file = scope.insert::<UploadFile>(NewUploadFile {
                storage_type: "opendal".into(),
                key: format!("upload_files/{}/refund.pdf", acme.tenant),
                name: "refund.pdf".into(),
                size: 48_213,
                extension: "pdf".into(),
                mime_type: Some("application/pdf".into()),
                created_by: acme.normal,
                hash: Some("3b1f9a".into()),
                source_url: Some(String::new()),
                ..samples::upload_file()
            })?;
            assert_eq!(
                file.created_by_role,
                CreatorUserRole::Account,
                "server default"
            );
            assert!(!file.used);
            assert_eq!(file.tenant_id, acme.tenant);
            // An end user's upload says so: created_by is then an end user's id.
            let by_end_user = scope.insert::<UploadFile>(NewUploadFile {
                created_by_role: Some(CreatorUserRole::EndUser),
                name: "photo.jpg".into(),
                extension: "jpg".into(),
                ..samples::upload_file()
            })?;
            assert_eq!(by_end_user.created_by_role, CreatorUserRole::EndUser);

            let used = scope
                .update(
                    file.id(),
                    UploadFileChanges {
                        used: Some(true),
                        used_by: Some(Some(acme.normal)),
                        used_at: Some(Some(samples::noon())),
                        ..Default::default()
                    },
                )?
                .expect("the file is there");
            assert!(used.used);
            assert_eq!(used.used_at, Some(samples::noon()));
            assert!(scope.delete(by_end_user.id())?);
            assert_eq!(scope.list::<UploadFile>(Page::first(10))?.len(), 1);
            Ok(file.id)
        },
    )
    .unwrap();

    with_tenant(
        &mut conn,
        globex.tenant,
        globex.owner,
        |scope| -> Result<(), Error> {
            assert!(scope.lookup::<UploadFile>(file_id)?.is_none());
            assert_eq!(scope.count::<UploadFile>()?, 0);
            Ok(())
        },
    )
    .unwrap();
}
