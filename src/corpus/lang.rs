//! Language of an article: the code its metadata declares, `--lang`, or detection from the
//! text (`whatlang`), as an ISO 639-1 code where there is one (`isolang`).
//!
//! Detection reads the start of the text (at most [`DETECT_BYTES`]): a news article states its
//! language in its first paragraphs, and reading all of a long article would cost time and tell
//! nothing more. A detection whose confidence `whatlang` does not call reliable (short texts,
//! mixed scripts) gives no language: such an article is analysed and shown as `und`
//! (undetermined) rather than skipped on a guess.

/// Bytes of text that detection reads.
pub const DETECT_BYTES: usize = 4096;

/// The code shown for an article whose language could not be told.
pub const UNDETERMINED: &str = "und";

/// Individual languages that `whatlang` names whose macrolanguage has the two-letter code a
/// lexicon is written with (ISO 639-3 has no two-letter code for them).
const MACROLANGUAGE: &[(&str, &str)] = &[("cmn", "zh"), ("pes", "fa"), ("arb", "ar")];

/// Normalises a language code as metadata writes it (`en`, `EN-us`, `en_GB`, `eng`, `fas`):
/// the primary subtag, lower case, as ISO 639-1 when the language has a two-letter code.
/// None for an empty code or one that names no language.
pub fn normalize(code: &str) -> Option<String> {
    let primary = code
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.len() {
        2 => isolang::Language::from_639_1(&primary).map(|_| primary),
        3 => {
            if let Some((_, two)) = MACROLANGUAGE.iter().find(|(three, _)| *three == primary) {
                return Some(two.to_string());
            }
            let l = isolang::Language::from_639_3(&primary)?;
            Some(l.to_639_1().map(str::to_string).unwrap_or(primary))
        }
        _ => None,
    }
}

/// The language of `text` when detection is reliable, normalised as [`normalize`].
pub fn detect(text: &str) -> Option<String> {
    let mut end = text.len().min(DETECT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() {
        return None;
    }
    normalize(info.lang().code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_normalise_to_two_letters() {
        assert_eq!(normalize("en").as_deref(), Some("en"));
        assert_eq!(normalize(" EN-us ").as_deref(), Some("en"));
        assert_eq!(normalize("en_GB").as_deref(), Some("en"));
        assert_eq!(normalize("eng").as_deref(), Some("en"));
        assert_eq!(normalize("rus").as_deref(), Some("ru"));
        assert_eq!(normalize("pes").as_deref(), Some("fa"));
        assert_eq!(normalize("fas").as_deref(), Some("fa"));
        assert_eq!(normalize("cmn").as_deref(), Some("zh"));
        assert_eq!(normalize("english"), None);
        assert_eq!(normalize("xx"), None);
        assert_eq!(normalize(""), None);
    }

    #[test]
    fn detection_tells_languages_apart_and_abstains_when_unsure() {
        let en = "The Syrian government said on Tuesday that its forces had retaken the town \
                  after weeks of fighting, while the opposition denied the claim.";
        let ru = "Министр иностранных дел России Сергей Лавров заявил во вторник, что Москва \
                  продолжит поддерживать сирийское правительство в борьбе с терроризмом.";
        let fa = "وزیر امور خارجه ایران روز سه‌شنبه گفت که تهران به حمایت از دولت سوریه در \
                  مبارزه با تروریسم ادامه خواهد داد و این موضع تغییر نخواهد کرد.";
        let fr = "Le gouvernement syrien a affirmé mardi que ses forces avaient repris la ville \
                  après des semaines de combats, ce que l'opposition a démenti.";
        assert_eq!(detect(en).as_deref(), Some("en"));
        assert_eq!(detect(ru).as_deref(), Some("ru"));
        assert_eq!(detect(fa).as_deref(), Some("fa"));
        assert_eq!(detect(fr).as_deref(), Some("fr"));
        assert_eq!(detect("OK"), None);
        // A multi-byte character across the detection limit is not cut.
        let long = "é".repeat(DETECT_BYTES);
        let _ = detect(&long);
    }
}
