use super::*;

fn run(text: &str) -> Vec<Mention> {
    Extractor::new(crate::lexicon::builtin(), crate::numbers::builtin()).extract("t", text)
}
