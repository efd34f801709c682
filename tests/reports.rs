//! The reports are safe to show whatever the texts hold
//! (`common/reports.rs`): the text report cannot steer a terminal, and the
//! HTML report shows the texts only as text.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/reports.rs"]
mod reports;

use article_diff::report::{html, text};
use article_diff::sources::SourceEntry;
use article_diff::{Options, compare_many, compare_sources};
use proptest::prelude::*;

/// Words, and the characters a hostile text would use against a terminal
/// or a page.
const HOSTILE: &[&str] = &[
    "the",
    "council",
    "voted",
    "bridge",
    "said",
    "Mr.",
    "“",
    "”",
    ".",
    "\u{1b}[2J",
    "\u{1b}]0;title\u{7}",
    "\u{1b}",
    "\u{9b}1A",
    "\u{85}",
    "\u{7f}",
    "\u{7}",
    "\0",
    "\r",
    "\t",
    "\u{2028}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\u{200f}",
    "<script>alert(1)</script>",
    "<b",
    "</td>",
    "&amp;",
    "&",
    "&#x3c;",
    "\"",
    "'",
    "<!--",
    "]]>",
];

fn check(original: &str, paraphrase: &str, options: &Options) -> Result<(), TestCaseError> {
    reports::check_reports(original, paraphrase, options).map_err(TestCaseError::fail)
}

/// Checks the reports on `text` against `sources` (named by `names`, an
/// error for a name without a source).
fn check_sources(
    sources: &[&str],
    text_name: &str,
    text: &str,
    names: &[(&str, Option<&str>)],
) -> Result<(), String> {
    let result = compare_sources(sources, text, &Options::default().min_run(2))
        .map_err(|e| format!("refused: {e}"))?;
    let entries: Vec<SourceEntry<'_>> = names
        .iter()
        .map(|&(name, error)| SourceEntry { name, error })
        .collect();
    for (style, colour) in [(text::Style::Plain, false), (text::Style::Colour, true)] {
        let mut out = Vec::new();
        text::write_sources(&result, &entries, text_name, style, &mut out).unwrap();
        reports::check_text_report(&String::from_utf8(out).unwrap(), colour)
            .map_err(|e| format!("text report on sources ({style:?}): {e}"))?;
    }
    let mut page = Vec::new();
    html::write_sources(&result, &entries, text_name, &mut page).unwrap();
    reports::check_html_report(&String::from_utf8(page).unwrap())
        .map_err(|e| format!("HTML report on sources: {e}"))
}

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(HOSTILE), 1..10).prop_map(|words| {
        let mut text = words.join(" ");
        text.push('.');
        text
    })
}

/// An original and a rewrite that keeps some of its sentences, changes a
/// word in others and adds its own, so that every kind of row and mark
/// appears.
fn original_and_rewrite() -> impl Strategy<Value = (String, String)> {
    (
        prop::collection::vec(sentence(), 1..8),
        prop::collection::vec(sentence(), 0..3),
        any::<u64>(),
        prop::sample::select(&[" ", "\n", "\r\n", "\n\n"][..]),
    )
        .prop_map(|(sentences, extra, seed, joint)| {
            let original = sentences.join(joint);
            let mut kept: Vec<String> = sentences
                .iter()
                .enumerate()
                .filter(|(i, _)| (seed >> (i % 64)) & 3 != 0)
                .map(|(i, s)| match (seed >> ((i + 7) % 64)) & 3 {
                    0 => s.replacen("the", "<i>the</i>", 1),
                    1 => s.replacen("council", "c\u{1b}[31mouncil", 1),
                    _ => s.clone(),
                })
                .collect();
            kept.extend(extra);
            let turn = (seed % 3) as usize % kept.len().max(1);
            kept.rotate_left(turn);
            (original, kept.join(joint))
        })
}

/// Checks the one page the command line writes for many rewrites of
/// `original`, named by `names` (an error for a name without a rewrite).
fn check_many(
    original: &str,
    rewrites: &[&str],
    names: &[(&str, Option<&str>)],
) -> Result<(), String> {
    let compared = compare_many(original, rewrites, &Options::default().min_run(2))
        .map_err(|e| format!("refused: {e}"))?;
    let mut compared = compared.iter();
    let entries: Vec<html::Entry<'_, '_>> = names
        .iter()
        .map(|&(name, error)| html::Entry {
            name,
            comparison: match error {
                Some(message) => Err(message),
                None => Ok(compared.next().expect("a rewrite for each name")),
            },
        })
        .collect();
    let mut page = Vec::new();
    html::write_many("<o>\u{202e}riginal.txt", &entries, &mut page).unwrap();
    reports::check_html_report(&String::from_utf8(page).unwrap())
        .map_err(|e| format!("HTML report on many rewrites: {e}"))
}

proptest! {
    #[test]
    fn reports_of_hostile_rewrites_are_safe((original, paraphrase) in original_and_rewrite(), min_run in 1u32..5) {
        check(&original, &paraphrase, &Options::default().min_run(min_run))?;
    }

    #[test]
    fn reports_on_sources_of_hostile_texts_are_safe((original, paraphrase) in original_and_rewrite()) {
        let names = [("a\u{1b}[2J.txt", None), ("<b>b</b>.txt", None)];
        check_sources(&[&original, &paraphrase], "t&\u{202e}.txt", &paraphrase, &names)
            .map_err(TestCaseError::fail)?;
    }

    #[test]
    fn the_report_on_many_hostile_rewrites_is_safe((original, paraphrase) in original_and_rewrite()) {
        let names = [("a\u{1b}[2J.txt", None), ("<b>\"b\"</b>&amp;.txt", Some("cannot read <b>: & \u{7}")), ("c\u{202e}.txt", None)];
        check_many(&original, &[&paraphrase, &original], &names).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn reports_of_any_text_are_safe(original in "(?s).{0,60}", paraphrase in "(?s).{0,60}") {
        check(&original, &paraphrase, &Options::default())?;
    }
}

#[test]
fn reports_of_hostile_texts_are_safe() {
    let original = "The council met on Monday. It voted \u{1b}[2J to build a bridge \u{9b}1A here. \
                    Critics said <script>alert(1)</script> &amp; left \u{202e}early.";
    let paraphrase = "On Monday the council met. It voted \u{1b}[2J to build a <b>new</b> bridge \
                      \u{9b}1A there. Critics said <script>alert(2)</script> &amp; left \u{2066}late\u{2069}. \
                      A \u{85}new\u{7f} sentence\u{7}\r\n\u{0}here.";
    for (o, p) in [
        (original, paraphrase),
        (paraphrase, original),
        (original, original),
        (original, ""),
        ("", paraphrase),
    ] {
        if let Err(message) = reports::check_reports(o, p, &Options::default()) {
            panic!("{message}\noriginal: {o:?}\nparaphrase: {p:?}");
        }
    }
}

#[test]
fn reports_on_sources_name_hostile_files_safely() {
    let a = "The council met on Monday. It voted \u{1b}[2J to build a bridge \u{9b}1A here.";
    let b = "Critics said <script>alert(1)</script> &amp; left \u{202e}early. The mayor spoke.";
    let text = "It voted \u{1b}[2J to build a bridge \u{9b}1A here. Critics said \
                <script>alert(1)</script> &amp; left \u{202e}early. New <b>words</b>\u{7}.";
    let names = [
        ("a\u{1b}[31m.txt", None),
        ("c\u{202e}\r.txt", Some("cannot read c\u{202e}\r.txt <x> &")),
        ("<b>b</b>.txt", None),
    ];
    if let Err(message) = check_sources(&[a, b], "<i>text</i>\u{7}", text, &names) {
        panic!("{message}");
    }
}

#[test]
fn the_checker_catches_what_it_looks_for() {
    assert!(reports::check_text_report("a \u{1b}[2J b", true).is_err());
    assert!(reports::check_text_report("a \u{1b}[31m b\u{1b}[0m", true).is_ok());
    assert!(reports::check_text_report("a \u{1b}[31m b", false).is_err());
    for bad in ["\u{9b}", "\u{202e}", "\u{2067}", "\r", "\u{7f}", "\u{0}"] {
        assert!(reports::check_text_report(bad, true).is_err(), "{bad:?}");
    }
    let page =
        |body: &str| format!("<!doctype html>\n<html lang=\"en\"><body>{body}</body></html>\n");
    assert!(reports::check_html_report(&page("<p>a &amp; b &lt;c&gt;</p>")).is_ok());
    for bad in [
        "<script>x</script>",
        "a & b",
        "&#x3c;",
        "<p>unclosed",
        "<p></span>",
        "<span class=\"a\" onclick=\"x\">a</span>",
        "<span class=\"<b>\">a</span>",
        "<b>",
        "<a href=\"https://example.com\">x</a>",
    ] {
        assert!(reports::check_html_report(&page(bad)).is_err(), "{bad:?}");
    }
}
