// The summary's wording, its one copy: the page fills these phrases in
// (model.js), and so do the command line's text and HTML reports, which
// read this file when they are built (src/report/wording.rs takes what
// follows `export default` as JSON). Kept out of the WebAssembly engine,
// where filling them in would cost 0.5 KB gzip it does not have.
//
// A phrase is a list of parts. In a part, {name} is a count or share of the
// comparison (a field of its stats; a share in percent, such as
// copied_share; cut_short, the stages that ran out of time; or
// original_language, paraphrase_language and used_language, the names of
// the languages detected and compared in, "not determined" for none), and
// {name:one/many} the word for it in the singular or the plural. A part
// that starts with "?" is left out when its first count is 0.
export default {
  "paraphraseShares": [
    "{paraphrase_words} {paraphrase_words:word/words}: copied {copied_share}%, reworded {reworded_share}%, new {new_share}%"
  ],
  "originalShares": [
    "{original_words} {original_words:word/words}: kept {kept_share}%, reworded {original_reworded_share}%, dropped {dropped_share}%"
  ],
  "passages": ["{runs} {runs:copied passage/copied passages} ({moved_runs} moved)"],
  "passageCount": ["{runs} ({moved_runs} moved)"],
  "unquoted": [
    "{unquoted_copied_words} {unquoted_copied_words:copied word/copied words} outside quotation marks"
  ],
  "sentences": [
    "{pairs} {pairs:sentence pair/sentence pairs}: {copied_pairs} copied, {edited_pairs} edited, {reworded_pairs} reworded ({moved_pairs} moved); ",
    "{new_sentences} {new_sentences:new sentence/new sentences}, ",
    "?{repeated_sentences} repeated, ",
    "{dropped_sentences} dropped"
  ],
  "cutShort": ["the time budget ran out ({cut_short}); the comparison is coarser there"],
  "language": ["{used_language}"],
  "languageUnknown": [
    "not determined (too little text to tell), so compared without a language's common words and stems"
  ],
  "languageSet": [
    "{used_language}, as the options set it (detected: original {original_language}, rewrite {paraphrase_language})"
  ],
  "languagesDiffer": [
    "the texts are in different languages (original {original_language}, rewrite {paraphrase_language}): sentences pair only when they are the same, so no rewording is claimed between them; passages copied word for word are still shown"
  ]
};
