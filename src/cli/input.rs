//! Reading an input file as text.
//!
//! UTF-8 with or without a byte-order mark, and UTF-16 and UTF-32 with one,
//! are decoded as they are; UTF-8 but for a few bytes is decoded as UTF-8
//! with those bytes replaced and a warning that counts them; anything else
//! is read as Windows-1252 (the usual encoding of old Western text files),
//! with a warning. A file holding NUL bytes without a byte-order mark is
//! binary and refused.

use std::io::Read;
use std::path::Path;

use article_diff::{MAX_INPUT_BYTES, describe_size, too_large_message};
use encoding_rs::{Encoding, WINDOWS_1252};

/// A decoded input and what the reader should be told about it.
#[derive(Debug)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// A warning for standard error, if the encoding had to be guessed.
    pub warning: Option<String>,
}

/// Reads `path` (`-` for standard input) and decodes it.
///
/// # Errors
///
/// A one-line message: the file is missing, unreadable, a directory,
/// binary, or its text longer than [`MAX_INPUT_BYTES`].
pub fn read(path: &str) -> Result<Decoded, String> {
    let name = if path == "-" {
        "standard input".to_string()
    } else {
        path.to_string()
    };
    let decoded = decode(&read_bytes(path, &name)?, &name)?;
    if decoded.text.len() > MAX_INPUT_BYTES {
        return Err(too_large_message(&name, decoded.text.len() as u64));
    }
    Ok(decoded)
}

/// The bytes of `path`, refused early when they cannot decode to a text of
/// at most [`MAX_INPUT_BYTES`] (twice that in UTF-16, and a byte-order mark).
fn read_bytes(path: &str, name: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let limit = 2 * MAX_INPUT_BYTES as u64 + 4;
    if path == "-" {
        std::io::stdin()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read {name}: {}", plain_error(&e)))?;
    } else {
        if Path::new(path).is_dir() {
            return Err(format!("{name} is a directory, not a text file"));
        }
        if let Ok(metadata) = std::fs::metadata(path)
            && metadata.is_file()
            && metadata.len() > limit
        {
            return Err(too_large_message(name, metadata.len()));
        }
        std::fs::File::open(path)
            .and_then(|file| file.take(limit + 1).read_to_end(&mut bytes))
            .map_err(|e| format!("cannot read {name}: {}", plain_error(&e)))?;
    }
    if bytes.len() as u64 > limit {
        return Err(format!(
            "{name} holds more than {}; article-diff compares at most {} of text a side (about 1.4 million words)",
            describe_size(limit),
            describe_size(MAX_INPUT_BYTES as u64)
        ));
    }
    Ok(bytes)
}

/// Decodes bytes read from `name`.
pub fn decode(bytes: &[u8], name: &str) -> Result<Decoded, String> {
    // UTF-32's byte-order marks first: the little-endian one begins with
    // UTF-16's (FF FE), which would misread it with a NUL between letters.
    // encoding_rs, made for the web, has no UTF-32.
    if let Some(big_endian) = match bytes {
        [0xFF, 0xFE, 0, 0, ..] => Some(false),
        [0, 0, 0xFE, 0xFF, ..] => Some(true),
        _ => None,
    } {
        return Ok(decode_utf32(&bytes[4..], big_endian, name));
    }
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let warning = had_errors.then(|| {
            format!(
                "{name}: invalid {} sequences were replaced with U+FFFD",
                encoding.name()
            )
        });
        return Ok(Decoded {
            text: text.into_owned(),
            warning,
        });
    }
    if bytes.contains(&0) {
        return Err(format!(
            "{name} looks like a binary file (it holds NUL bytes), not text"
        ));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            warning: None,
        });
    }
    // UTF-8 but for a few bytes (a file cut mid-character, one stray byte):
    // more valid multi-byte characters than invalid sequences says UTF-8.
    // Windows-1252 text has its accented letters as lone bytes, which almost
    // never form valid UTF-8 sequences.
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if multibyte >= invalid {
        return Ok(Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            warning: Some(format!(
                "{name}: {invalid} invalid UTF-8 sequence{} replaced with U+FFFD",
                if invalid == 1 { " was" } else { "s were" }
            )),
        });
    }
    let (text, _, _) = WINDOWS_1252.decode(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        warning: Some(format!("{name} is not UTF-8; read it as Windows-1252")),
    })
}

/// Decodes UTF-32 (after its byte-order mark); code units that are no
/// Unicode scalar value, and a last one cut short, become U+FFFD.
fn decode_utf32(bytes: &[u8], big_endian: bool, name: &str) -> Decoded {
    let mut text = String::with_capacity(bytes.len() / 4);
    let mut invalid = 0usize;
    let mut units = bytes.chunks_exact(4);
    for unit in &mut units {
        let unit = [unit[0], unit[1], unit[2], unit[3]];
        let value = if big_endian {
            u32::from_be_bytes(unit)
        } else {
            u32::from_le_bytes(unit)
        };
        text.push(char::from_u32(value).unwrap_or_else(|| {
            invalid += 1;
            '\u{FFFD}'
        }));
    }
    if !units.remainder().is_empty() {
        invalid += 1;
        text.push('\u{FFFD}');
    }
    let warning = (invalid > 0).then(|| {
        format!(
            "{name}: {invalid} invalid UTF-32 {} replaced with U+FFFD",
            if invalid == 1 {
                "unit was"
            } else {
                "units were"
            }
        )
    });
    Decoded { text, warning }
}

/// An I/O error's message without the "(os error N)" tail.
fn plain_error(error: &std::io::Error) -> String {
    let message = error.to_string();
    match message.find(" (os error") {
        Some(at) => message[..at].to_string(),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"caf\xc3\xa9", "x").unwrap().text, "café");
        let with_bom = decode(b"\xef\xbb\xbfcaf\xc3\xa9", "x").unwrap();
        assert_eq!(with_bom.text, "café");
        assert!(with_bom.warning.is_none());
    }

    #[test]
    fn utf32_with_bom_is_read_as_utf32_not_utf16() {
        let text = "h\u{e9}\u{1F600}";
        let le: Vec<u8> = [0xFF, 0xFE, 0, 0]
            .into_iter()
            .chain(text.chars().flat_map(|c| (c as u32).to_le_bytes()))
            .collect();
        let decoded = decode(&le, "x").unwrap();
        assert_eq!(decoded.text, text);
        assert!(decoded.warning.is_none());
        let be: Vec<u8> = [0, 0, 0xFE, 0xFF]
            .into_iter()
            .chain(text.chars().flat_map(|c| (c as u32).to_be_bytes()))
            .collect();
        assert_eq!(decode(&be, "x").unwrap().text, text);
        // A surrogate and a unit cut short are replaced, and said so.
        let bad = [0xFF, 0xFE, 0, 0, 0x00, 0xD8, 0, 0, b'a', 0, 0, 0, 1];
        let decoded = decode(&bad, "x").unwrap();
        assert_eq!(decoded.text, "\u{FFFD}a\u{FFFD}");
        assert_eq!(
            decoded.warning.as_deref(),
            Some("x: 2 invalid UTF-32 units were replaced with U+FFFD")
        );
    }

    #[test]
    fn utf8_with_a_few_bad_bytes_stays_utf8() {
        // Accents and one stray byte: UTF-8 with the byte replaced, not
        // every accent turned into mojibake.
        let bytes = b"caf\xc3\xa9, cr\xc3\xa8me br\xc3\xbbl\xc3\xa9e \xff and na\xc3\xafve";
        let decoded = decode(bytes, "menu.txt").unwrap();
        assert_eq!(decoded.text, "café, crème brûlée \u{FFFD} and naïve");
        assert_eq!(
            decoded.warning.as_deref(),
            Some("menu.txt: 1 invalid UTF-8 sequence was replaced with U+FFFD")
        );
        // Windows-1252 accents, no valid multi-byte sequence: 1252.
        let decoded = decode(b"caf\xe9 cr\xe8me", "old.txt").unwrap();
        assert_eq!(decoded.text, "café crème");
    }

    #[test]
    fn utf16_with_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hé".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le, "x").unwrap().text, "hé");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("hé".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be, "x").unwrap().text, "hé");
    }

    #[test]
    fn other_bytes_fall_back_to_windows_1252_with_a_warning() {
        let decoded = decode(b"caf\xe9 \x93quoted\x94", "old.txt").unwrap();
        assert_eq!(decoded.text, "café “quoted”");
        assert_eq!(
            decoded.warning.as_deref(),
            Some("old.txt is not UTF-8; read it as Windows-1252")
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let error = decode(b"PK\x03\x04\x00\x00", "archive.zip").unwrap_err();
        assert_eq!(
            error,
            "archive.zip looks like a binary file (it holds NUL bytes), not text"
        );
    }
}
