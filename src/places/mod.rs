//! The Syrian gazetteer built into the binary: governorates, districts, sub-districts (OCHA
//! P-codes) and GeoNames towns, matched against normalised words.
//!
//! Sources and licences are in `src/places/SOURCE.md` (OCHA COD via open-admin-data,
//! CC-BY-4.0; GeoNames, CC-BY-4.0).
//!
//! Matching is word by word, with the clitics `و ب ل ف` allowed on the first word (`بإدلب`,
//! `وحلب`). Town names that are also common words (`التل` "the hill", `صدد` "regard",
//! `ثورة` "revolution") and every name of four letters or fewer only count after a word
//! that introduces a place (`مدينة`, `بلدة`, `قرية`, `حي`, `مخيم`, `ريف`, `ناحية`).

use crate::lexicon::Words as WordSet;
use crate::lexicon::bytes;
use std::collections::{HashMap, HashSet};

/// Word lookups run for every word of every article: a fast, fixed-seed hasher.
type FastState = foldhash::fast::FixedState;
use std::sync::OnceLock;

use crate::normalize::{Endings, normalize_word};

const PLACES: &str = include_str!("syria_places.csv");
const ALIASES: &str = include_str!("syria_admin1_aliases.csv");
const TOWNS: &str = include_str!("syria_towns_geonames.csv");

/// The words around a name that decide whether it is read as a place (`words.toml`).
const WORDS: &str = include_str!("words.toml");

/// Localities the two sources leave out (neighbourhoods, towns, regions), with their
/// governorate and what must stand before them (`syria_localities.csv`).
const LOCALITIES: &str = include_str!("syria_localities.csv");

/// The words of `words.toml`, each a phrase of normalised words.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    locatives: Vec<String>,
    #[serde(rename = "in")]
    in_: Vec<String>,
    /// `in` written on the name it governs (`بالرياض`).
    in_clitic: Vec<String>,
    common: Vec<String>,
    not_after: Vec<String>,
    foreign_after: Vec<String>,
    nationwide: Vec<String>,
    /// The country's own name, as where a figure was: read after `في` or a locative only
    /// (`في سورية`; not `قوات سوريا الديمقراطية`).
    country: Vec<String>,
    near: Vec<String>,
    abroad: Vec<String>,
    attacked: Vec<String>,
    /// An attack named before `على` (`attack_on`), at most `attack_reach` words before it:
    /// the name after `على` is where it struck.
    attack_nouns: Vec<String>,
    attack_on: Vec<String>,
    attack_reach: usize,
    /// Words OCHA writes before the name of a district's or sub-district's seat (`مركز
    /// إدلب`): the name is read without them.
    seat: Vec<String>,
}

fn phrases(list: &[String]) -> Vec<Vec<String>> {
    list.iter()
        .map(|p| p.split_whitespace().map(normalize_word).collect())
        .collect()
}

/// Does `phrase` stand in `words` from `at` on?
fn phrase_at(words: &[&str], at: usize, phrase: &[String]) -> bool {
    !phrase.is_empty()
        && words.len() >= at + phrase.len()
        && phrase
            .iter()
            .zip(&words[at..])
            .all(|(p, w)| bytes::same(p, w) || bytes::same(p, strip(w)))
}

/// A governorate: OCHA P-code, English name, and Arabic name as the gazetteer writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Admin1 {
    pub pcode: &'static str,
    pub name_en: &'static str,
    pub name_ar: &'static str,
}

/// A place found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The name as the gazetteer writes it in Arabic.
    pub name: String,
    pub admin1: Admin1,
    /// The most specific OCHA P-code known for it (sub-district, district or governorate).
    pub pcode: String,
    /// Governorate names rank below towns when both are in reach.
    pub is_admin1: bool,
    /// Not a place but words that spread a figure over the country (`في مختلف المناطق
    /// السورية`): a figure they stand with has no one place.
    pub nationwide: bool,
    /// A place of another country (`سروج`, `العراق`): a figure placed there has no Syrian
    /// governorate.
    pub abroad: bool,
}

/// What must stand before a name for it to be read as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Guard {
    /// Nothing: the name is no ordinary word.
    Free,
    /// A locative noun (`مدينة`, `بلدة`, …): the name is short or also an ordinary word.
    Locative,
    /// A locative noun or `في`: a short name of a big town (`في دوما`, `في منبج`), which
    /// news write without `مدينة`.
    LocativeOrIn,
}

/// A town this big (GeoNames population) with a short name is read after `في` too.
const BIG_TOWN: u64 = 20_000;

#[derive(Debug, Clone)]
struct Name {
    words: Vec<String>,
    place: Place,
    guard: Guard,
}

/// The compiled gazetteer.
#[derive(Debug, Default)]
pub struct Gazetteer {
    by_first: HashMap<String, Vec<Name>, FastState>,
    admin1: Vec<Admin1>,
    /// Words that introduce a place name, normalised.
    locatives: WordSet,
    /// `in`, bare or after `و`, normalised.
    ins: WordSet,
    /// `in` written on a name, normalised.
    in_clitic: Vec<String>,
    /// Before a name, words that make it part of a group's name (`لواء شهداء اليرموك`).
    not_after: WordSet,
    /// After a name, words that place it in another country (`الجيزة المصرية`).
    foreign_after: Vec<Vec<String>>,
    /// The first words of `foreign_after`: the word after a name is looked up here before
    /// the phrases are, as most names are followed by none of them.
    foreign_first: HashSet<String, FastState>,
    /// Words that set a place beside another (`زملكا قرب دمشق`), normalised.
    near: WordSet,
    /// An attack on a place right before its name (`استهدف`): a locative too.
    attacked: Vec<Vec<String>>,
    /// The nouns of an attack, and `على` after them: a name after `على` with one of them at
    /// most `attack_reach` words before is where the attack struck (`الغارات على دوما`).
    attack_nouns: WordSet,
    attack_on: WordSet,
    attack_reach: usize,
    /// The endings of every name's first word. A text word and the word without its
    /// clitic end alike, so a word whose ending is not here starts no name: most words are
    /// turned away before any lookup.
    endings: Endings,
}

fn rows(csv_text: &'static str) -> Vec<Vec<&'static str>> {
    // The files are simple: no quoted commas except in alias notes, which come last.
    csv_text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(',').collect())
        .collect()
}

impl Gazetteer {
    fn build() -> Gazetteer {
        let words: Words = toml::from_str(WORDS).expect("places/words.toml is valid");
        let norm = |l: &Vec<String>| l.iter().map(|w| normalize_word(w)).collect::<Vec<_>>();
        let foreign_after = phrases(&words.foreign_after);
        let mut g = Gazetteer {
            locatives: WordSet::new(norm(&words.locatives)),
            ins: WordSet::new(norm(&words.in_)),
            in_clitic: norm(&words.in_clitic),
            not_after: WordSet::new(norm(&words.not_after)),
            foreign_first: foreign_after
                .iter()
                .filter_map(|p| p.first().cloned())
                .collect(),
            foreign_after,
            near: WordSet::new(norm(&words.near)),
            attacked: phrases(&words.attacked),
            attack_nouns: WordSet::new(norm(&words.attack_nouns)),
            attack_on: WordSet::new(norm(&words.attack_on)),
            attack_reach: words.attack_reach,
            ..Gazetteer::default()
        };
        let places = rows(PLACES);
        for r in places.iter().filter(|r| r.get(1) == Some(&"1")) {
            g.admin1.push(Admin1 {
                pcode: r[0],
                name_en: r[3],
                name_ar: r[2],
            });
        }
        let admin1_of = |pcode: &str| {
            g.admin1
                .iter()
                .copied()
                .find(|a| pcode.starts_with(a.pcode))
        };
        let mut entries = Vec::new();
        for r in rows(ALIASES) {
            let (Some(a), Some(name)) = (admin1_of(r[0]), r.get(2)) else {
                continue;
            };
            let ambiguous = r.get(4).is_some_and(|n| n.contains("ambiguous"));
            entries.push((name.to_string(), a, a.pcode.to_string(), true, ambiguous));
        }
        // Districts and sub-districts. A town is given the P-code of the one of its name,
        // written with or without the spaces (`كفرنبل`, OCHA's `كفر نبل`): the sub-district
        // (level 3) wins over the district (level 2).
        let spaceless = |name: &str| normalize_word(&name.replace(' ', ""));
        let mut units: HashMap<(&str, String), (&str, &str)> = HashMap::new();
        for r in places
            .iter()
            .filter(|r| matches!(r.get(1), Some(&"2") | Some(&"3")))
        {
            let Some(a) = admin1_of(r[0]) else { continue };
            let name = words
                .seat
                .iter()
                .find_map(|w| r[2].strip_prefix(w.as_str()))
                .unwrap_or(r[2])
                .trim();
            entries.push((name.to_string(), a, r[0].to_string(), false, false));
            let unit = units
                .entry((a.pcode, spaceless(name)))
                .or_insert((r[1], r[0]));
            if r[1] > unit.0 {
                *unit = (r[1], r[0]);
            }
        }
        let unit_of = |a: Admin1, name: &str| {
            units
                .get(&(a.pcode, spaceless(name)))
                .map_or(a.pcode, |&(_, pcode)| pcode)
        };
        let mut big_towns = HashSet::new();
        for r in rows(TOWNS) {
            let Some(a) = r.get(4).and_then(|p| admin1_of(p)) else {
                continue;
            };
            let big = r
                .get(7)
                .and_then(|n| n.parse::<u64>().ok())
                .is_some_and(|n| n >= BIG_TOWN);
            for name in std::iter::once(r[1])
                .chain(r[2].split('|'))
                .filter(|n| !n.is_empty())
            {
                if big {
                    big_towns.insert(normalize_word(name));
                }
                entries.push((
                    name.to_string(),
                    a,
                    unit_of(a, name).to_string(),
                    false,
                    false,
                ));
            }
        }
        for r in rows(LOCALITIES) {
            let (Some(a), Some(guard)) = (admin1_of(r[1]), r.get(4)) else {
                continue;
            };
            // A name the text may also use as a word is read after a locative only; the
            // others are the names conflict news writes after `في` as it does a big town's
            // (`في برزة`, `في يلدا`).
            if *guard != "locative" {
                big_towns.insert(normalize_word(r[0]));
            }
            entries.push((
                r[0].to_string(),
                a,
                a.pcode.to_string(),
                false,
                *guard == "locative",
            ));
        }
        let common_words: HashSet<String> =
            words.common.iter().map(|c| normalize_word(c)).collect();
        for (name, admin1, pcode, is_admin1, ambiguous) in entries {
            // Some names carry direction marks (`الحولة` + two LRMs): not in what is shown.
            let name: String = name
                .chars()
                .filter(|&c| !crate::normalize::is_invisible_control(c))
                .collect();
            let words: Vec<String> = name.split_whitespace().map(normalize_word).collect();
            let letters: usize = words.iter().map(|w| w.chars().count()).sum();
            if words.is_empty() || letters < 3 {
                continue;
            }
            let joined = words.join(" ");
            let guard = if ambiguous || common_words.contains(&joined) {
                Guard::Locative
            } else if is_admin1 || letters > 4 {
                Guard::Free
            } else if big_towns.contains(&joined) {
                Guard::LocativeOrIn
            } else {
                Guard::Locative
            };
            let list = g.by_first.entry(words[0].clone()).or_default();
            // The first entry of a name wins: sub-districts before towns, as loaded.
            if list.iter().any(|e| e.words == words) {
                continue;
            }
            list.push(Name {
                words,
                place: Place {
                    name,
                    admin1,
                    pcode,
                    is_admin1,
                    nationwide: false,
                    abroad: false,
                },
                guard,
            });
        }
        // Words that spread a figure over the country, found in the same pass as names.
        let country = Admin1 {
            pcode: "SY",
            name_en: "Syria",
            name_ar: "سوريا",
        };
        let lists = [
            (&words.nationwide, true, Guard::Free),
            (&words.abroad, false, Guard::Free),
            (&words.country, true, Guard::LocativeOrIn),
        ];
        for (list, nationwide, guard) in lists {
            for words in phrases(list) {
                let Some(first) = words.first() else { continue };
                let names = g.by_first.entry(first.clone()).or_default();
                // A name that is also a Syrian place is the Syrian one.
                if names.iter().any(|e| e.words == words) {
                    continue;
                }
                names.push(Name {
                    place: Place {
                        name: words.join(" "),
                        admin1: country,
                        pcode: country.pcode.to_string(),
                        is_admin1: false,
                        nationwide,
                        abroad: !nationwide,
                    },
                    words,
                    guard,
                });
            }
        }
        for list in g.by_first.values_mut() {
            list.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        for first in g.by_first.keys() {
            g.endings.insert(first);
        }
        g
    }

    /// The 14 governorates.
    pub fn governorates(&self) -> &[Admin1] {
        &self.admin1
    }

    /// The names whose first word is `first` (the word at `at`, as written or without its
    /// clitic) and whose later words follow it in `words`.
    fn names_at<'g, 'w>(
        &'g self,
        words: &'w [&'w str],
        at: usize,
        first: &str,
    ) -> impl Iterator<Item = &'g Name> + use<'g, 'w> {
        self.by_first
            .get(first)
            .into_iter()
            .flatten()
            .filter(move |e| {
                e.words.len() <= words.len() - at
                    && e.words[1..]
                        .iter()
                        .zip(&words[at + 1..])
                        .all(|(w, t)| bytes::same(w, t))
            })
    }

    /// Places named in a run of normalised words, as (first word index, words used, place).
    pub fn find(&self, words: &[&str]) -> Vec<(usize, usize, &Place)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            // Asked only when a guarded name is met: most words are no name at all.
            let prev_locative = |or_in: bool| {
                if i == 0 {
                    return false;
                }
                let (prev, bare) = (words[i - 1], strip(words[i - 1]));
                (or_in && self.ins.has(prev))
                    || self.is_locative(prev)
                    || self.attacked.iter().any(|p| {
                        // The phrase's last word first: one comparison turns most away.
                        p.last()
                            .is_some_and(|l| bytes::same(l, prev) || bytes::same(l, bare))
                            && i >= p.len()
                            && phrase_at(words, i - p.len(), p)
                    })
                    || self.attack_before(words, i - 1)
            };
            let w = words[i];
            if !self.endings.may_end(w) {
                i += 1;
                continue;
            }
            let s = strip(w);
            let forms = [Some(w), Some(s).filter(|&s| s != w)];
            let found = forms.into_iter().flatten().find_map(|first| {
                self.names_at(words, i, first).find(|e| match e.guard {
                    Guard::Free => true,
                    Guard::Locative => prev_locative(false),
                    Guard::LocativeOrIn => prev_locative(true),
                })
            });
            // Part of a group's name (`لواء شهداء اليرموك`), or a place of another country
            // (`بمحافظة الجيزة المصرية`): no place of an event in Syria.
            let found = found.filter(|e| {
                let n = e.words.len();
                let named_group = i > 0 && any_of(&self.not_after, words[i - 1]);
                // The phrase's first word first: one comparison turns most away.
                let abroad = words.get(i + n).is_some_and(|&next| {
                    let bare = strip(next);
                    if !self.foreign_first.contains(next) && !self.foreign_first.contains(bare) {
                        return false;
                    }
                    self.foreign_after.iter().any(|p| {
                        p.first()
                            .is_some_and(|f| bytes::same(f, next) || bytes::same(f, bare))
                            && phrase_at(words, i + n, p)
                    })
                });
                // A district of a city abroad, named right before it behind `ب` or `في`
                // (`في حي الخالدية بالرياض`): of that city, not the Syrian place.
                let in_city_abroad = || {
                    // Past the name's own direction (`الباب الشرقي`) and a word that sets it
                    // in the city (`وسط بغداد`, `شمال الموصل`).
                    let mut at = i + n;
                    if words
                        .get(at)
                        .and_then(|w| {
                            let k = crate::morphology::builtin().key_shape().article_len(w)?;
                            w.get(k..)
                        })
                        .is_some_and(|w| self.is_near(w))
                    {
                        at += 1;
                    }
                    let set_in = words.get(at).is_some_and(|w| self.is_near(w));
                    if set_in {
                        at += 1;
                    }
                    let abroad_at = |from: usize, first: &str| {
                        self.names_at(words, from, first).any(|x| x.place.abroad)
                    };
                    match words.get(at) {
                        Some(&w) if self.ins.has(w) => {
                            words.get(at + 1).is_some_and(|&x| abroad_at(at + 1, x))
                        }
                        // As written after a word that sets it in the city, or behind `in`
                        // written on it alone: behind `و` it is another place of a list
                        // (`طريق دمشق بيروت` names two).
                        Some(&w) => {
                            (set_in && abroad_at(at, w))
                                || self
                                    .in_clitic
                                    .iter()
                                    .find_map(|c| w.strip_prefix(c.as_str()))
                                    .filter(|&s| strip(w) == s)
                                    .is_some_and(|s| abroad_at(at, s))
                        }
                        None => false,
                    }
                };
                !named_group && !abroad && (e.place.abroad || !in_city_abroad())
            });
            match found {
                Some(e) => {
                    out.push((i, e.words.len(), &e.place));
                    i += e.words.len();
                }
                None => i += 1,
            }
        }
        out
    }

    /// Does a normalised word set a place beside another (`قرب`, `شرق`)?
    pub fn is_near(&self, word: &str) -> bool {
        any_of(&self.near, word)
    }

    /// Is `words[on]` the `على` of an attack named at most `attack_reach` words before it
    /// (`القصف المدفعي على`, `هجوم الطائرات الروسية على`)? The noun bare, behind its clitic
    /// or with its article.
    fn attack_before(&self, words: &[&str], on: usize) -> bool {
        let shape = crate::morphology::builtin().key_shape();
        let noun = |w: &str| {
            let bare = strip(w);
            any_of(&self.attack_nouns, w)
                || shape
                    .article_len(bare)
                    .is_some_and(|k| self.attack_nouns.has(&bare[k..]))
        };
        self.attack_on.has(words[on])
            && (on.saturating_sub(self.attack_reach + 1)..on).any(|k| noun(words[k]))
    }

    /// Is a normalised word one that introduces a place name (`مدينة`, `بلدة`)?
    pub fn is_locative(&self, word: &str) -> bool {
        any_of(&self.locatives, word)
    }
}

/// Is a normalised word, or the word without its clitic, one of `list`?
fn any_of(list: &WordSet, word: &str) -> bool {
    list.has(word) || list.has(strip(word))
}

/// A word without the one clitic a place name may carry, when three letters remain (the
/// shared [`crate::morphology`] model).
#[inline]
fn strip(w: &str) -> &str {
    crate::morphology::builtin().strip_place_clitic(w)
}

/// The gazetteer built into the binary.
pub fn builtin() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::build)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn find(text: &str) -> Vec<(String, &'static str, String)> {
        let n = normalize(text).text;
        let words: Vec<&str> = n.split_whitespace().collect();
        builtin()
            .find(&words)
            .into_iter()
            .map(|(_, _, p)| (p.name.clone(), p.admin1.name_en, p.pcode.clone()))
            .collect()
    }

    #[test]
    fn fourteen_governorates() {
        let g = builtin();
        assert_eq!(g.governorates().len(), 14);
        assert_eq!(g.governorates()[0].pcode, "SY01");
        assert_eq!(g.governorates()[13].name_en, "Quneitra");
    }

    /// The places corpus (`examples.tsv`): spellings, P-codes, and the guards on names
    /// that are also words.
    #[test]
    fn example_corpus() {
        crate::corpus::check(
            "places/examples.tsv",
            include_str!("examples.tsv"),
            20,
            |_, text| {
                find(text)
                    .iter()
                    .map(|(name, _, pcode)| format!("{name}={pcode}"))
                    .collect::<Vec<_>>()
                    .join(" ; ")
            },
        );
    }

    #[test]
    fn names_shown_carry_no_invisible_marks() {
        for list in builtin().by_first.values() {
            for e in list {
                let name = &e.place.name;
                assert!(
                    !name.chars().any(crate::normalize::is_invisible_control),
                    "{name:?}"
                );
            }
        }
    }
}
