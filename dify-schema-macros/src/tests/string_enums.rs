//! `#[derive(StringEnum)]` mistakes (its expansion is a snapshot in
//! `expansion.rs`).

use proc_macro2::TokenStream;
use quote::quote;

use super::messages;

fn derive_errors(item: TokenStream) -> Vec<String> {
    match crate::string_enum::derive(item) {
        Ok(tokens) => panic!("expected errors, got {tokens}"),
        Err(error) => messages(error),
    }
}

#[test]
fn variants_default_to_snake_case() {
    let tokens = crate::string_enum::derive(quote! {
        enum TenantAccountRole { Owner, DatasetOperator, #[value = "service-api"] ServiceApi }
    })
    .expect("a valid string enum")
    .to_string();
    assert!(
        tokens.contains(r#"const VALUES : & 'static [& 'static str] = & ["owner" , "dataset_operator" , "service-api"]"#),
        "{tokens}"
    );
}

#[test]
fn only_enums() {
    assert_eq!(
        derive_errors(quote!(
            struct AppMode;
        )),
        ["StringEnum derives only for enums: `enum AppMode { Chat, Workflow }`"]
    );
    assert_eq!(
        derive_errors(quote!(
            enum AppMode<T> {
                Chat,
            }
        )),
        ["a string enum cannot be generic"]
    );
    assert_eq!(
        derive_errors(quote!(
            enum AppMode {}
        )),
        ["a string enum needs at least one variant"]
    );
}

#[test]
fn every_variant_mistake_is_reported() {
    let errors = derive_errors(quote! {
        enum AppMode {
            Chat(String),
            #[value = "chat"]
            Workflow,
            Chat2 { x: i32 },
            #[value = ""]
            Empty,
            #[value = "a"]
            #[value = "b"]
            Twice,
            #[value(advanced)]
            Listed,
        }
    });
    assert_eq!(
        errors,
        [
            "a string enum has unit variants only; remove the fields",
            "a string enum has unit variants only; remove the fields",
            "a stored value cannot be empty",
            "`#[value]` is given twice; keep one",
            "expected `#[value = \"stored-value\"]`",
        ]
    );
}

#[test]
fn duplicate_values() {
    let errors = derive_errors(quote! {
        enum AppMode {
            AdvancedChat,
            #[value = "advanced_chat"]
            Advanced,
        }
    });
    assert_eq!(
        errors,
        ["the value `advanced_chat` is already stored by variant `AdvancedChat`; give this variant its own `#[value = \"...\"]`"]
    );
}
