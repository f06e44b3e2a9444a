//! Words the theme shows, and dates as readers of each language write them.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, Locale};

use crate::config::Language;
use crate::time::SiteZone;
use crate::time::written::zone_name;

const STRINGS: &[(&str, &str, &str)] = &[
    // key, Indonesian, English
    ("home", "Beranda", "Home"),
    ("latest", "Kabar terbaru", "Latest briefings"),
    ("tags", "Tag", "Tags"),
    ("sources", "Sumber", "Sources"),
    ("original", "situs asli", "original"),
    ("original_article", "artikel asli", "original article"),
    ("places", "Dateline", "Datelines"),
    ("all_sources", "Semua sumber", "All sources"),
    ("all_places", "Semua dateline", "All datelines"),
    ("from_source", "Kabar dari", "Briefings from"),
    ("from_place", "Kabar dari", "Briefings datelined"),
    ("all_tags", "Semua tag", "All tags"),
    ("timeline", "Lini masa", "Timeline"),
    ("briefings", "kabar", "briefings"),
    ("briefing", "kabar", "briefing"),
    ("per_month", "Kabar per bulan", "Briefings per month"),
    (
        "chart_numbers",
        "Angka per bulan",
        "The numbers, month by month",
    ),
    ("year", "Tahun", "Year"),
    ("breadcrumb", "Jejak halaman", "Breadcrumb"),
    ("more_latest", "Kabar lain", "More briefings"),
    ("explore", "Jelajahi arsip", "Explore the archive"),
    ("by_letter", "Menurut huruf", "By letter"),
    ("per_year", "Kabar per tahun", "Briefings per year"),
    ("previous", "Sebelumnya", "Previous"),
    ("next", "Berikutnya", "Next"),
    ("newer", "Lebih baru", "Newer"),
    ("older", "Lebih lama", "Older"),
    ("page", "Halaman", "Page"),
    ("of", "dari", "of"),
    ("source", "Sumber", "Source"),
    ("updated", "Diperbarui", "Updated"),
    ("draft", "Draf", "Draft"),
    ("by", "Oleh", "By"),
    ("desk_code", "Kode redaksi", "Desk code"),
    ("cited", "Mengutip", "Citing"),
    ("minutes_read", "menit baca", "min read"),
    ("words", "kata", "words"),
    ("tagged", "Kabar bertag", "Briefings tagged"),
    ("feed", "Umpan Atom", "Atom feed"),
    (
        "feed_about",
        "ikuti kabar baru di aplikasi pembaca umpan (RSS/Atom) mana pun",
        "follow new briefings in any feed reader (RSS/Atom)",
    ),
    ("latest_few", "Kabar terbaru", "Latest briefings"),
    (
        "not_found_title",
        "Halaman tidak ditemukan",
        "Page not found",
    ),
    (
        "not_found_text",
        "Alamat ini tidak ada di arsip.",
        "This address is not in the archive.",
    ),
    ("back_home", "Kembali ke beranda", "Back to the home page"),
    ("moved_to", "Berita ini ada di", "This story is at"),
    ("empty", "Belum ada kabar.", "No briefings yet."),
    ("skip", "Langsung ke isi", "Skip to content"),
    ("search", "Cari", "Search"),
    ("related", "Kabar terkait", "Related briefings"),
    (
        "on_this_day",
        "di tahun-tahun sebelumnya",
        "in earlier years",
    ),
    ("leads", "Kabar utama", "Leading briefings"),
    (
        "all_of_month",
        "Semua kabar bulan ini",
        "Every briefing of the month",
    ),
    ("search_label", "Cari di arsip", "Search the archive"),
    ("search_placeholder", "Kata yang dicari", "Words to find"),
    ("search_newest", "Terbaru dulu", "Newest first"),
    ("search_best", "Paling cocok", "Best match"),
    ("search_results", "hasil", "results"),
    (
        "search_none",
        "Tidak ada kabar yang cocok.",
        "No briefing matches.",
    ),
    ("search_more", "Tampilkan lagi", "Show more"),
    ("search_loading", "Mencari…", "Searching…"),
    (
        "search_failed",
        "Indeks pencarian tidak dapat dimuat. Muat ulang halaman ini.",
        "The search index could not be loaded. Reload this page.",
    ),
    (
        "search_needs_js",
        "Pencarian memerlukan JavaScript.",
        "Search needs JavaScript.",
    ),
    ("search_filters", "Saring", "Filter"),
    (
        "search_short",
        "Ketik sedikitnya dua huruf.",
        "Type at least two letters.",
    ),
    ("search_order", "Urutan", "Order"),
    ("search_clear", "Hapus saringan", "Clear filters"),
    ("filter_tag", "Tag", "Tag"),
    ("filter_source", "Sumber", "Source"),
    ("filter_place", "Dateline", "Dateline"),
    ("filter_year", "Tahun", "Year"),
    ("filter_story", "Kisah", "Story"),
    ("stories", "Kisah", "Stories"),
    ("all_stories", "Semua kisah", "All stories"),
    ("story_part_of", "Bagian dari", "Part of"),
    ("also_reported", "Juga diberitakan", "Also reported by"),
    ("versions", "versi", "versions"),
    ("story_of", "dari", "of"),
    ("stories_in", "Kisah yang berjalan", "Stories that ran"),
    ("days", "hari", "days"),
];

/// The UI strings of a language, by key.
pub fn strings(language: Language) -> BTreeMap<&'static str, &'static str> {
    STRINGS
        .iter()
        .map(|(key, id, en)| (*key, if language == Language::Id { *id } else { *en }))
        .collect()
}

fn locale(language: Language) -> Locale {
    match language {
        Language::Id => Locale::id_ID,
        Language::En => Locale::en_GB,
    }
}

/// Formats with chrono's strftime codes, in the language's month and day names.
pub fn format_date(date: &DateTime<FixedOffset>, format: &str, language: Language) -> String {
    date.format_localized(format, locale(language)).to_string()
}

/// "Selasa, 31 Desember 2019 18.19 WIB" / "Tuesday, 31 December 2019 18:19 WIB".
pub fn long_date(
    date: &DateTime<FixedOffset>,
    has_time: bool,
    language: Language,
    zone: &SiteZone,
) -> String {
    let day = format_date(date, "%A, %-d %B %Y", language);
    if !has_time {
        return day;
    }
    let time = format_date(
        date,
        if language == Language::Id {
            "%H.%M"
        } else {
            "%H:%M"
        },
        language,
    );
    format!("{day} {time} {}", zone_label(date, zone))
}

/// "31 Des 2019" / "31 Dec 2019".
pub fn short_date(date: &DateTime<FixedOffset>, language: Language) -> String {
    format_date(date, "%-d %b %Y", language)
}

/// "Desember 2019".
/// "12 Juni": a day of the year, for "on this day".
pub fn day_label(date: &DateTime<FixedOffset>, language: Language) -> String {
    format_date(date, "%-d %B", language)
}

pub fn month_label(date: &DateTime<FixedOffset>, language: Language) -> String {
    format_date(date, "%B %Y", language)
}

/// WIB for +07:00 and the like; the site zone's own name; else `UTC+05:30`.
pub fn zone_label(date: &DateTime<FixedOffset>, zone: &SiteZone) -> String {
    let offset = date.offset();
    if let Some(name) = zone_name(offset) {
        return name.to_string();
    }
    if let Some(abbr) = zone.abbreviation(date) {
        return abbr;
    }
    let seconds = offset.local_minus_utc();
    if seconds == 0 {
        return "UTC".to_string();
    }
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn indonesian_long_date() {
        let jakarta = SiteZone::Named(chrono_tz::Asia::Jakarta);
        let d = date("2019-12-31T18:19:00+07:00");
        assert_eq!(
            long_date(&d, true, Language::Id, &jakarta),
            "Selasa, 31 Desember 2019 18.19 WIB"
        );
        assert_eq!(
            long_date(&d, false, Language::Id, &jakarta),
            "Selasa, 31 Desember 2019"
        );
        assert_eq!(
            long_date(&d, true, Language::En, &jakarta),
            "Tuesday, 31 December 2019 18:19 WIB"
        );
        assert_eq!(short_date(&d, Language::Id), "31 Des 2019");
        assert_eq!(month_label(&d, Language::Id), "Desember 2019");
    }

    #[test]
    fn zone_labels() {
        let berlin = SiteZone::Named(chrono_tz::Europe::Berlin);
        assert_eq!(
            zone_label(&date("2019-12-31T18:19:00+09:00"), &berlin),
            "WIT"
        );
        assert_eq!(
            zone_label(&date("2019-12-31T18:19:00+01:00"), &berlin),
            "CET"
        );
        assert_eq!(
            zone_label(&date("2019-12-31T18:19:00+05:30"), &berlin),
            "UTC+05:30"
        );
        assert_eq!(
            zone_label(&date("2019-12-31T18:19:00-03:00"), &berlin),
            "UTC-03:00"
        );
    }

    #[test]
    fn every_key_in_both_languages() {
        assert_eq!(strings(Language::Id).len(), STRINGS.len());
        assert_eq!(strings(Language::En)["timeline"], "Timeline");
    }
}
