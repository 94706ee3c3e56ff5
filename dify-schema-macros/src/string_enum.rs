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
use crate::tokens::rt;

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

    let rt = rt();
    let ident = &input.ident;
    let name = ident.to_string();
    let diesel_impls = diesel_impls(ident);
    Ok(quote! {
        impl #rt::StringEnum for #ident {
            const NAME: &'static str = #name;
            const ALL: &'static [Self] = &[#(#ident::#variants),*];
            const VALUES: &'static [&'static str] = &[#(#values),*];
            const IR_VALUES: &'static [#rt::Cow<'static, str>] =
                &[#(#rt::Cow::Borrowed(#values)),*];
            fn as_str(&self) -> &'static str {
                match self {
                    #(#ident::#variants => #values,)*
                }
            }
        }
        // A filter compares the column with the text the value is stored as.
        impl #rt::FilterValue for #ident {
            fn into_value(self) -> #rt::FilterValueRepr {
                #rt::enum_value(self)
            }
            fn into_list(values: ::std::vec::Vec<Self>) -> #rt::FilterValueList {
                #rt::enum_list(values)
            }
        }
        #diesel_impls
    })
}

/// The Diesel impls of a string enum: written and read as text (an unknown
/// value is a typed error), usable as a `Text` expression, by value or by
/// reference; and `Display`/`FromStr` by its stored values.
fn diesel_impls(ident: &syn::Ident) -> TokenStream {
    let rt = rt();
    let diesel = quote!(#rt::diesel);
    let pg = quote!(#diesel::pg::Pg);
    let text = quote!(#diesel::sql_types::Text);
    let nullable_text = quote!(#diesel::sql_types::Nullable<#text>);
    let bound = quote!(#diesel::internal::derives::as_expression::Bound);
    let as_expression = [
        (quote!(), quote!(#ident), text.clone()),
        (quote!(), quote!(#ident), nullable_text.clone()),
        (quote!(<'a>), quote!(&'a #ident), text.clone()),
        (quote!(<'a>), quote!(&'a #ident), nullable_text.clone()),
    ]
    .into_iter()
    .map(|(lifetime, ty, sql_type)| {
        quote! {
            impl #lifetime #diesel::expression::AsExpression<#sql_type> for #ty {
                type Expression = #bound<#sql_type, Self>;
                fn as_expression(self) -> Self::Expression {
                    #bound::new(self)
                }
            }
        }
    });
    quote! {
        const _: () = {
            impl #diesel::serialize::ToSql<#text, #pg> for #ident {
                fn to_sql<'b>(
                    &'b self,
                    out: &mut #diesel::serialize::Output<'b, '_, #pg>,
                ) -> #diesel::serialize::Result {
                    ::std::io::Write::write_all(out, #rt::StringEnum::as_str(self).as_bytes())?;
                    ::core::result::Result::Ok(#diesel::serialize::IsNull::No)
                }
            }

            impl #diesel::serialize::ToSql<#nullable_text, #pg> for #ident {
                fn to_sql<'b>(
                    &'b self,
                    out: &mut #diesel::serialize::Output<'b, '_, #pg>,
                ) -> #diesel::serialize::Result {
                    <Self as #diesel::serialize::ToSql<#text, #pg>>::to_sql(self, out)
                }
            }

            impl #diesel::deserialize::FromSql<#text, #pg> for #ident {
                fn from_sql(bytes: #diesel::pg::PgValue<'_>) -> #diesel::deserialize::Result<Self> {
                    let text = ::std::str::from_utf8(bytes.as_bytes())?;
                    ::core::result::Result::Ok(<#ident as #rt::StringEnum>::from_db_str(text)?)
                }
            }

            impl<ST, DB> #diesel::deserialize::Queryable<ST, DB> for #ident
            where
                DB: #diesel::backend::Backend,
                ST: #diesel::sql_types::SingleValue,
                Self: #diesel::deserialize::FromSql<ST, DB>,
            {
                type Row = Self;
                fn build(row: Self) -> #diesel::deserialize::Result<Self> {
                    ::core::result::Result::Ok(row)
                }
            }

            #(#as_expression)*

            impl ::std::fmt::Display for #ident {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(#rt::StringEnum::as_str(self))
                }
            }

            impl ::std::str::FromStr for #ident {
                type Err = #rt::UnknownEnumValue;
                fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                    <#ident as #rt::StringEnum>::from_db_str(value)
                }
            }
        };
    }
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
