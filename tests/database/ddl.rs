//! The DDL rendered from the declarations, as a reviewed snapshot.

use dify_models::SCHEMA;
use dify_schema::render::postgres;

#[test]
fn rendered_ddl_of_the_declared_tables() {
    insta::assert_snapshot!("schema.sql", postgres::create_schema(&SCHEMA));
}

#[test]
fn rendering_does_not_depend_on_the_order_of_the_schema_list() {
    let reversed: Vec<_> = SCHEMA.tables().rev().cloned().collect();
    let reversed =
        dify_schema::schema::Schema::owned(reversed, dify_schema::schema::Security::Current);
    assert_eq!(
        postgres::create_schema(&reversed),
        postgres::create_schema(&SCHEMA)
    );
}
