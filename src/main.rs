//! `article-diff ORIGINAL PARAPHRASE`: prints the word diff of two text files.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use article_diff::{Op, compare};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [original_path, paraphrase_path] = args.as_slice() else {
        eprintln!("usage: article-diff ORIGINAL PARAPHRASE   (- reads standard input)");
        return ExitCode::from(2);
    };
    match run(original_path, paraphrase_path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("article-diff: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(original_path: &str, paraphrase_path: &str) -> Result<(), String> {
    let original = read_text(original_path)?;
    let paraphrase = read_text(paraphrase_path)?;
    let result = compare(&original, &paraphrase).map_err(|e| e.to_string())?;
    let mut out = String::new();
    for span in result.original_spans() {
        let text = &original[span.start as usize..span.end as usize];
        match span.op {
            Op::Delete => out.push_str(&format!("[-{text}-]")),
            _ => out.push_str(text),
        }
    }
    out.push_str("\n---\n");
    for span in result.paraphrase_spans() {
        let text = &paraphrase[span.start as usize..span.end as usize];
        match span.op {
            Op::Insert => out.push_str(&format!("{{+{text}+}}")),
            _ => out.push_str(text),
        }
    }
    out.push('\n');
    io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| format!("cannot write the result: {e}"))
}

fn read_text(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    }
    String::from_utf8(bytes).map_err(|_| format!("{path} is not UTF-8 text"))
}
