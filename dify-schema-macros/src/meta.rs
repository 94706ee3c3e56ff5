//! The shape every DSL attribute shares: a comma-separated list of
//! `key`, `key = value` and `key(...)` items.
//!
//! Keys are read with `Ident::parse_any`, so Rust keywords are fine as keys
//! (`where = "..."`). Values stay as tokens here; each attribute interprets
//! its own keys in `parse.rs`, which keeps this grammar tiny and lets every
//! error point at the exact token.

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Ident, Token};

/// One item of an attribute list.
pub struct MetaItem {
    pub key: Ident,
    pub value: MetaValue,
}

pub enum MetaValue {
    /// `key`
    Flag,
    /// `key = tokens...` (everything up to the next top-level comma)
    Assign(TokenStream),
    /// `key(...)`
    List(Group),
}

impl MetaItem {
    /// The tokens after `=`, or an error that shows the expected form.
    pub fn assigned(&self, expected_form: &str) -> syn::Result<&TokenStream> {
        match &self.value {
            MetaValue::Assign(tokens) => Ok(tokens),
            _ => Err(syn::Error::new(
                self.key.span(),
                format!("`{}` takes a value; write `{expected_form}`", self.key),
            )),
        }
    }

    /// The group after the key, or an error that shows the expected form.
    pub fn list(&self, expected_form: &str) -> syn::Result<&Group> {
        match &self.value {
            MetaValue::List(group) => Ok(group),
            _ => Err(syn::Error::new(
                self.key.span(),
                format!("`{}` takes a list; write `{expected_form}`", self.key),
            )),
        }
    }

    /// Succeeds for a bare `key`.
    pub fn flag(&self) -> syn::Result<()> {
        match &self.value {
            MetaValue::Flag => Ok(()),
            _ => Err(syn::Error::new(
                self.key.span(),
                format!(
                    "`{}` is a flag and takes no value; write just `{}`",
                    self.key, self.key
                ),
            )),
        }
    }

    /// The value as a string literal.
    pub fn lit_str(&self, expected_form: &str) -> syn::Result<syn::LitStr> {
        let tokens = self.assigned(expected_form)?;
        syn::parse2::<syn::LitStr>(tokens.clone()).map_err(|_| {
            syn::Error::new(
                first_span(tokens, self.key.span()),
                format!("expected a string literal; write `{expected_form}`"),
            )
        })
    }

    /// The value as a single identifier.
    pub fn ident_value(&self, expected_form: &str) -> syn::Result<Ident> {
        let tokens = self.assigned(expected_form)?;
        syn::parse2::<Ident>(tokens.clone()).map_err(|_| {
            syn::Error::new(
                first_span(tokens, self.key.span()),
                format!("expected a name; write `{expected_form}`"),
            )
        })
    }
}

/// The span of the first token, or `fallback` for an empty stream.
pub fn first_span(tokens: &TokenStream, fallback: Span) -> Span {
    tokens
        .clone()
        .into_iter()
        .next()
        .map_or(fallback, |token| token.span())
}

/// Parses `a, b = 1, c(x, y)` into items.
pub fn parse_meta_list(tokens: TokenStream) -> syn::Result<Vec<MetaItem>> {
    Parser::parse2(parse_items, tokens)
}

fn parse_items(input: ParseStream) -> syn::Result<Vec<MetaItem>> {
    let mut items = Vec::new();
    while !input.is_empty() {
        let key = Ident::parse_any(input).map_err(|error| {
            syn::Error::new(error.span(), "expected a key such as `name = \"...\"`")
        })?;
        let value = if input.peek(Token![=]) {
            let eq: Token![=] = input.parse()?;
            let mut tokens = TokenStream::new();
            while !input.is_empty() && !input.peek(Token![,]) {
                tokens.extend([input.parse::<TokenTree>()?]);
            }
            if tokens.is_empty() {
                return Err(syn::Error::new(eq.span, format!("`{key} =` needs a value")));
            }
            MetaValue::Assign(tokens)
        } else if input.peek(syn::token::Paren) {
            match input.parse::<TokenTree>()? {
                TokenTree::Group(group) if group.delimiter() == Delimiter::Parenthesis => {
                    MetaValue::List(group)
                }
                _ => unreachable!("peeked a parenthesis"),
            }
        } else {
            MetaValue::Flag
        };
        items.push(MetaItem { key, value });
        if input.is_empty() {
            break;
        }
        input
            .parse::<Token![,]>()
            .map_err(|error| syn::Error::new(error.span(), "expected `,` between items"))?;
    }
    Ok(items)
}

/// Reports `key` as unknown and lists the keys that are valid at this place
/// (diesel_attribute_parser's `unknown_attribute` does the same).
pub fn unknown_key(key: &Ident, attribute: &str, valid: &[&str]) -> syn::Error {
    syn::Error::new(
        key.span(),
        format!(
            "unknown key `{key}` in #[{attribute}(...)]; the valid keys are: {}",
            valid.join(", ")
        ),
    )
}
