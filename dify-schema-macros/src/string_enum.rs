//! `#[derive(StringEnum)]`: an enum of unit variants stored as strings.
//!
//! ```ignore
//! #[derive(Debug, Clone, Copy, PartialEq, Eq, StringEnum)]
//! pub enum AppMode {
//!     Completion,
//!     #[value = "advanced-chat"]
//!     AdvancedChat,
//! }
//! ```
//!
//! A variant is stored as its name in snake_case unless `#[value = "..."]`
//! says otherwise.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields, LitStr};

use crate::ctxt::Ctxt;

pub fn derive(item: TokenStream) -> syn::Result<TokenStream> {
    let input: DeriveInput = syn::parse2(item)?;
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(
            input.ident.span(),
            "StringEnum derives only for enums: `enum AppMode { Chat, Workflow }`",
        ));
    };
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "a string enum cannot be generic",
        ));
    }
    let mut cx = Ctxt::new();
    let mut variants = Vec::new();
    let mut values: Vec<LitStr> = Vec::new();
    for variant in &data.variants {
        if !matches!(variant.fields, Fields::Unit) {
            cx.error_spanned(
                &variant.fields,
                "a string enum has unit variants only; remove the fields",
            );
            continue;
        }
        let mut value = None;
        for attr in variant
            .attrs
            .iter()
            .filter(|attr| attr.path().is_ident("value"))
        {
            match &attr.meta {
                syn::Meta::NameValue(syn::MetaNameValue {
                    value:
                        syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(lit),
                            ..
                        }),
                    ..
                }) if value.is_none() => value = Some(lit.clone()),
                syn::Meta::NameValue(_) if value.is_some() => {
                    cx.error_spanned(attr, "`#[value]` is given twice; keep one")
                }
                _ => cx.error_spanned(attr, "expected `#[value = \"stored-value\"]`"),
            }
        }
        let value = value.unwrap_or_else(|| {
            LitStr::new(
                &snake_case(&variant.ident.to_string()),
                variant.ident.span(),
            )
        });
        if value.value().is_empty() {
            cx.error_at(value.span(), "a stored value cannot be empty");
        }
        if let Some(position) = values.iter().position(|seen| seen.value() == value.value()) {
            cx.error_at(
                value.span(),
                format!(
                    "the value `{}` is already stored by variant `{}`; give this variant its own `#[value = \"...\"]`",
                    value.value(),
                    variants[position]
                ),
            );
        }
        variants.push(&variant.ident);
        values.push(value);
    }
    if data.variants.is_empty() {
        cx.error_at(
            input.ident.span(),
            "a string enum needs at least one variant",
        );
    }
    cx.check()?;

    let ident = &input.ident;
    let name = ident.to_string();
    Ok(quote! {
        impl ::dify_schema::StringEnum for #ident {
            const NAME: &'static str = #name;
            const ALL: &'static [Self] = &[#(#ident::#variants),*];
            const VALUES: &'static [&'static str] = &[#(#values),*];
            const IR_VALUES: &'static [::dify_schema::__private::Cow<'static, str>] =
                &[#(::dify_schema::__private::Cow::Borrowed(#values)),*];
            fn as_str(&self) -> &'static str {
                match self {
                    #(#ident::#variants => #values,)*
                }
            }
        }
        // A filter compares the column with the text the value is stored as.
        impl ::dify_schema::__private::FilterValue for #ident {
            fn into_value(self) -> ::dify_schema::__private::FilterValueRepr {
                ::dify_schema::__private::enum_value(self)
            }
            fn into_list(values: ::std::vec::Vec<Self>) -> ::dify_schema::__private::FilterValueList {
                ::dify_schema::__private::enum_list(values)
            }
        }
        ::dify_schema::__string_enum_sql!(#ident);
    })
}

/// `AdvancedChat` -> `advanced_chat`.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
