//! Real-world inputs (issue 17): saved web pages, WARC files, news-please JSON, Media Cloud and
//! GDELT-style CSV exports, and formats told from content. The pages of `fixtures/web/` are four
//! FA-KES articles (real text) inside the page furniture of news sites
//! (`fixtures/web/make.py`), checked against the FA-KES record they came from.

use crate::{fixture, run};
use framelens::corpus::{self, Article, InputKind, LoadOptions, Record, SkipKind};
use serde_json::Value;
use std::collections::BTreeMap;

fn records(path: &std::path::Path) -> Vec<Record> {
    corpus::open(path, &LoadOptions::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .collect()
}

/// The FA-KES records the pages were made from, by outlet.
fn originals() -> BTreeMap<String, Value> {
    let ids = ["1926478916", "1926479220", "1962495662", "1924058228"];
    let data = crate::root().join("../shared/data/fakes_syria.jsonl");
    let text = std::fs::read_to_string(&data).expect("FA-KES data beside the repository");
    text.lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| ids.contains(&v["id"].as_str().unwrap()))
        .map(|v| (v["outlet"].as_str().unwrap().to_string(), v))
        .collect()
}

/// Words of a text, for comparing extracted text with the original whatever the line breaks.
fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

fn check_page(a: &Article, original: &Value) {
    let body = original["text"].as_str().unwrap();
    assert!(
        a.text.ends_with(&body[body.len() - 60..])
            || words(&a.text).ends_with(&words(body)[words(body).len() - 10..]),
        "{}: the article's last words are missing:\n{}",
        a.outlet,
        a.text
    );
    for (i, w) in words(body).iter().enumerate().take(12) {
        assert!(
            a.text.contains(w),
            "{}: word {i} {w:?} of the article missing",
            a.outlet
        );
    }
    for chrome in [
        "Contact us",
        "Most read",
        "Oil prices climb",
        "All rights reserved",
        "Standards: The Thomson",
        "Creative Commons",
        "share it everywhere",
        "greetings from Beirut",
        "Related Coverage",
    ] {
        assert!(
            !a.text.contains(chrome),
            "{}: page furniture {chrome:?} kept in the text:\n{}",
            a.outlet,
            a.text
        );
    }
    assert_eq!(
        a.title.as_deref(),
        original["title"].as_str(),
        "{}",
        a.outlet
    );
    let date = a
        .date
        .as_deref()
        .unwrap_or_else(|| panic!("{}: no date", a.outlet));
    assert!(
        date.starts_with(original["date"].as_str().unwrap()),
        "{}: date {date}",
        a.outlet
    );
    assert!(
        a.url.as_deref().is_some_and(|u| u.starts_with("https://")),
        "{}",
        a.outlet
    );
    assert_eq!(a.lang.as_deref(), Some("en"));
    assert!(
        a.text.lines().count() > 1,
        "{}: paragraphs kept apart",
        a.outlet
    );
}

#[test]
fn saved_pages_give_main_text_title_date_and_outlet() {
    let originals = originals();
    for (outlet, original) in &originals {
        let path = fixture(&format!("web/pages/{outlet}.html"));
        assert_eq!(corpus::input_kind(&path).unwrap(), InputKind::Html);
        let recs = records(&path);
        assert_eq!(recs.len(), 1);
        let a = recs[0]
            .as_ref()
            .unwrap_or_else(|s| panic!("{}", s.message()));
        assert_eq!(&a.outlet, outlet, "outlet from the canonical host");
        check_page(a, original);
    }
    // A folder of pages: the same articles, in name order.
    let folder: Vec<Article> = records(&fixture("web/pages"))
        .into_iter()
        .map(|r| r.unwrap_or_else(|s| panic!("{}", s.message())))
        .collect();
    let outlets: Vec<&str> = folder.iter().map(|a| a.outlet.as_str()).collect();
    assert_eq!(outlets, ["alalam", "reuters", "sana", "tass"]);
}

#[test]
fn a_warc_gives_the_same_articles_with_record_offsets() {
    let originals = originals();
    let path = fixture("web/pages.warc.gz");
    assert_eq!(corpus::input_kind(&path).unwrap(), InputKind::WarcGz);
    let recs = records(&path);
    // warcinfo and requests are not records; four pages and one image.
    assert_eq!(recs.len(), 5, "{recs:?}");
    let mut seen = Vec::new();
    for r in &recs {
        match r {
            Ok(a) => {
                check_page(a, &originals[&a.outlet]);
                let offset: u64 = a.id.rsplit('@').next().unwrap().parse().unwrap();
                // The id's offset is where the record's gzip member starts.
                let bytes = std::fs::read(&path).unwrap();
                assert_eq!(&bytes[offset as usize..offset as usize + 2], &[0x1f, 0x8b]);
                seen.push(a.outlet.clone());
            }
            Err(s) => {
                assert_eq!(s.kind, SkipKind::NotArticle, "{}", s.message());
                assert!(s.reason.contains("image/jpeg"), "{}", s.reason);
            }
        }
    }
    assert_eq!(seen, ["sana", "reuters", "alalam", "tass"]);
    // The same file uncompressed: the same articles.
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("pages.warc");
    let mut out = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::MultiGzDecoder::new(std::fs::File::open(&path).unwrap()),
        &mut out,
    )
    .unwrap();
    std::fs::write(&plain, &out).unwrap();
    assert_eq!(corpus::input_kind(&plain).unwrap(), InputKind::Warc);
    let texts = |rs: Vec<Record>| -> Vec<String> {
        rs.into_iter()
            .filter_map(Result::ok)
            .map(|a| a.text)
            .collect()
    };
    assert_eq!(texts(records(&plain)), texts(records(&path)));
    // A truncated WARC: the records before the cut, then one read-error skip.
    let cut = dir.path().join("cut.warc");
    std::fs::write(&cut, &out[..out.len() * 2 / 3]).unwrap();
    let recs = records(&cut);
    assert_eq!(
        recs.last().unwrap().as_ref().unwrap_err().kind,
        SkipKind::ReadError
    );
    assert!(recs.iter().filter(|r| r.is_ok()).count() >= 2);
}

/// A news-please article as the crawler writes it (one pretty-printed file per article).
const NEWS_PLEASE: &str = r#"{
    "authors": ["Reuters Staff"],
    "date_download": "2017-05-02 10:11:12",
    "date_modify": null,
    "date_publish": "2017-04-30 09:15:00",
    "description": "Airstrikes kill civilians near Raqqa.",
    "filename": "https%3A%2F%2Ftass.com%2Fworld%2F943225.json",
    "image_url": null,
    "language": "en",
    "localpath": null,
    "maintext": "At least 14 civilians were killed by airstrikes carried out by the US-led international coalition in the outskirts of Raqqa in northern Syria, Al Mayadeen TV channel reported on Sunday.",
    "source_domain": "tass.com",
    "title": "US-led coalition airstrikes kill 14 civilians in northern Syria",
    "title_page": null,
    "title_rss": null,
    "url": "https://tass.com/world/943225"
}
"#;

#[test]
fn news_please_files_csv_exports_and_content_sniffing_need_no_flags() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // One news-please file, given alone and inside a folder.
    let np = d.join("np").join("943225.json");
    std::fs::create_dir_all(np.parent().unwrap()).unwrap();
    std::fs::write(&np, NEWS_PLEASE).unwrap();
    assert_eq!(corpus::input_kind(&np).unwrap(), InputKind::Json);
    for recs in [records(&np), records(np.parent().unwrap())] {
        let a = recs[0]
            .as_ref()
            .unwrap_or_else(|s| panic!("{}", s.message()));
        assert_eq!(a.outlet, "tass");
        assert_eq!(a.date.as_deref(), Some("2017-04-30 09:15:00"));
        assert_eq!(a.lang.as_deref(), Some("en"));
        assert!(a.text.starts_with("At least 14 civilians"));
        assert_eq!(a.url.as_deref(), Some("https://tass.com/world/943225"));
    }
    // The same as JSON Lines, gzip-compressed under a plain name, and plain under a .gz name.
    let line = serde_json::to_string(&serde_json::from_str::<Value>(NEWS_PLEASE).unwrap()).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, format!("{line}\n{line}\n").as_bytes()).unwrap();
    let gz_named_plain = d.join("a.jsonl");
    std::fs::write(&gz_named_plain, gz.finish().unwrap()).unwrap();
    assert_eq!(
        corpus::input_kind(&gz_named_plain).unwrap(),
        InputKind::JsonlGz
    );
    let plain_named_gz = d.join("b.jsonl.gz");
    std::fs::write(&plain_named_gz, format!("{line}\n")).unwrap();
    assert_eq!(
        corpus::input_kind(&plain_named_gz).unwrap(),
        InputKind::Jsonl
    );
    assert_eq!(records(&gz_named_plain).len(), 2);
    assert!(records(&plain_named_gz)[0].is_ok());
    // A page saved as .txt is read as a page.
    let txt = d.join("page.txt");
    std::fs::copy(fixture("web/pages/sana.html"), &txt).unwrap();
    assert_eq!(corpus::input_kind(&txt).unwrap(), InputKind::Html);
    // Something else says what it starts with and what to do.
    let odd = d.join("notes.dat");
    std::fs::write(&odd, "just some words\n").unwrap();
    let e = corpus::input_kind(&odd).unwrap_err().to_string();
    assert!(
        e.contains("\"just some words\"") && e.contains(".jsonl, .json, .csv"),
        "{e}"
    );
    // A Media Cloud export with text, and a GDELT-style one without: found by their columns.
    let mc = d.join("mediacloud.csv");
    std::fs::write(
        &mc,
        "id,indexed_date,language,media_name,media_url,publish_date,title,url,text\n\
         123,2023-01-02,en,nytimes.com,https://www.nytimes.com,2023-01-01 10:00:00,Talks,https://www.nytimes.com/a,\"Iran and Russia held talks on Syria, officials said.\"\n",
    )
    .unwrap();
    let a = records(&mc)
        .remove(0)
        .unwrap_or_else(|s| panic!("{}", s.message()));
    assert_eq!((a.id.as_str(), a.outlet.as_str()), ("123", "nytimes"));
    assert_eq!(a.date.as_deref(), Some("2023-01-01 10:00:00"));
    assert_eq!(a.lang.as_deref(), Some("en"));
    let gdelt = d.join("gdelt.csv");
    std::fs::write(
        &gdelt,
        "url,url_mobile,title,seendate,socialimage,domain,language,sourcecountry\n\
         https://www.presstv.ir/x,,Title,20230101T120000Z,,presstv.ir,English,Iran\n",
    )
    .unwrap();
    let e = corpus::open(&gdelt, &LoadOptions::default())
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("no column named \"text\" (nor maintext"), "{e}");
    assert!(e.contains("--text-col"), "{e}");
}

#[test]
fn languages_are_shown_per_outlet_and_uncovered_ones_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("mixed.jsonl");
    let rows = [
        ("1", "irna", "Iran's foreign minister said on Tuesday that Tehran would keep supporting the Syrian government in its fight against terrorism, and called on Washington to end its sanctions."),
        ("2", "irna", "وزیر امور خارجه ایران روز سه‌شنبه گفت که تهران به حمایت از دولت سوریه در مبارزه با تروریسم ادامه خواهد داد و از واشنگتن خواست تحریم‌ها را پایان دهد."),
        ("3", "tass", "Министр иностранных дел России Сергей Лавров заявил во вторник, что Москва продолжит поддерживать сирийское правительство в борьбе с терроризмом."),
        ("4", "tass", "Russian Foreign Minister Sergei Lavrov said on Tuesday that Moscow would continue to support the Syrian government in the fight against terrorism."),
    ];
    let text: String = rows
        .iter()
        .map(|(id, o, t)| serde_json::json!({"id": id, "outlet": o, "text": t}).to_string() + "\n")
        .collect();
    std::fs::write(&input, text).unwrap();
    let out = dir.path().join("r");
    let d = dir.path();
    let (code, _, err) = run(&["analyze", "mixed.jsonl", "--out", "r", "-q"], d);
    assert_eq!(code, 0, "{err}");
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    let acc = &report["accounting"];
    assert_eq!(
        (acc["read"].as_u64(), acc["analysed"].as_u64()),
        (Some(4), Some(2))
    );
    let skips = acc["skips"].as_array().unwrap();
    let reasons: Vec<&str> = skips
        .iter()
        .map(|s| s["reason"].as_str().unwrap())
        .collect();
    assert!(skips.iter().all(|s| s["kind"] == "language"), "{reasons:?}");
    assert!(
        reasons[0].starts_with("language fa: no lexicon for it"),
        "{reasons:?}"
    );
    assert!(
        reasons[1].starts_with("language ru: no lexicon for it"),
        "{reasons:?}"
    );
    for o in report["outlets"].as_array().unwrap() {
        assert_eq!(o["languages"], serde_json::json!({"en": 1}), "{o}");
    }
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(md.contains("| IRNA (irna) | 1 |  |  | en (1) |"), "{md}");
    // --lang overrides detection: every article is taken to be English.
    let (code, _, err) = run(
        &["analyze", "mixed.jsonl", "--out", "r", "-q", "--lang", "en"],
        d,
    );
    assert_eq!(code, 0, "{err}");
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    assert_eq!(report["accounting"]["analysed"].as_u64(), Some(4));
    // A language no lexicon covers is refused before reading.
    let (code, _, err) = run(&["analyze", "mixed.jsonl", "--out", "r", "--lang", "fa"], d);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--lang fa: no loaded lexicon is written in it (loaded: en)"),
        "{err}"
    );
}

/// A JSON array input is streamed element by element: brackets, commas and escaped quotes inside
/// strings do not cut an element, every element's skip names the line it starts on, scalars are
/// skipped, and an array cut short ends with a skip instead of losing what came before.
#[test]
fn json_arrays_are_streamed_element_by_element() {
    let dir = tempfile::tempdir().unwrap();
    let arr = dir.path().join("a.json");
    std::fs::write(
        &arr,
        "\u{feff}\n[\n  {\"outlet\": \"tass\", \"text\": \"He said: \\\"[1, 2]\\\", {x} and more.\"},\n  \
         {\"outlet\": \"irna\", \"text\": \"Nested \\\\\\\\ backslash ] } here.\", \"tags\": [\"a\", {\"b\": [1]}]},\n\n  \
         42,\n  \"just a string, with ] inside\",\n  {\"outlet\": 7, \"text\": \"x\"}\n]\n",
    )
    .unwrap();
    assert_eq!(corpus::input_kind(&arr).unwrap(), InputKind::Json);
    let recs = records(&arr);
    assert_eq!(recs.len(), 5, "{recs:?}");
    let a = recs[0].as_ref().unwrap();
    assert_eq!((a.outlet.as_str(), a.line), ("tass", Some(3)));
    assert_eq!(a.text, "He said: \"[1, 2]\", {x} and more.");
    let b = recs[1].as_ref().unwrap();
    assert_eq!((b.outlet.as_str(), b.line), ("irna", Some(4)));
    let lines: Vec<Option<u64>> = recs[2..]
        .iter()
        .map(|r| r.as_ref().unwrap_err().line)
        .collect();
    assert_eq!(lines, [Some(6), Some(7), Some(8)]);
    // Cut short: the first article, then a skip that says the file may be truncated.
    let cut = dir.path().join("cut.json");
    std::fs::write(
        &cut,
        "[{\"outlet\": \"tass\", \"text\": \"One.\"}, {\"outlet\": \"tass\", \"te",
    )
    .unwrap();
    let recs = records(&cut);
    assert_eq!(recs.len(), 2, "{recs:?}");
    assert!(recs[0].is_ok());
    assert!(recs[1].as_ref().unwrap_err().reason.contains("truncated"));
}
