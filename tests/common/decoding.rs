//! What the command line's decoding (`src/cli/input.rs`) promises, as a
//! function returning a message: used by the `decode` fuzz target and the
//! fuzz regression test.
#![allow(dead_code)] // each includer uses a part

#[path = "../../src/cli/input.rs"]
pub mod input;

/// Decodes `bytes` as the command line does and checks the result.
pub fn check_decoding(bytes: &[u8]) -> Result<(), String> {
    // UTF-32LE's mark begins with UTF-16LE's: it is looked for first.
    let bom = [
        (&b"\xEF\xBB\xBF"[..], "UTF-8"),
        (&b"\xFF\xFE\x00\x00"[..], "UTF-32LE"),
        (&b"\x00\x00\xFE\xFF"[..], "UTF-32BE"),
        (&b"\xFF\xFE"[..], "UTF-16LE"),
        (&b"\xFE\xFF"[..], "UTF-16BE"),
    ]
    .into_iter()
    .find(|(mark, _)| bytes.starts_with(mark));
    match input::decode(bytes, "input.txt") {
        Err(message) => {
            if bom.is_some() || !bytes.contains(&0) {
                return Err(format!("refused a file that is not binary: {message}"));
            }
            if message.contains('\n') {
                return Err(format!("a message of more than one line: {message:?}"));
            }
        }
        Ok(decoded) => {
            if let Some(warning) = &decoded.warning
                && warning.contains('\n')
            {
                return Err(format!("a warning of more than one line: {warning:?}"));
            }
            match bom {
                None => {
                    if bytes.contains(&0) {
                        return Err("accepted a file with NUL bytes".into());
                    }
                    match std::str::from_utf8(bytes) {
                        Ok(text) if text != decoded.text || decoded.warning.is_some() => {
                            return Err("UTF-8 not read back unchanged and silently".into());
                        }
                        Ok(_) => {}
                        // UTF-8 but for a few bytes, those replaced; or
                        // Windows-1252, which gives every byte a character.
                        Err(_)
                            if decoded.text != String::from_utf8_lossy(bytes)
                                && decoded.text.chars().count() != bytes.len() =>
                        {
                            return Err("neither lossy UTF-8 nor Windows-1252".into());
                        }
                        Err(_) if decoded.warning.is_none() => {
                            return Err("a guessed encoding without a warning".into());
                        }
                        Err(_) => {}
                    }
                }
                Some((mark, "UTF-8")) => {
                    if let Ok(text) = std::str::from_utf8(&bytes[mark.len()..])
                        && (text != decoded.text || decoded.warning.is_some())
                    {
                        return Err("UTF-8 after a BOM not read back unchanged".into());
                    }
                }
                Some((mark, name)) => {
                    let body = &bytes[mark.len()..];
                    if decoded.warning.is_none() {
                        let again: Vec<u8> = match name {
                            "UTF-32LE" => decoded
                                .text
                                .chars()
                                .flat_map(|c| (c as u32).to_le_bytes())
                                .collect(),
                            "UTF-32BE" => decoded
                                .text
                                .chars()
                                .flat_map(|c| (c as u32).to_be_bytes())
                                .collect(),
                            _ => decoded
                                .text
                                .encode_utf16()
                                .flat_map(|u| {
                                    if name == "UTF-16LE" {
                                        u.to_le_bytes()
                                    } else {
                                        u.to_be_bytes()
                                    }
                                })
                                .collect(),
                        };
                        if again != body {
                            return Err(format!("{name} without a warning did not round-trip"));
                        }
                    }
                }
            }
        }
    }
    Ok(())
}
