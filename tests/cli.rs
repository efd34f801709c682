//! The command line, run as a reader runs it.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/reports.rs"]
mod reports;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_article-diff");

fn run(args: &[&str]) -> Output {
    run_with_input(args, b"")
}

fn run_with_input(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The tool may stop reading early (a refused size): a broken pipe is fine.
    match stdin.write_all(input) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("{e}"),
        _ => {}
    }
    drop(stdin);
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh folder under the target directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn example(side: &str) -> String {
    format!("{}/www/example/{side}.txt", env!("CARGO_MANIFEST_DIR"))
}

/// A failure: exit code 2, one line on standard error, nothing on standard out.
fn assert_fails_cleanly(output: &Output, expected: &str) {
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(output.stdout.is_empty(), "stdout: {}", text(&output.stdout));
    assert_eq!(stderr.lines().count(), 1, "stderr: {stderr}");
    assert!(stderr.contains(expected), "stderr: {stderr}");
}

#[test]
fn the_text_report_is_plain_when_piped() {
    let output = run(&[&example("original"), &example("paraphrase")]);
    assert!(output.status.success());
    let out = text(&output.stdout);
    assert!(out.starts_with("article-diff: original "), "{out}");
    assert!(out.contains("Copied passages:"));
    assert!(out.contains("{+") && out.contains("[-"));
    assert!(!out.contains('\x1b'), "colour codes in piped output");
}

#[test]
fn colour_can_be_asked_for() {
    let output = run(&[
        "--color",
        "always",
        &example("original"),
        &example("paraphrase"),
    ]);
    assert!(text(&output.stdout).contains("\x1b[32m"));
}

#[test]
fn json_is_the_documented_model() {
    let output = run(&[
        "--format",
        "json",
        &example("original"),
        &example("paraphrase"),
    ]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["format"], "article-diff/1");
    assert_eq!(json["offsets"], "utf-8");
    assert!(json["stats"]["copied_words"].as_u64().unwrap() > 0);
    let utf16 = run(&[
        "-f",
        "json",
        "--offsets",
        "utf-16",
        &example("original"),
        &example("paraphrase"),
    ]);
    let json: serde_json::Value = serde_json::from_slice(&utf16.stdout).unwrap();
    assert_eq!(json["offsets"], "utf-16");
}

#[test]
fn every_option_has_a_flag() {
    let output = run(&[
        "-f",
        "json",
        "--ignore-case",
        "false",
        "--unify-punctuation",
        "no",
        "--normalize-unicode",
        "off",
        "--ignore-punctuation",
        "true",
        "--min-run",
        "6",
        "--pair-threshold",
        "0.3",
        "--time-budget",
        "0",
        &example("original"),
        &example("paraphrase"),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let options = &json["options"];
    assert_eq!(options["ignore_case"], false);
    assert_eq!(options["unify_punctuation"], false);
    assert_eq!(options["normalize_unicode"], false);
    assert_eq!(options["ignore_punctuation"], true);
    assert_eq!(options["min_run"], 6);
    assert_eq!(options["pair_threshold"], 0.3);
    assert_eq!(options["time_budget_ms"], serde_json::Value::Null);
}

#[test]
fn the_html_report_escapes_the_texts() {
    let dir = scratch("html_escapes");
    let hostile = dir.join("hostile.txt");
    std::fs::write(
        &hostile,
        "Tonight <script>alert(1)</script> & <img src=x onerror=alert(2)> news.",
    )
    .unwrap();
    let output = run(&[
        "--format",
        "html",
        &example("original"),
        hostile.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    let html = text(&output.stdout);
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assert!(!html.contains("<script") && !html.contains("<img"));
    assert!(html.contains("Content-Security-Policy"));
}

#[test]
fn standard_input_is_one_of_the_texts() {
    let paraphrase = std::fs::read(example("paraphrase")).unwrap();
    let output = run_with_input(&[&example("original"), "-"], &paraphrase);
    assert!(output.status.success());
    let piped = text(&output.stdout);
    let direct = text(&run(&[&example("original"), &example("paraphrase")]).stdout);
    assert_eq!(piped, direct);
}

#[test]
fn both_texts_cannot_come_from_standard_input() {
    assert_fails_cleanly(&run(&["-", "-"]), "only one of the two texts");
}

#[test]
fn a_missing_file_is_one_line_and_exit_code_2() {
    assert_fails_cleanly(
        &run(&["no-such-file.txt", &example("paraphrase")]),
        "cannot read no-such-file.txt: No such file or directory",
    );
}

#[test]
fn a_directory_is_refused() {
    assert_fails_cleanly(
        &run(&[env!("CARGO_MANIFEST_DIR"), &example("paraphrase")]),
        "is a directory, not a text file",
    );
}

#[test]
fn an_unreadable_path_is_refused() {
    // A path through a file: unreadable even for root.
    let through_a_file = format!("{}/nested.txt", example("original"));
    assert_fails_cleanly(
        &run(&[&through_a_file, &example("paraphrase")]),
        "cannot read",
    );
}

#[test]
fn a_binary_file_is_refused() {
    let dir = scratch("binary");
    let binary = dir.join("image.png");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    assert_fails_cleanly(
        &run(&[binary.to_str().unwrap(), &example("paraphrase")]),
        "looks like a binary file",
    );
}

#[test]
fn an_oversized_file_is_refused_before_it_is_read() {
    let dir = scratch("oversized");
    let huge = dir.join("huge.txt");
    // A sparse file: 100 MB on paper, nothing on disk.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(100 << 20)
        .unwrap();
    let out = dir.join("out.json");
    let output = run(&[
        &example("original"),
        huge.to_str().unwrap(),
        "--format=json",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_fails_cleanly(
        &output,
        "huge.txt is 100 MB of text; article-diff compares at most 8 MB a side (about 1.4 million words)",
    );
    assert!(!out.exists(), "an output file was written");
}

#[test]
fn a_text_over_the_limit_is_refused_with_its_size() {
    let dir = scratch("over-limit");
    let big = dir.join("book.txt");
    std::fs::write(&big, "All work and no play. ".repeat(9 << 20 >> 4)).unwrap();
    assert_fails_cleanly(
        &run(&[big.to_str().unwrap(), &example("paraphrase")]),
        "book.txt is 12.4 MB of text; article-diff compares at most 8 MB a side",
    );
}

#[test]
fn oversized_standard_input_is_refused() {
    let input = vec![b'a'; (16 << 20) + 100];
    assert_fails_cleanly(
        &run_with_input(&["-", &example("paraphrase")], &input),
        "standard input holds more than 16 MB; article-diff compares at most 8 MB of text a side",
    );
}

#[test]
fn a_text_at_the_limit_is_compared() {
    let dir = scratch("at-limit");
    let full = dir.join("full.txt");
    let sentence = "The council voted. ";
    // Mostly one long word, which compares quickly even in a debug build.
    let mut body = sentence.repeat(1000);
    body.push_str(&"x".repeat((8 << 20) - body.len()));
    std::fs::write(&full, &body).unwrap();
    let output = run(&[
        full.to_str().unwrap(),
        &example("paraphrase"),
        "--format=json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(output.stdout.starts_with(b"{"));
}

#[test]
fn windows_1252_is_read_with_a_warning() {
    let dir = scratch("cp1252");
    let old = dir.join("old.txt");
    std::fs::write(&old, b"The caf\xe9 said \x93yes\x94 to the plan.").unwrap();
    let output = run(&["-f", "json", old.to_str().unwrap(), &example("paraphrase")]);
    assert!(output.status.success());
    assert!(text(&output.stderr).contains("is not UTF-8; read it as Windows-1252"));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let spans = json["original"]["spans"].as_array().unwrap();
    let rebuilt: String = spans.iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert_eq!(rebuilt, "The café said “yes” to the plan.");
}

#[test]
fn utf16_with_a_byte_order_mark_is_read() {
    let dir = scratch("utf16");
    let file = dir.join("utf16.txt");
    let original = std::fs::read_to_string(example("original")).unwrap();
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(original.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(&file, bytes).unwrap();
    let output = run(&[file.to_str().unwrap(), &example("original")]);
    assert!(output.status.success());
    assert!(text(&output.stdout).contains("Paraphrase: copied 100%"));
}

#[test]
fn bad_option_values_are_named() {
    assert_fails_cleanly(
        &run(&[
            "--min-run",
            "0",
            &example("original"),
            &example("paraphrase"),
        ]),
        "option min_run must be a whole number from 1 to 1000, not 0",
    );
    assert_fails_cleanly(
        &run(&[
            "--pair-threshold",
            "2",
            &example("original"),
            &example("paraphrase"),
        ]),
        "option pair_threshold must be from 0 to 1, not 2",
    );
    let unknown = run(&[
        "--min-runs",
        "3",
        &example("original"),
        &example("paraphrase"),
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(unknown.stdout.is_empty());
}

#[test]
fn output_to_a_file_appears_whole() {
    let dir = scratch("output");
    let target = dir.join("report.html");
    let output = run(&[
        "-f",
        "html",
        "-o",
        target.to_str().unwrap(),
        &example("original"),
        &example("paraphrase"),
    ]);
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.ends_with("</html>\n"));
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, [std::ffi::OsString::from("report.html")]);
}

#[test]
fn output_that_cannot_be_written_leaves_nothing_behind() {
    let dir = scratch("output_fails");
    let output = run(&[
        "-o",
        dir.to_str().unwrap(),
        &example("original"),
        &example("paraphrase"),
    ]);
    assert_fails_cleanly(&output, "is a directory; name a file to write");
    let missing = dir.join("no/such/folder/report.txt");
    let output = run(&[
        "-o",
        missing.to_str().unwrap(),
        &example("original"),
        &example("paraphrase"),
    ]);
    assert_fails_cleanly(&output, "cannot write");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
}

/// The files in a folder, by name, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The report of the example pair on standard output, to compare with
/// what `-o` wrote.
fn example_report(format: &str) -> Vec<u8> {
    let output = run(&["-f", format, &example("original"), &example("paraphrase")]);
    assert!(output.status.success());
    output.stdout
}

fn run_to(target: &Path, format: &str) -> Output {
    run(&[
        "-f",
        format,
        "-o",
        target.to_str().unwrap(),
        &example("original"),
        &example("paraphrase"),
    ])
}

#[test]
fn output_through_a_symbolic_link_writes_its_target_and_keeps_the_link() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("output_link");
    let real = dir.join("real.txt");
    std::fs::write(&real, "an older report").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.join("link.txt");
    std::os::unix::fs::symlink("real.txt", &link).unwrap();
    let output = run_to(&link, "text");
    assert!(output.status.success(), "{}", text(&output.stderr));
    let metadata = std::fs::symlink_metadata(&link).unwrap();
    assert!(metadata.file_type().is_symlink(), "the link was replaced");
    assert_eq!(std::fs::read_link(&link).unwrap(), Path::new("real.txt"));
    assert_eq!(std::fs::read(&real).unwrap(), example_report("text"));
    // The file it names keeps its permissions.
    let mode = std::fs::metadata(&real).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(names_in(&dir), ["link.txt", "real.txt"]);
}

#[test]
fn output_through_a_dangling_link_creates_what_it_names() {
    let dir = scratch("output_dangling");
    std::fs::create_dir(dir.join("reports")).unwrap();
    let link = dir.join("latest.json");
    std::os::unix::fs::symlink("reports/today.json", &link).unwrap();
    let output = run_to(&link, "json");
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read(dir.join("reports/today.json")).unwrap(),
        example_report("json")
    );
    assert_eq!(names_in(&dir.join("reports")), ["today.json"]);

    // A link into a folder that does not exist: one line, nothing left.
    let nowhere = dir.join("nowhere.json");
    std::os::unix::fs::symlink("no/such/folder/report.json", &nowhere).unwrap();
    assert_fails_cleanly(&run_to(&nowhere, "json"), "cannot write");
    assert_eq!(names_in(&dir), ["latest.json", "nowhere.json", "reports"]);
}

#[test]
fn output_to_a_named_pipe_writes_into_the_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let dir = scratch("output_fifo");
    let fifo = dir.join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|status| status.success()) {
        eprintln!("skipped: mkfifo failed");
        return;
    }
    // A reader first: opening a pipe to write waits for one.
    let mut reader = Command::new("cat")
        .arg(&fifo)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let output = run_to(&fifo, "json");
    let still_a_pipe = std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo();
    if !still_a_pipe {
        // cat still waits on the pipe that was replaced.
        let _ = reader.kill();
        let _ = reader.wait();
        panic!("the named pipe was replaced");
    }
    assert!(output.status.success(), "{}", text(&output.stderr));
    let read = reader.wait_with_output().unwrap();
    assert_eq!(read.stdout, example_report("json"));
    assert_eq!(names_in(&dir), ["pipe"]);
}

#[test]
fn output_to_a_device_writes_into_the_device() {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let null = Path::new("/dev/null");
    let before = std::fs::symlink_metadata(null).unwrap();
    if before.file_type().is_char_device() {
        let output = run_to(null, "text");
        assert!(output.status.success(), "{}", text(&output.stderr));
        let after = std::fs::symlink_metadata(null).unwrap();
        assert!(after.file_type().is_char_device(), "/dev/null was replaced");
        assert_eq!((after.dev(), after.ino()), (before.dev(), before.ino()));
    } else {
        eprintln!("/dev/null is no character device here: not written to");
    }
    // A device of the test's own, where the system lets us make one (root).
    let dir = scratch("output_device");
    let device = dir.join("null");
    let made = Command::new("mknod")
        .args(["-m", "666"])
        .arg(&device)
        .args(["c", "1", "3"])
        .stderr(Stdio::null())
        .status();
    if made.is_ok_and(|status| status.success()) {
        let before = std::fs::symlink_metadata(&device).unwrap();
        let output = run_to(&device, "html");
        assert!(output.status.success(), "{}", text(&output.stderr));
        let after = std::fs::symlink_metadata(&device).unwrap();
        assert!(
            after.file_type().is_char_device(),
            "the device was replaced"
        );
        assert_eq!(after.ino(), before.ino());
        assert_eq!(names_in(&dir), ["null"]);
    }
}

#[test]
fn output_into_a_folder_that_refuses_writing_leaves_nothing_behind() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("output_read_only");
    let folder = dir.join("locked");
    std::fs::create_dir(&folder).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root writes anywhere: then there is nothing to show.
    let probe = folder.join("probe");
    if std::fs::write(&probe, "").is_ok() {
        let _ = std::fs::remove_file(&probe);
        eprintln!("skipped: this user can write into a read-only folder");
    } else {
        assert_fails_cleanly(&run_to(&folder.join("report.txt"), "text"), "cannot write");
        assert!(names_in(&folder).is_empty());
    }
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn output_through_a_link_to_a_directory_or_a_loop_is_refused() {
    let dir = scratch("output_link_odd");
    std::fs::create_dir(dir.join("folder")).unwrap();
    let to_folder = dir.join("to_folder");
    std::os::unix::fs::symlink("folder", &to_folder).unwrap();
    assert_fails_cleanly(&run_to(&to_folder, "text"), "is a directory");
    let looped = dir.join("loop");
    std::os::unix::fs::symlink("loop", &looped).unwrap();
    assert_fails_cleanly(&run_to(&looped, "text"), "symbolic links");
    assert_eq!(names_in(&dir), ["folder", "loop", "to_folder"]);
    assert!(names_in(&dir.join("folder")).is_empty());
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    let dir = scratch("output_closed");
    let long = std::fs::read_to_string(example("original"))
        .unwrap()
        .repeat(40);
    let original = dir.join("original.txt");
    std::fs::write(&original, &long).unwrap();
    let mut child = Command::new(BIN)
        .args([
            "-f",
            "json",
            original.to_str().unwrap(),
            &example("paraphrase"),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(output.stderr.is_empty(), "{}", text(&output.stderr));
    assert_eq!(&first[..1], b"{");
}

#[test]
fn help_names_every_option() {
    let output = run(&["--help"]);
    assert!(output.status.success());
    let help = text(&output.stdout);
    for flag in [
        "--format",
        "--output",
        "--ignore-case",
        "--unify-punctuation",
        "--normalize-unicode",
        "--ignore-punctuation",
        "--min-run",
        "--pair-threshold",
        "--time-budget",
        "--offsets",
        "--color",
    ] {
        assert!(help.contains(flag), "{flag} missing from --help");
    }
}

// ---- many rewrites of one original -----------------------------------------

fn prose(name: &str) -> String {
    format!("{}/tests/fixtures/prose/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The original and three rewrites of it, in the order the tests give them.
fn many() -> (String, Vec<String>) {
    (
        example("original"),
        vec![
            example("paraphrase"),
            prose("comet_a.txt"),
            example("original"),
        ],
    )
}

fn run_many(format: &str, original: &str, rewrites: &[String]) -> Output {
    let mut args = vec!["-f", format, original];
    args.extend(rewrites.iter().map(String::as_str));
    run(&args)
}

fn json_array(output: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice::<serde_json::Value>(&output.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn many_rewrites_are_reported_in_the_order_given_under_their_names() {
    let (original, rewrites) = many();
    let output = run_many("text", &original, &rewrites);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    assert!(
        out.starts_with(&format!("article-diff: original {original}, 3 rewrites\n")),
        "{out}"
    );
    let rows: Vec<&str> = out.lines().skip(4).collect();
    assert_eq!(rows.len(), 3, "{out}");
    for (row, name) in rows.iter().zip(&rewrites) {
        assert!(row.starts_with(name.as_str()), "{row} is not {name}");
    }

    let output = run_many("json", &original, &rewrites);
    assert!(output.status.success());
    let array = json_array(&output);
    let names: Vec<&str> = array.iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(names, rewrites);
    for model in &array {
        assert_eq!(model["format"], "article-diff/1");
    }

    let output = run_many("csv", &original, &rewrites);
    assert!(output.status.success());
    let out = text(&output.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "name,words,copied_percent,reworded_percent,new_percent,moved_passages,unquoted_copied_words,longest_passage_words,error"
    );
    let names: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(names, rewrites);
}

#[test]
fn the_overview_figures_are_those_of_each_pair_alone() {
    let (original, rewrites) = many();
    let array = json_array(&run_many("json", &original, &rewrites));
    let csv = text(&run_many("csv", &original, &rewrites).stdout);
    for ((rewrite, element), row) in rewrites.iter().zip(&array).zip(csv.lines().skip(1)) {
        let alone: serde_json::Value =
            serde_json::from_slice(&run(&["-f", "json", &original, rewrite]).stdout).unwrap();
        assert_eq!(element["stats"], alone["stats"], "{rewrite}");
        assert_eq!(element["runs"], alone["runs"], "{rewrite}");
        let stats = &alone["stats"];
        let percent = |field: &str| {
            let part = stats[field].as_f64().unwrap();
            let whole = stats["paraphrase_words"].as_f64().unwrap();
            ((part * 1000.0 / whole).round() / 10.0).to_string()
        };
        let longest = alone["runs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|run| run["words"].as_u64().unwrap())
            .max()
            .unwrap_or(0);
        let expected = format!(
            "{rewrite},{},{},{},{},{},{},{longest},",
            stats["paraphrase_words"],
            percent("copied_words"),
            percent("reworded_words"),
            percent("new_words"),
            stats["moved_runs"],
            stats["unquoted_copied_words"],
        );
        assert_eq!(row, expected);
    }
}

#[test]
fn csv_quotes_a_name_with_a_comma() {
    let dir = scratch("csv_quotes_a_name_with_a_comma");
    let odd = dir.join("one, \"two\".txt");
    std::fs::copy(example("paraphrase"), &odd).unwrap();
    let odd = odd.to_str().unwrap().to_string();
    let output = run_many(
        "csv",
        &example("original"),
        &[odd.clone(), example("paraphrase")],
    );
    assert!(output.status.success());
    let out = text(&output.stdout);
    let quoted = format!("\"{}\",", odd.replace('"', "\"\""));
    assert!(out.lines().nth(1).unwrap().starts_with(&quoted), "{out}");
    assert!(out.contains("\r\n"), "CSV rows end in CRLF");
}

#[test]
fn a_missing_rewrite_among_good_ones_is_named_and_the_others_reported() {
    let (original, mut rewrites) = many();
    rewrites.insert(1, "no/such/rewrite.txt".to_string());
    for format in ["text", "json", "csv"] {
        let output = run_many(format, &original, &rewrites);
        assert_eq!(output.status.code(), Some(2), "{format}");
        let stderr = text(&output.stderr);
        assert_eq!(
            stderr,
            "article-diff: cannot read no/such/rewrite.txt: No such file or directory\n"
        );
        let out = text(&output.stdout);
        match format {
            "text" => {
                assert!(out.contains(
                    "not compared: cannot read no/such/rewrite.txt: No such file or directory"
                ));
                assert_eq!(out.lines().skip(4).count(), 4, "{out}");
            }
            "json" => {
                let array = json_array(&output);
                assert_eq!(array.len(), 4);
                assert_eq!(array[1]["name"], "no/such/rewrite.txt");
                assert_eq!(
                    array[1]["error"],
                    "cannot read no/such/rewrite.txt: No such file or directory"
                );
                for index in [0, 2, 3] {
                    assert_eq!(array[index]["format"], "article-diff/1");
                }
            }
            _ => {
                assert!(out.contains(
                    "\nno/such/rewrite.txt,,,,,,,,cannot read no/such/rewrite.txt: No such file or directory\r\n"
                ));
                assert_eq!(out.lines().count(), 5);
            }
        }
    }
}

#[test]
fn a_bad_original_compares_nothing() {
    let (_, rewrites) = many();
    for format in ["text", "json", "csv", "html"] {
        let output = run_many(format, "no/such/original.txt", &rewrites);
        assert_fails_cleanly(&output, "cannot read no/such/original.txt");
    }
}

#[test]
fn details_show_each_comparison_after_the_overview() {
    let (original, rewrites) = many();
    let mut args = vec!["--details", original.as_str()];
    args.extend(rewrites.iter().map(String::as_str));
    let out = text(&run(&args).stdout);
    let mut after = 0;
    for name in &rewrites {
        let heading = format!("\n== {name} ==\n\narticle-diff: original ");
        let at = out[after..]
            .find(&heading)
            .unwrap_or_else(|| panic!("{name}: {out}"));
        after += at + heading.len();
    }
    let without = text(&run_many("text", &original, &rewrites).stdout);
    assert!(!without.contains("\n== "));
}

#[test]
fn one_html_page_holds_the_overview_and_every_comparison() {
    let (original, mut rewrites) = many();
    rewrites.push("<missing>.txt".to_string());
    let output = run_many("html", &original, &rewrites);
    assert_eq!(output.status.code(), Some(2));
    let page = text(&output.stdout);
    assert_eq!(page.matches("<!doctype html>").count(), 1);
    for index in 1..=3 {
        assert!(
            page.contains(&format!("<a href=\"#rewrite-{index}\">")),
            "{index}"
        );
        assert!(
            page.contains(&format!("<section id=\"rewrite-{index}\">")),
            "{index}"
        );
    }
    assert!(page.contains("<th scope=\"row\">&lt;missing&gt;.txt</th>"));
    assert!(!page.contains("<missing>"));
    assert!(!page.contains("rewrite-4"));
}

#[test]
fn one_rewrite_as_csv_is_an_overview_of_one() {
    let output = run(&["-f", "csv", &example("original"), &example("paraphrase")]);
    assert!(output.status.success());
    assert_eq!(text(&output.stdout).lines().count(), 2);
}

#[test]
fn help_shows_both_forms() {
    let help = text(&run(&["--help"]).stdout);
    assert!(
        help.contains("article-diff [OPTIONS] ORIGINAL REWRITE\n"),
        "{help}"
    );
    assert!(help.contains("article-diff [OPTIONS] ORIGINAL REWRITE REWRITE..."));
    assert!(help.contains("--details"));
}

#[test]
fn standard_input_can_be_one_of_many_rewrites_but_only_one() {
    let rewrite = std::fs::read(example("paraphrase")).unwrap();
    let output = run_with_input(
        &["-f", "csv", &example("original"), "-", &example("original")],
        &rewrite,
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let alone = text(&run(&["-f", "csv", &example("original"), &example("paraphrase")]).stdout);
    let row = alone
        .lines()
        .nth(1)
        .unwrap()
        .replacen(&example("paraphrase"), "-", 1);
    assert_eq!(text(&output.stdout).lines().nth(1).unwrap(), row);
    let output = run(&[&example("original"), "-", &example("paraphrase"), "-"]);
    assert_fails_cleanly(
        &output,
        "only one of the texts can come from standard input",
    );
}

#[test]
fn a_binary_rewrite_among_good_ones_is_a_row_saying_why() {
    let dir = scratch("a_binary_rewrite_among_good_ones_is_a_row_saying_why");
    let binary = dir.join("archive.zip");
    std::fs::write(&binary, b"PK\x03\x04\x00\x00").unwrap();
    let binary = binary.to_str().unwrap();
    let output = run(&[&example("original"), binary, &example("paraphrase")]);
    assert_eq!(output.status.code(), Some(2));
    let message = format!("{binary} looks like a binary file (it holds NUL bytes), not text");
    assert_eq!(text(&output.stderr), format!("article-diff: {message}\n"));
    let out = text(&output.stdout);
    assert!(
        out.contains(&format!("  not compared: {message}\n")),
        "{out}"
    );
    assert!(
        out.lines()
            .last()
            .unwrap()
            .starts_with(&example("paraphrase"))
    );
}

#[test]
fn rewrites_beyond_one_batch_keep_their_order_in_every_format() {
    // More rewrites than are compared at once (32), a missing one among
    // them: every format keeps the order given across batches, and HTML
    // and --details (which compare twice, to put the overview first) agree.
    let dir = scratch("many-batches");
    let original = example("original");
    let mut rewrites = Vec::new();
    for i in 0..40 {
        let path = dir.join(format!("rewrite-{i:02}.txt"));
        if i != 35 {
            let mut body = std::fs::read_to_string(example("paraphrase")).unwrap();
            body.push_str(&format!("\nA line of its own, number {i}.\n"));
            std::fs::write(&path, body).unwrap();
        }
        rewrites.push(path.to_string_lossy().into_owned());
    }
    let output = run_many("json", &original, &rewrites);
    assert_eq!(output.status.code(), Some(2));
    let array = json_array(&output);
    let names: Vec<&str> = array.iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(names, rewrites);
    assert!(
        array[35]["error"]
            .as_str()
            .unwrap()
            .contains("rewrite-35.txt")
    );
    assert_eq!(array[34]["format"], "article-diff/1");
    // The missing file is told once, even where rewrites are compared twice.
    for format in ["html", "text"] {
        let mut args: Vec<&str> = vec!["-f", format, "--details", &original];
        if format == "html" {
            args.remove(2);
        }
        args.extend(rewrites.iter().map(String::as_str));
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(text(&output.stderr).matches("rewrite-35.txt").count(), 1);
        let out = text(&output.stdout);
        let at = |name: &str| out.find(name).unwrap();
        assert!(
            at("rewrite-00.txt") < at("rewrite-33.txt")
                && at("rewrite-33.txt") < at("rewrite-39.txt")
        );
        if format == "html" {
            assert!(
                out.contains("id=\"rewrite-40\""),
                "the last section keeps its number"
            );
        } else {
            assert!(out.contains(&format!("== {} ==", rewrites[39])));
        }
    }
}

// ---- one text against several sources ---------------------------------------

/// Three sources (paths to the prose fixtures) and a text stitched from
/// their sentences in turn (A1 B1 C1 A2 …), written to `dir`, with a
/// sentence of its own every few.
fn stitched(dir: &Path) -> (Vec<String>, String) {
    let sources: Vec<String> = ["drought_a.txt", "comet_a.txt", "drought_b.txt"]
        .iter()
        .map(|name| prose(name))
        .collect();
    let sentences: Vec<Vec<String>> = sources
        .iter()
        .map(|path| common::simple_sentences(&std::fs::read_to_string(path).unwrap()))
        .collect();
    let mut text = String::new();
    for i in 0..sentences.iter().map(Vec::len).max().unwrap() {
        for list in &sentences {
            if let Some(sentence) = list.get(i) {
                text.push_str(sentence);
                text.push(' ');
            }
        }
        if i % 3 == 2 {
            text.push_str("This sentence is the writer's own and comes from nowhere.\n\n");
        }
    }
    let path = dir.join("stitched.txt");
    std::fs::write(&path, text).unwrap();
    (sources, path.to_string_lossy().into_owned())
}

fn run_sources(format: &str, sources: &[String], text: &str) -> Output {
    let mut args = vec!["-f", format];
    for source in sources {
        args.extend(["--source", source.as_str()]);
    }
    args.push(text);
    run(&args)
}

#[test]
fn sources_json_names_each_source_and_every_run_and_pair_reads_back() {
    let dir = scratch("sources-json");
    let (sources, text_path) = stitched(&dir);
    let output = run_sources("json", &sources, &text_path);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let model: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let text = std::fs::read_to_string(&text_path).unwrap();
    assert_eq!(model["format"], "article-diff/1");
    let listed = model["sources"].as_array().unwrap();
    let names: Vec<&str> = listed.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, sources);
    let range = |value: &serde_json::Value| {
        value[0].as_u64().unwrap() as usize..value[1].as_u64().unwrap() as usize
    };
    let runs = model["runs"].as_array().unwrap();
    let pairs = model["pairs"].as_array().unwrap();
    let mut from = [0; 3];
    for item in runs.iter().chain(pairs) {
        let source = item["source"].as_u64().expect("an integer source") as usize;
        from[source] += 1;
        let source_text = listed[source]["text"].as_str().unwrap();
        let there = &source_text[range(&item["original"])];
        let here = &text[range(&item["paraphrase"])];
        if item.get("ops").is_none() {
            assert_eq!(common::word_keys(there), common::word_keys(here), "{item}");
        }
    }
    assert!(
        from.iter().all(|&n| n > 0),
        "every source gave something: {from:?}"
    );
    let per_source: u64 = listed
        .iter()
        .map(|s| s["stats"]["copied_words"].as_u64().unwrap())
        .sum();
    let whole = model["stats"]["copied_words"].as_u64().unwrap();
    assert!(0 < whole && whole <= per_source, "{whole} of {per_source}");
    let rebuilt: String = model["paraphrase"]["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(rebuilt, text);
}

#[test]
fn sources_csv_has_a_row_a_source_and_one_for_all() {
    let dir = scratch("sources-csv");
    let (sources, text_path) = stitched(&dir);
    let output = run_sources("csv", &sources, &text_path);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let model: serde_json::Value =
        serde_json::from_slice(&run_sources("json", &sources, &text_path).stdout).unwrap();
    let out = text(&output.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "source,name,copied_words,copied_percent,copied_passages,sentence_pairs,error"
    );
    assert_eq!(lines.len(), 5, "{out}");
    let words = model["stats"]["paraphrase_words"].as_f64().unwrap();
    let percent = |copied: &serde_json::Value| {
        ((copied.as_f64().unwrap() * 1000.0 / words).round() / 10.0).to_string()
    };
    for (index, letter) in ["A", "B", "C"].iter().enumerate() {
        let stats = &model["sources"][index]["stats"];
        assert_eq!(
            lines[index + 1],
            format!(
                "{letter},{},{},{},{},{},",
                sources[index],
                stats["copied_words"],
                percent(&stats["copied_words"]),
                stats["runs"],
                stats["pairs"]
            )
        );
    }
    let stats = &model["stats"];
    assert_eq!(
        lines[4],
        format!(
            "whole,,{},{},{},{},",
            stats["copied_words"],
            percent(&stats["copied_words"]),
            stats["runs"],
            stats["pairs"]
        )
    );
    assert!(out.contains("\r\n"), "CSV rows end in CRLF");
}

#[test]
fn sources_text_report_has_a_legend_and_marks_passages_by_letter() {
    let dir = scratch("sources-text");
    let (sources, text_path) = stitched(&dir);
    let output = run_sources("text", &sources, &text_path);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    assert!(!out.contains('\u{1b}'), "plain when piped");
    assert!(
        out.starts_with(&format!("article-diff: text {text_path}, ")),
        "{out}"
    );
    for (letter, name) in ["A", "B", "C"].iter().zip(&sources) {
        let line = out
            .lines()
            .find(|l| l.starts_with(letter) && l.contains(name.as_str()))
            .unwrap_or_else(|| panic!("no legend line for {letter}: {out}"));
        assert!(line.ends_with(|c: char| c.is_ascii_digit()), "{line}");
        assert!(out.contains(&format!("[{letter}: ")), "{letter}: {out}");
        assert!(out.contains(&format!("\n{letter} · copied · ")), "{letter}");
    }
    assert!(out.lines().any(|l| l.starts_with("all ")), "{out}");
    assert!(
        out.contains("\nnew\n  + "),
        "the writer's own sentences are new"
    );
    reports::check_text_report(&out, false).unwrap();
    let colour = text(&run(&["--color", "always", "--source", &sources[0], &text_path]).stdout);
    reports::check_text_report(&colour, true).unwrap();
    assert!(colour.contains("[A: "), "letters stay in colour");
}

#[test]
fn sources_html_report_passes_the_checker_and_marks_by_letter() {
    let dir = scratch("sources-html");
    let (mut sources, text_path) = stitched(&dir);
    sources.push("<missing>.txt".to_string());
    let output = run_sources("html", &sources, &text_path);
    assert_eq!(output.status.code(), Some(2));
    let page = text(&output.stdout);
    reports::check_html_report(&page).unwrap();
    for (place, letter) in ["A", "B", "C"].iter().enumerate() {
        let badge = format!("<span class=\"letter s{place}\">{letter}</span>");
        assert!(
            page.contains(&format!("<span class=\"copied src s{place}\">{badge}")),
            "{letter}"
        );
        assert!(page.contains(&format!("<td>{}</td>", sources[place])));
    }
    assert!(page.contains("<td>&lt;missing&gt;.txt</td><td colspan=\"4\">not compared: "));
    assert!(!page.contains("<missing>"));
}

#[test]
fn a_sentence_copied_whole_without_a_pair_is_not_called_new() {
    // The text splits source A's sentence in two around B's: the second
    // half is copied word for word but paired with nothing. The pair
    // report calls such a sentence "copied · repeats"; so must this one.
    let dir = scratch("sources-repeats");
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    let t = dir.join("text.txt");
    std::fs::write(&a, "The council voted on Monday to close the old Whitmore school after years of debate about falling enrollment in the valley. The mayor said nothing.\n").unwrap();
    std::fs::write(&b, "Rain fell on the hills all week and the river rose to its highest level since records began in the town.\n").unwrap();
    std::fs::write(&t, "The council voted on Monday to close the old Whitmore school. Rain fell on the hills all week and the river rose. After years of debate about falling enrollment in the valley.\n").unwrap();
    let sources = [
        a.to_string_lossy().into_owned(),
        b.to_string_lossy().into_owned(),
    ];
    let text_path = t.to_string_lossy().into_owned();
    let report = text(&run_sources("text", &sources, &text_path).stdout);
    let row = report
        .split("\n\n")
        .find(|row| row.contains("After years of debate"))
        .unwrap();
    assert!(row.starts_with("A · copied · repeats A ¶1 s1\n"), "{row}");
    assert!(!report.contains("\nnew\n"), "{report}");
    let page = text(&run_sources("html", &sources, &text_path).stdout);
    reports::check_html_report(&page).unwrap();
    assert!(
        page.contains("copied<br><small>¶1 s3<br>repeats ¶1 s1</small>"),
        "{page}"
    );
}

#[test]
fn a_bad_source_among_good_ones_is_named_and_the_others_compared() {
    let dir = scratch("sources-bad-one");
    let (mut sources, text_path) = stitched(&dir);
    let binary = dir.join("archive.zip");
    std::fs::write(&binary, b"PK\x03\x04\x00\x00").unwrap();
    sources.insert(1, binary.to_string_lossy().into_owned());
    let message = format!(
        "{} looks like a binary file (it holds NUL bytes), not text",
        sources[1]
    );
    for format in ["json", "text", "csv"] {
        let output = run_sources(format, &sources, &text_path);
        assert_eq!(output.status.code(), Some(2), "{format}");
        assert_eq!(text(&output.stderr), format!("article-diff: {message}\n"));
        let out = text(&output.stdout);
        match format {
            "json" => {
                let model: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
                let listed = model["sources"].as_array().unwrap();
                assert_eq!(listed.len(), 4);
                assert_eq!(listed[1]["error"], message.as_str());
                for index in [0, 2, 3] {
                    assert!(listed[index]["stats"]["copied_words"].as_u64().unwrap() > 0);
                }
                let items = model["runs"].as_array().unwrap().iter();
                assert!(
                    items
                        .chain(model["pairs"].as_array().unwrap())
                        .all(|i| i["source"] != 1)
                );
            }
            "text" => assert!(out.contains(&format!("not compared: {message}\n")), "{out}"),
            _ => assert!(
                out.contains(&format!("\nB,{},,,,,\"{message}\"\r\n", sources[1])),
                "{out}"
            ),
        }
    }
}

#[test]
fn a_bad_text_compares_nothing_and_writes_nothing() {
    let dir = scratch("sources-bad-text");
    let target = dir.join("report.json");
    let output = run(&[
        "-f",
        "json",
        "-o",
        target.to_str().unwrap(),
        "--source",
        &prose("comet_a.txt"),
        "no/such/text.txt",
    ]);
    assert_fails_cleanly(&output, "cannot read no/such/text.txt");
    assert!(names_in(&dir).is_empty(), "{:?}", names_in(&dir));
}

#[test]
fn mixing_the_forms_is_one_line_and_exit_code_2() {
    let source = prose("comet_a.txt");
    let text = prose("comet_b.txt");
    for (args, expected) in [
        (
            vec!["--source", &source, &text, &text],
            "--source compares one TEXT with the sources, but 2 texts were given",
        ),
        (
            vec!["--details", "--source", &source, &text],
            "--details is for many rewrites of one original",
        ),
        (
            vec!["--source", &source],
            "--source needs the TEXT to compare with the sources",
        ),
        (
            vec!["--source", "-", "-"],
            "only one of the two texts can come from standard input",
        ),
    ] {
        assert_fails_cleanly(&run(&args), expected);
    }
}

#[test]
fn help_shows_the_sources_form() {
    let help = text(&run(&["--help"]).stdout);
    assert!(
        help.contains("article-diff [OPTIONS] --source SOURCE [--source SOURCE...] TEXT"),
        "{help}"
    );
    assert!(help.contains("--source <SOURCE>"), "{help}");
}

fn language_fixture(code: &str, name: &str) -> String {
    format!(
        "{}/tests/fixtures/languages/{code}/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn the_language_is_detected_named_and_can_be_set() {
    let german = [
        language_fixture("de", "original"),
        language_fixture("de", "rewrite"),
    ];
    let output = run(&["-f", "json", &german[0], &german[1]]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let model: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        model["languages"],
        serde_json::json!({"original": "de", "paraphrase": "de", "used": "de"})
    );
    assert_eq!(model["options"]["language"], "auto");
    let report = text(&run(&[&german[0], &german[1]]).stdout);
    assert!(report.contains("\nLanguage: German\n"), "{report}");

    let set = text(&run(&["--language", "fr", &german[0], &german[1]]).stdout);
    assert!(
        set.contains(
            "\nLanguage: French, as the options set it (detected: original German, rewrite German)\n"
        ),
        "{set}"
    );
    let english = text(&run(&[&example("original"), &example("paraphrase")]).stdout);
    assert!(english.contains("\nLanguage: English\n"), "{english}");
}

#[test]
fn texts_in_two_languages_get_a_note_and_no_reworded_pair() {
    let output = run(&[
        "-f",
        "json",
        &language_fixture("fr", "original"),
        &language_fixture("es", "rewrite"),
    ]);
    let model: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(model["languages"]["original"], "fr");
    assert_eq!(model["languages"]["paraphrase"], "es");
    assert_eq!(model["stats"]["reworded_words"], 0);
    let report = text(
        &run(&[
            &language_fixture("fr", "original"),
            &language_fixture("es", "rewrite"),
        ])
        .stdout,
    );
    assert!(
        report.contains(
            "Note: the texts are in different languages (original French, rewrite Spanish)"
        ),
        "{report}"
    );
    assert!(!report.contains("\nLanguage: "), "{report}");
}

#[test]
fn an_unknown_language_is_refused_with_the_list() {
    let output = run(&[
        "--language",
        "xx",
        &example("original"),
        &example("paraphrase"),
    ]);
    assert_fails_cleanly(
        &output,
        "option language must be \"auto\" or one of en, ar, cs, da, de",
    );
}
