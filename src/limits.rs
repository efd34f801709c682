//! How much text a comparison takes, and how to say so.

use crate::error::Error;

/// The largest text, in UTF-8 bytes, that one side of a comparison may hold:
/// 8 MiB, about 1.4 million words of English.
///
/// Chosen from `node bench/limits.mjs` (bench/README.md, "Size limit"): at
/// this size a side of prose compares in about 2 s within 300 MB of
/// WebAssembly memory, and the densest text there is (one punctuation token
/// a byte) in 2.4 s and 0.8 GB, far from the browser's 4 GB; at 12 MB prose
/// took 3.6 s and the densest text 1.2 GB. Offsets are `u32`, so the bound
/// must in any case stay below 4 GiB.
pub const MAX_INPUT_BYTES: usize = 8 << 20;

/// A byte count for people: "8 MB", "20.3 MB", "512 KB" (1 MB = 2^20 bytes).
pub fn describe_size(bytes: u64) -> String {
    const MB: u64 = 1 << 20;
    if bytes >= MB {
        let tenths = (bytes * 10 + MB / 2) / MB;
        if tenths.is_multiple_of(10) {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    } else if bytes >= 1024 {
        format!("{} KB", (bytes + 512) / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// What to tell someone whose text is over [`MAX_INPUT_BYTES`]: "the
/// original is 20.3 MB of text; article-diff compares at most 8 MB a side
/// (about 1.4 million words)".
pub fn too_large_message(what: &str, bytes: u64) -> String {
    let limit = describe_size(MAX_INPUT_BYTES as u64);
    let size = describe_size(bytes);
    let size = if size == limit {
        format!("just over {size}")
    } else {
        size
    };
    format!(
        "{what} is {size} of text; article-diff compares at most {limit} a side (about 1.4 million words)"
    )
}

pub(crate) fn check_size(side: &'static str, text: &str) -> Result<(), Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::InputTooLarge {
            side,
            bytes: text.len(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(describe_size(0), "0 bytes");
        assert_eq!(describe_size(1023), "1023 bytes");
        assert_eq!(describe_size(1536), "2 KB");
        assert_eq!(describe_size(MAX_INPUT_BYTES as u64), "8 MB");
        assert_eq!(describe_size(21_286_093), "20.3 MB");
    }
}
