//! Snapshots of the reports for the fixture pairs (`tests/fixtures/pairs/`),
//! so that a reviewer sees every change in what a reader is shown. Review
//! changes with `cargo insta review` or by reading the `.snap.new` files.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use article_diff::compare;
use article_diff::report::{html, text};

#[test]
fn text_reports() {
    for name in common::PAIRS {
        let (original, paraphrase) = common::pair(name);
        let c = compare(&original, &paraphrase).unwrap();
        insta::assert_snapshot!(format!("text_{name}"), text::render(&c, text::Style::Plain));
    }
}

#[test]
fn html_report() {
    let (original, paraphrase) = common::pair("quotation");
    let c = compare(&original, &paraphrase).unwrap();
    insta::assert_snapshot!("html_quotation", html::render(&c));
}
