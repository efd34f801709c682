//! What the reports may contain, whatever the texts hold, as plain functions
//! returning a message: the `report` fuzz target (`fuzz/`), its regression
//! test (`tests/fuzz_regressions.rs`) and `tests/reports.rs` check the same
//! things.
//!
//! - The text report, plain or coloured, holds no character a terminal acts
//!   on or that reorders the line: no C0 control but tab and line feed, no
//!   DEL, no C1 control, no bidirectional override or isolate. In colour the
//!   only escapes are the report's own SGR sequences (`ESC [ digits ; m`).
//! - In the HTML report the texts appear only escaped: every `<` opens or
//!   closes one of the tags the renderer writes (with its attributes, whose
//!   values hold no markup), the tags nest properly, and every `&` starts one of the
//!   entities the renderer writes.
#![allow(dead_code)] // each includer uses a part

use article_diff::report::{html, text};
use article_diff::{Options, compare_with};

/// Compares the texts and checks the text report (plain and coloured) and
/// the HTML report.
pub fn check_reports(original: &str, paraphrase: &str, options: &Options) -> Result<(), String> {
    let c = compare_with(original, paraphrase, options).map_err(|e| format!("refused: {e}"))?;
    check_text_report(&text::render(&c, text::Style::Plain), false)
        .map_err(|e| format!("plain text report: {e}"))?;
    check_text_report(&text::render(&c, text::Style::Colour), true)
        .map_err(|e| format!("coloured text report: {e}"))?;
    check_html_report(&html::render(&c)).map_err(|e| format!("HTML report: {e}"))
}

/// A character a terminal may act on, or one that reorders the text
/// around it.
fn steers_a_terminal(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Checks a text report; `colour` allows its own SGR sequences.
pub fn check_text_report(report: &str, colour: bool) -> Result<(), String> {
    let mut rest = report;
    let mut at = 0;
    while let Some(c) = rest.chars().next() {
        let mut step = c.len_utf8();
        if c == '\u{1b}' {
            // ESC [ parameters m, and nothing else.
            let sequence = rest[1..].strip_prefix('[').and_then(|after| {
                let parameters = after
                    .find(|p: char| !(p.is_ascii_digit() || p == ';'))
                    .unwrap_or(after.len());
                after[parameters..]
                    .starts_with('m')
                    .then_some(2 + parameters + 1)
            });
            match sequence {
                Some(length) if colour => step = length,
                _ => {
                    return Err(format!(
                        "an escape at byte {at} that is not the report's own: {:?}",
                        excerpt(report, at)
                    ));
                }
            }
        } else if steers_a_terminal(c) {
            return Err(format!(
                "U+{:04X} at byte {at}: {:?}",
                c as u32,
                excerpt(report, at)
            ));
        }
        rest = &rest[step..];
        at += step;
    }
    Ok(())
}

/// The elements the HTML report writes.
const TAGS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "header", "h1", "dl", "dt", "dd", "p", "ul",
    "li", "span", "del", "ins", "em", "main", "table", "thead", "tbody", "tr", "th", "td", "br",
    "small", "section", "h2", "a",
];

/// The attributes it writes.
const ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "name",
    "http-equiv",
    "content",
    "scope",
    "class",
    "colspan",
    "id",
    "href",
];

/// Elements without an end tag.
const VOID: &[&str] = &["meta", "br"];

/// The entities the HTML report writes.
const ENTITIES: &[&str] = &["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"];

/// Checks an HTML report.
pub fn check_html_report(page: &str) -> Result<(), String> {
    const DOCTYPE: &str = "<!doctype html>\n";
    let Some(mut rest) = page.strip_prefix(DOCTYPE) else {
        return Err("it does not start with <!doctype html>".into());
    };
    let mut at = DOCTYPE.len();
    let mut open: Vec<&str> = Vec::new();
    while let Some(next) = rest.find(['<', '&']) {
        at += next;
        rest = &rest[next..];
        if rest.starts_with('&') {
            if !ENTITIES.iter().any(|entity| rest.starts_with(entity)) {
                return Err(format!(
                    "an unescaped & at byte {at}: {:?}",
                    excerpt(page, at)
                ));
            }
            at += 1;
            rest = &rest[1..];
            continue;
        }
        let Some(end) = rest.find('>') else {
            return Err(format!("a < with no > at byte {at}"));
        };
        let tag = &rest[1..end];
        let (closing, tag) = match tag.strip_prefix('/') {
            Some(name) => (true, name),
            None => (false, tag),
        };
        let (name, attributes) = tag.split_once(' ').unwrap_or((tag, ""));
        if !TAGS.contains(&name) {
            return Err(format!(
                "a tag the report does not write at byte {at}: {:?}",
                excerpt(page, at)
            ));
        }
        if closing {
            if !attributes.is_empty() {
                return Err(format!("an end tag with attributes at byte {at}"));
            }
            match open.pop() {
                Some(opened) if opened == name => {}
                opened => {
                    return Err(format!(
                        "</{name}> at byte {at} closes {opened:?}: {:?}",
                        excerpt(page, at)
                    ));
                }
            }
        } else {
            check_attributes(attributes).map_err(|e| format!("<{name}> at byte {at}: {e}"))?;
            if !VOID.contains(&name) {
                open.push(name);
            }
        }
        at += end + 1;
        rest = &rest[end + 1..];
        if name == "style" && !closing {
            // The style sheet is the renderer's own, and holds no `<`.
            let Some(close) = rest.find("</style>") else {
                return Err("an unclosed <style>".into());
            };
            at += close;
            rest = &rest[close..];
        }
    }
    if !open.is_empty() {
        return Err(format!("unclosed elements at the end: {open:?}"));
    }
    if !page.ends_with("</html>\n") {
        return Err("it does not end with </html>".into());
    }
    Ok(())
}

/// `name="value"` pairs separated by single spaces, each an attribute the
/// report writes, with a value free of markup and quotes.
fn check_attributes(attributes: &str) -> Result<(), String> {
    let mut rest = attributes;
    while !rest.is_empty() {
        let Some((name, after)) = rest.split_once("=\"") else {
            return Err(format!("a malformed attribute: {rest:?}"));
        };
        if !ATTRIBUTES.contains(&name) {
            return Err(format!("an attribute the report does not write: {name:?}"));
        }
        let Some((value, after)) = after.split_once('"') else {
            return Err(format!("an unclosed attribute value: {after:?}"));
        };
        if value.contains(['<', '>', '&']) {
            return Err(format!("markup in an attribute value: {value:?}"));
        }
        // Links go only to the page's own sections.
        if name == "href" && !value.starts_with('#') {
            return Err(format!("a link out of the page: {value:?}"));
        }
        rest = match after.strip_prefix(' ') {
            Some(more) if !more.is_empty() => more,
            None if after.is_empty() => after,
            _ => return Err(format!("a malformed attribute list: {attributes:?}")),
        };
    }
    Ok(())
}

/// Up to 40 bytes of `text` around byte `at`, on character boundaries.
fn excerpt(text: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(20);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + 20).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    &text[start..end]
}
