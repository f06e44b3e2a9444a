//! Raw articles read into briefings: the two real seeds and our own fixtures in the styles of
//! Indonesian and English outlets, each with the fields a reader would expect.

use crate::common;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use kabar::Config;
use kabar::content::{self, Briefing, Context, SourceKind};

/// Fixed, so guessed years do not move with the calendar.
/// A parsed briefing's HTML body (held: nothing is shelved outside a build).
fn body(b: &Briefing) -> String {
    b.body.html().unwrap().into_owned()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// Reads `text` as a raw article at `path`, saved at `modified`.
fn parse(
    path: &Path,
    text: &str,
    config: &Config,
    modified: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<Briefing, kabar::Diagnostic> {
    let context = Context {
        today: today(),
        modified,
    };
    let reader = content::Reader::new(config).unwrap();
    content::parse_text(path, SourceKind::Raw, text, &reader, &context)
}

fn read_with(path: &Path, config: &Config) -> Result<Briefing, kabar::Diagnostic> {
    parse(path, &std::fs::read_to_string(path).unwrap(), config, None)
}

fn read(path: &Path) -> Briefing {
    read_with(path, &Config::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/raw")
        .join(name)
}

fn seed(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seeds")
        .join(name)
}

/// What a raw article must read as. `tags` must all be among the briefing's tags; `gone`
/// must not appear in the page body and `kept` (real sentences) must.
struct Case {
    file: &'static str,
    title: &'static str,
    inferred_title: bool,
    date: &'static str,
    source: Option<&'static str>,
    dateline: Option<&'static str>,
    author: Option<&'static str>,
    cited: &'static [&'static str],
    tags: &'static [&'static str],
    gone: &'static [&'static str],
    kept: &'static [&'static str],
    /// The tags are exactly `tags`, in that order.
    exact_tags: bool,
    /// Where the date, source and title came from, exactly (unchecked when empty).
    evidence: &'static [(&'static str, &'static str)],
    /// Whether `kabar check` has a doubt to tell about the file.
    doubt: Option<bool>,
}

/// The checks a case makes unless it says otherwise.
const LOOSE: Case = Case {
    file: "",
    title: "",
    inferred_title: false,
    date: "",
    source: None,
    dateline: None,
    author: None,
    cited: &[],
    tags: &[],
    gone: &[],
    kept: &[],
    exact_tags: false,
    evidence: &[],
    doubt: None,
};

const CASES: &[Case] = &[
    Case {
        file: "01-cnn-header.txt",
        title: "Trump Tiba di Hanoi Jelang KTT Kedua dengan Kim Jong-un",
        inferred_title: false,
        date: "2019-02-26T21:05:00+07:00",
        source: Some("CNN Indonesia"),
        dateline: Some("Jakarta"),
        author: Some("nma/dea"),
        cited: &["Reuters"],
        tags: &["Donald Trump", "Kim Jong-un"],
        gone: &[
            "[Gambas",
            "TOPIK TERKAIT",
            "(nma/dea)",
            "Jakarta, CNN Indonesia --",
        ],
        kept: &[
            "Kedua pemimpin dijadwalkan makan malam bersama pada Rabu sebelum berunding pada Kamis.",
            "Presiden Amerika Serikat Donald Trump mendarat di Pangkalan Udara Noi Bai",
        ],
        ..LOOSE
    },
    Case {
        file: "02-cnn-short-month.txt",
        title: "Kim Jong-un Kembali ke Pyongyang Usai KTT Hanoi",
        inferred_title: false,
        date: "2019-02-28T15:40:00+07:00",
        source: Some("CNN Indonesia"),
        dateline: Some("Jakarta"),
        author: Some("ayp"),
        cited: &["AFP"],
        tags: &["Kim Jong-un", "Korea Utara"],
        gone: &["(ayp)"],
        kept: &["sesuatu yang tidak bisa diterima Washington."],
        ..LOOSE
    },
    Case {
        file: "03-kompas.txt",
        title: "Moon Jae-in Minta Kim dan Trump Bertemu Lagi",
        inferred_title: false,
        date: "2019-03-01T10:30:00+07:00",
        source: Some("Kompas.com"),
        dateline: Some("Jakarta"),
        author: Some("Rina Kartika"),
        cited: &["Yonhap"],
        tags: &["Moon Jae-in", "Korea Selatan"],
        gone: &[
            "Baca juga",
            "Trump dan Kim Pulang dari Hanoi",
            "Grup Telegram",
            "Penulis:",
        ],
        kept: &["Menurut Moon, Seoul siap menjadi jembatan antara Pyongyang dan Washington."],
        ..LOOSE
    },
    Case {
        file: "04-kontan.txt",
        title: "Sanksi Ekonomi Tetap Berlaku Selama Korea Utara Belum Denuklirisasi",
        inferred_title: false,
        date: "2019-03-04T09:15:00+07:00",
        source: Some("Kontan"),
        dateline: Some("Jakarta"),
        author: None,
        cited: &[],
        tags: &["Mike Pompeo", "Korea Utara", "Sanksi"],
        gone: &["KONTAN.CO.ID - JAKARTA."],
        kept: &["Menteri Luar Negeri AS Mike Pompeo menegaskan sanksi ekonomi"],
        ..LOOSE
    },
    Case {
        file: "05-bisnis.txt",
        title: "Bursa Seoul Melemah Usai KTT Hanoi Gagal",
        inferred_title: false,
        date: "2019-03-01T00:00:00+07:00",
        source: Some("Bisnis.com"),
        dateline: Some("Jakarta"),
        author: None,
        cited: &["Bloomberg"],
        tags: &["Korea Selatan"],
        gone: &["Bisnis.com, JAKARTA"],
        kept: &["Analis menilai pasar menunggu kepastian soal sanksi terhadap Korea Utara."],
        ..LOOSE
    },
    Case {
        file: "06-antara.txt",
        title: "Indonesia Dukung Dialog Damai di Semenanjung Korea",
        inferred_title: false,
        date: "2023-12-06T14:20:00+07:00",
        source: Some("ANTARA"),
        dateline: Some("Jakarta"),
        author: None,
        cited: &[],
        tags: &["Indonesia"],
        gone: &["(ANTARA) -"],
        kept: &["Menurut dia, stabilitas kawasan penting bagi ASEAN."],
        ..LOOSE
    },
    Case {
        file: "07-tempo.txt",
        title: "Korea Utara Luncurkan Dua Rudal Jarak Pendek",
        inferred_title: false,
        date: "2019-07-25T00:00:00+07:00",
        source: Some("Tempo"),
        dateline: Some("Jakarta"),
        author: None,
        cited: &["Yonhap"],
        tags: &["Korea Utara", "Korea Selatan"],
        gone: &["TEMPO.CO, Jakarta -"],
        kept: &[
            "Peluncuran itu terjadi beberapa pekan setelah Kim Jong-un dan Donald Trump bertemu di Panmunjom.",
        ],
        ..LOOSE
    },
    Case {
        file: "08-liputan6.txt",
        title: "Trump Jadi Presiden AS Pertama yang Injak Korea Utara",
        inferred_title: false,
        date: "2019-06-30T00:00:00+07:00",
        source: Some("Liputan6.com"),
        dateline: Some("Jakarta"),
        author: Some("Ein"),
        cited: &[],
        tags: &["Donald Trump", "Korea Utara"],
        gone: &["Liputan6.com, Jakarta:", "(Ein)"],
        kept: &["Presiden Korea Selatan Moon Jae-in ikut mendampingi kedua pemimpin."],
        ..LOOSE
    },
    Case {
        file: "09-republika.txt",
        title: "Perundingan Nuklir di Stockholm Berakhir Tanpa Hasil",
        inferred_title: false,
        date: "2019-10-05T00:00:00+07:00",
        source: Some("Republika"),
        dateline: Some("Jakarta"),
        author: None,
        cited: &["KCNA"],
        tags: &["Korea Utara", "Amerika Serikat"],
        gone: &["REPUBLIKA.CO.ID"],
        kept: &["Departemen Luar Negeri AS membantah tuduhan itu"],
        ..LOOSE
    },
    Case {
        file: "10-detik-byline.txt",
        title: "Korut Ledakkan Kantor Penghubung di Kaesong",
        inferred_title: false,
        date: "2020-06-16T15:05:00+07:00",
        source: Some("detikcom"),
        dateline: Some("Jakarta"),
        author: Some("Rita Hutapea"),
        cited: &["Yonhap"],
        tags: &["Korea Utara", "Kaesong"],
        gone: &[
            "SCROLL TO CONTINUE",
            "Simak video",
            "Gambas",
            "(rdp/imk)",
            "detikNews",
        ],
        kept: &[
            "Korea Utara meledakkan kantor penghubung antar-Korea di Kaesong pada Selasa (16/6) siang.",
            "Gedung itu dibuka pada 2018 sebagai simbol hubungan baik kedua Korea.",
        ],
        ..LOOSE
    },
    Case {
        file: "11-no-headline-detik.txt",
        title: "Korea Utara menolak tawaran bantuan pangan dari Korea Selatan",
        inferred_title: true,
        date: "2019-07-24T00:00:00+07:00",
        // Its only clue, the scroll marker, is shared by detik, CNN Indonesia and CNBC
        // Indonesia: evidence of none of them.
        source: None,
        dateline: None,
        author: None,
        cited: &["AFP"],
        tags: &["Korea Utara", "Korea Selatan"],
        gone: &["SCROLL TO CONTINUE", "Simak juga video", "Kapal Selam Baru"],
        kept: &[
            "Korea Selatan sebelumnya berjanji mengirim 50 ribu ton beras melalui Program Pangan Dunia.",
        ],
        ..LOOSE
    },
    Case {
        file: "12-glued-boilerplate.txt",
        title: "Pompeo Kembali ke Pyongyang",
        inferred_title: false,
        date: "2018-10-07T00:00:00+07:00",
        source: Some("CNN Indonesia"),
        dateline: Some("Jakarta"),
        author: None,
        cited: &[],
        tags: &["Mike Pompeo"],
        gone: &[
            "ADVERTISEMENT",
            "SCROLL TO CONTINUE",
            "Baca juga",
            "Kim Undang Pompeo",
            "Gambas",
        ],
        kept: &[
            "untuk kunjungan keempatnya. Ia bertemu Kim Jong-un selama dua jam. Pompeo menyebut pertemuan itu produktif. Pompeo juga membahas rencana KTT kedua.",
            "Pompeo melanjutkan perjalanan ke Seoul untuk bertemu Moon Jae-in.",
        ],
        ..LOOSE
    },
    Case {
        file: "13-tokenized.txt",
        title: "Kim dan Moon Berjabat Tangan di Garis Demarkasi",
        inferred_title: false,
        date: "2018-04-27T10:15:00+07:00",
        source: Some("CNN Indonesia"),
        dateline: Some("Jakarta"),
        author: None,
        cited: &["Reuters"],
        tags: &["Korea Utara", "Korea Selatan", "Kim Jong-un"],
        gone: &[" ,", " ."],
        kept: &["di Panmunjom, Jumat (27/4) pagi."],
        ..LOOSE
    },
    Case {
        file: "14-missing-year-weekday.txt",
        title: "Kim Yo-jong Kecam Selebaran dari Korea Selatan",
        inferred_title: false,
        // No year anywhere: 4 June of the latest year, not after today, that is a Thursday.
        date: "2026-06-04T00:00:00+07:00",
        source: None,
        dateline: None,
        author: None,
        cited: &["Associated Press"],
        tags: &["Kim Yo-jong", "Korea Selatan"],
        gone: &[],
        kept: &["Korea Selatan kemudian berjanji menyusun aturan"],
        ..LOOSE
    },
    Case {
        file: "15-missing-year-from-text.txt",
        title: "Korut Uji Mesin Roket di Sohae",
        inferred_title: false,
        // The year comes from `tahun 2019`, which fits the Saturday.
        date: "2019-12-07T00:00:00+07:00",
        source: None,
        dateline: None,
        author: None,
        cited: &["Reuters"],
        tags: &["Sohae", "Korea Utara"],
        gone: &[],
        kept: &["Trump mengatakan Kim Jong-un akan kehilangan segalanya"],
        ..LOOSE
    },
    Case {
        file: "16-english-reuters.txt",
        title: "North Korea says it has no interest in talks with U.S.",
        inferred_title: false,
        date: "2019-12-31T00:00:00+07:00",
        source: Some("Reuters"),
        dateline: Some("Seoul"),
        author: None,
        cited: &["KCNA"],
        tags: &["Korea Utara"],
        gone: &["SEOUL (Reuters)"],
        kept: &["The statement was carried by KCNA on Dec. 31, 2019"],
        ..LOOSE
    },
    Case {
        file: "17-english-date-header.txt",
        title: "Trump and Kim meet at the DMZ",
        inferred_title: false,
        date: "2019-06-30T00:00:00+07:00",
        source: Some("Associated Press"),
        dateline: Some("Panmunjom"),
        author: None,
        cited: &[],
        tags: &["Donald Trump", "Korea Utara"],
        gone: &["Published", "(AP) —"],
        kept: &["The two leaders agreed to restart working-level talks within weeks."],
        ..LOOSE
    },
    Case {
        file: "18-iso-date.txt",
        title: "Biegun Ditunjuk Jadi Utusan Khusus untuk Korea Utara",
        inferred_title: false,
        date: "2018-08-23T20:30:00+07:00",
        source: None,
        dateline: Some("Jakarta"),
        author: None,
        cited: &[],
        tags: &["Stephen Biegun", "Mike Pompeo"],
        gone: &["2018-08-23T20:30"],
        kept: &["Biegun sebelumnya bekerja sebagai eksekutif di Ford Motor Company."],
        ..LOOSE
    },
    Case {
        file: "19-front-matter-override.txt",
        title: "Korea Utara Tolak Tawaran Dialog (judul redaksi)",
        inferred_title: false,
        date: "2019-12-30T09:00:00+07:00",
        source: Some("Kantor Berita Contoh"),
        dateline: Some("Jakarta"),
        author: Some("dea"),
        cited: &["Yonhap"],
        tags: &["Korea Utara", "Diplomasi"],
        gone: &["Korut Tolak Dialog"],
        kept: &[
            "Korea Utara menolak tawaran dialog dari Amerika Serikat menjelang tenggat akhir tahun.",
        ],
        ..LOOSE
    },
    Case {
        file: "20-wita-and-clock.txt",
        title: "Diplomat Korut Singgah di Makassar",
        inferred_title: false,
        date: "2019-08-14T10:30:00+08:00",
        source: None,
        dateline: None,
        author: None,
        cited: &[],
        tags: &["An Kwang-il"],
        gone: &[],
        kept: &["Pejabat Pemprov menyambut rombongan An Kwang-il di bandara."],
        ..LOOSE
    },
    Case {
        file: "21-newsletter-and-credit.txt",
        title: "KTT Singapura Hasilkan Pernyataan Bersama",
        inferred_title: false,
        date: "2018-06-12T18:00:00+07:00",
        source: Some("CNN Indonesia"),
        dateline: Some("Jakarta"),
        author: None,
        cited: &["AFP"],
        tags: &["Kim Jong-un", "Donald Trump"],
        gone: &["Google News", "Download aplikasi"],
        kept: &[
            "Trump menyebut pertemuan itu jujur dan produktif.",
            "<p class=\"caption\">Kim Jong-un dan Donald Trump berjabat tangan di Pulau Sentosa. (AFP PHOTO / SAUL LOEB)</p>",
        ],
        ..LOOSE
    },
    Case {
        file: "22-kumparan-no-outlet.txt",
        title: "Korea Utara Hentikan Hotline dengan Korea Selatan",
        inferred_title: false,
        date: "2020-06-09T00:00:00+07:00",
        source: None,
        dateline: None,
        author: None,
        cited: &[],
        tags: &["Korea Utara", "Korea Selatan"],
        gone: &[],
        kept: &[
            "Pyongyang memutus seluruh jalur komunikasi dengan Seoul pada Selasa, 9 Juni 2020, menurut KCNA.",
        ],
        ..LOOSE
    },
    Case {
        file: "23-pada-past-event.txt",
        title: "Dua Tahun Setelah Singapura",
        inferred_title: false,
        // The day marked `hari ini`, not the 2018 summit mentioned first.
        date: "2020-06-12T00:00:00+07:00",
        source: None,
        dateline: None,
        author: None,
        cited: &["Associated Press"],
        tags: &["Korea Utara", "Ri Son-gwon"],
        gone: &[],
        kept: &["Ri mengatakan Korea Utara akan memperkuat kekuatan militernya."],
        ..LOOSE
    },
    Case {
        file: "25-cnn-scroll-marker-only.txt",
        title: "Seoul Tunda Latihan Gabungan Demi Diplomasi",
        inferred_title: false,
        date: "2018-11-21T15:10:00+07:00",
        // A CNN Indonesia page whose only clue is the scroll marker its sister sites share:
        // no outlet is named rather than the wrong one.
        source: None,
        dateline: None,
        author: None,
        cited: &[],
        tags: &["Korea Selatan", "Amerika Serikat"],
        gone: &["ADVERTISEMENT", "SCROLL TO CONTINUE"],
        kept: &["Keputusan itu diambil agar upaya diplomasi dengan Korea Utara tetap berjalan"],
        ..LOOSE
    },
    // Source only from evidence that names it.
    Case {
        file: "26-detik-byline-scroll.txt",
        title: "Korut Luncurkan Dua Rudal Balistik ke Laut Timur",
        date: "2020-01-02T09:12:00+07:00",
        source: Some("detikcom"),
        dateline: Some("Jakarta"),
        author: Some("Novi Christiastuti"),
        tags: &["Korea Utara"],
        exact_tags: true,
        evidence: &[
            ("date", "header"),
            ("source", "byline"),
            ("title", "first line"),
        ],
        doubt: Some(false),
        gone: &["SCROLL TO CONTINUE", "detikNews"],
        kept: &[
            "Kepala Staf Gabungan Korea Selatan menyebut rudal itu terbang sekitar 350 kilometer",
        ],
        ..LOOSE
    },
    Case {
        file: "27-address-line-kompas.txt",
        title: "Seoul Siapkan Bantuan Beras untuk Pyongyang",
        date: "2019-06-19T14:30:00+07:00",
        source: Some("Kompas.com"),
        tags: &["Korea Selatan", "Korea Utara"],
        exact_tags: true,
        evidence: &[
            ("date", "header"),
            ("source", "address"),
            ("title", "first line"),
        ],
        gone: &["https://", "kompas.com/read"],
        kept: &["Pengiriman pertama dijadwalkan berangkat dari pelabuhan Gunsan bulan depan."],
        ..LOOSE
    },
    Case {
        // Marks detik, CNN Indonesia and CNBC Indonesia all carry, and nothing else.
        file: "28-shared-video-only.txt",
        title: "Korsel dan AS Sepakati Biaya Pasukan",
        date: "2020-02-10T13:45:00+07:00",
        source: None,
        tags: &["Amerika Serikat", "Korea Selatan"],
        exact_tags: true,
        evidence: &[("date", "header"), ("title", "first line")],
        gone: &["[Gambas", "SCROLL TO CONTINUE", "ADVERTISEMENT"],
        kept: &["Kesepakatan itu mengakhiri perundingan yang berlarut-larut"],
        ..LOOSE
    },
    Case {
        // An outlet quoted in the text is cited, not the source.
        file: "29-citation-not-source.txt",
        title: "Kim Yo-jong Kecam Latihan Militer Korsel",
        date: "2020-08-15T20:05:00+07:00",
        source: None,
        cited: &["Kompas.com"],
        tags: &[
            "Kim Yo-jong",
            "Korea Selatan",
            "Korea Utara",
            "Amerika Serikat",
        ],
        exact_tags: true,
        evidence: &[("date", "header"), ("title", "first line")],
        ..LOOSE
    },
    Case {
        // Syndicated from another outlet: the page is not that outlet's.
        file: "30-syndicated-tribun.txt",
        title: "Moon Jae-in Tawarkan Diri Jadi Penengah",
        date: "2019-03-01T16:20:00+07:00",
        source: None,
        tags: &[
            "Moon Jae-in",
            "Korea Selatan",
            "Korea Utara",
            "Amerika Serikat",
            "KTT Hanoi",
        ],
        exact_tags: true,
        evidence: &[("date", "header"), ("title", "first line")],
        ..LOOSE
    },
    Case {
        file: "31-cnn-dateline-scroll.txt",
        title: "Pyongyang Tolak Ajakan Dialog Washington",
        date: "2021-03-16T00:00:00+07:00",
        source: Some("CNN Indonesia"),
        dateline: Some("Jakarta"),
        author: Some("isa/dea"),
        tags: &["Korea Utara", "Amerika Serikat"],
        exact_tags: true,
        evidence: &[
            ("date", "reported day"),
            ("source", "dateline"),
            ("title", "first line"),
        ],
        gone: &["SCROLL TO CONTINUE"],
        kept: &["Pernyataan itu disampaikan Kim Yo-jong melalui kantor berita KCNA."],
        ..LOOSE
    },
    // Page chrome above and inside the story.
    Case {
        file: "32-menu-top-news.txt",
        title: "Pemerintah Korea Selatan menunjuk utusan khusus baru untuk urusan perdamaian Semenanjung Korea",
        inferred_title: true,
        date: "2021-02-04T00:00:00+07:00",
        tags: &["Korea Selatan", "Amerika Serikat"],
        exact_tags: true,
        evidence: &[("date", "reported day"), ("title", "lead sentence")],
        doubt: Some(true),
        gone: &["TOP NEWS", "RILIS PERS", "Home"],
        kept: &["Noh Kyu-duk, diplomat karier, menggantikan Lee Do-hoon"],
        ..LOOSE
    },
    Case {
        file: "33-network-bar-liputan.txt",
        title: "Korea Utara Uji Coba Rudal Jelajah Jarak Jauh",
        date: "2021-09-13T00:00:00+07:00",
        source: Some("Liputan6.com"),
        dateline: Some("Jakarta"),
        tags: &["Korea Utara"],
        exact_tags: true,
        evidence: &[
            ("date", "reported day"),
            ("source", "dateline"),
            ("title", "first line"),
        ],
        gone: &["KAPANLAGI", "bola.net"],
        kept: &["Uji coba ini yang pertama dalam enam bulan terakhir."],
        ..LOOSE
    },
    Case {
        file: "34-kompas-network-login.txt",
        title: "Biden dan Moon Bahas Korea Utara di Gedung Putih",
        date: "2021-05-22T08:15:00+07:00",
        source: Some("Kompas.com"),
        dateline: Some("Washington"),
        tags: &[
            "Joe Biden",
            "Korea Utara",
            "Amerika Serikat",
            "Korea Selatan",
            "Moon Jae-in",
        ],
        exact_tags: true,
        evidence: &[
            ("date", "header"),
            ("source", "header"),
            ("title", "first line"),
        ],
        gone: &["kompasiana", "login", "Menu"],
        kept: &["Biden juga menunjuk Sung Kim sebagai utusan khusus untuk Korea Utara."],
        ..LOOSE
    },
    Case {
        // The date bar shows the day the page was saved, not the story's.
        file: "35-date-bar-sections.txt",
        title: "Kim Jong-un Resmikan Satelit Mata-Mata Pertama",
        date: "2023-11-22T00:00:00+07:00",
        dateline: Some("Pyongyang"),
        tags: &["Kim Jong-un", "Korea Utara"],
        exact_tags: true,
        evidence: &[("date", "reported day"), ("title", "first line")],
        gone: &["Olahraga", "4 Desember 2023"],
        kept: &["Satelit itu diluncurkan sehari sebelumnya setelah dua kegagalan tahun ini."],
        ..LOOSE
    },
    Case {
        file: "36-edisi-koran-inside.txt",
        title: "Kim Jong-un dan Vladimir Putin bertemu di kosmodrom Vostochny di Rusia timur",
        inferred_title: true,
        date: "2023-09-13T00:00:00+07:00",
        tags: &["Vladimir Putin", "Rusia", "Kim Jong-un"],
        exact_tags: true,
        evidence: &[("date", "reported day"), ("title", "lead sentence")],
        gone: &["EDISI KORAN", "Beranda", "Daftar"],
        kept: &[
            "Kedua pemimpin membahas kerja sama militer dan teknologi antariksa.",
            "Putin mengatakan Rusia siap membantu Korea Utara membangun satelit.",
        ],
        ..LOOSE
    },
    // Dates from the right evidence.
    Case {
        // A birth date lends the reporting day no year.
        file: "37-birth-date.txt",
        title: "Warga Korea Selatan Rayakan Ulang Tahun Mantan Presiden",
        date: "2023-01-09T00:00:00+07:00",
        exact_tags: true,
        evidence: &[("date", "reported day"), ("title", "first line")],
        // A reported day may be a day or two before the article was published.
        doubt: Some(true),
        kept: &["Tokoh kelahiran 9 Januari 1972 itu menyapa pendukungnya"],
        ..LOOSE
    },
    Case {
        file: "38-book-1979.txt",
        title: "Memoar Diplomat Korea Dicetak Ulang",
        date: "2023-09-07T00:00:00+07:00",
        tags: &["Korea Selatan"],
        exact_tags: true,
        evidence: &[("date", "reported day"), ("title", "first line")],
        ..LOOSE
    },
    Case {
        // A retrospective: the day quoted is decades before the year the text speaks of.
        file: "39-retrospective-1975.txt",
        title: "Keluarga Korban Kapal Tenggelam Gelar Doa Bersama",
        date: "2023-08-01T00:00:00+07:00",
        exact_tags: true,
        evidence: &[("date", "reported day"), ("title", "first line")],
        ..LOOSE
    },
    Case {
        // The year of a law is not the article's.
        file: "40-law-year.txt",
        title: "DPR Bahas Revisi Aturan Hukum Pidana",
        date: "2023-12-06T00:00:00+07:00",
        exact_tags: true,
        evidence: &[("date", "reported day"), ("title", "first line")],
        ..LOOSE
    },
    Case {
        file: "41-antara-dateline-date.txt",
        title: "Korea Utara Tolak Bantuan Pangan dari Seoul",
        date: "2020-06-12T00:00:00+07:00",
        source: Some("ANTARA"),
        dateline: Some("Jakarta"),
        tags: &["Korea Utara", "Korea Selatan"],
        exact_tags: true,
        evidence: &[
            ("date", "dateline"),
            ("source", "dateline"),
            ("title", "first line"),
        ],
        gone: &["(ANTARA)"],
        ..LOOSE
    },
    // Glued words.
    Case {
        file: "42-glued-region.txt",
        title: "Gempa Guncang Wilayah Bali",
        date: "2020-07-16T00:00:00+07:00",
        dateline: Some("Denpasar"),
        tags: &["Bali"],
        exact_tags: true,
        gone: &["wilayahBali"],
        kept: &["mengguncang wilayah Bali pada Kamis"],
        ..LOOSE
    },
    Case {
        file: "43-glued-minister.txt",
        title: "Menkes Tinjau Vaksinasi di Jakarta",
        date: "2021-03-01T00:00:00+07:00",
        source: Some("CNN Indonesia"),
        dateline: Some("Jakarta"),
        author: Some("dea"),
        tags: &["Budi Gunadi Sadikin"],
        exact_tags: true,
        gone: &["KesehatanBudi"],
        kept: &["Menteri Kesehatan Budi Gunadi Sadikin meninjau vaksinasi massal"],
        ..LOOSE
    },
    Case {
        // An agency glued to a name is cited, never a tag.
        file: "44-glued-agency.txt",
        title: "Korut Ledakkan Kantor Penghubung",
        date: "2020-06-16T00:00:00+07:00",
        dateline: Some("Jakarta"),
        cited: &["Reuters"],
        tags: &["Korea Utara", "Kaesong", "Korea Selatan"],
        exact_tags: true,
        gone: &["ReutersKorea"],
        kept: &["Seperti dilansir Reuters Korea Utara menyebut ledakan itu"],
        ..LOOSE
    },
    Case {
        // Names written with an inner capital stay whole.
        file: "45-camel-names-kept.txt",
        title: "Video Parade Militer Korut Beredar di YouTube",
        date: "2020-10-10T00:00:00+07:00",
        tags: &["YouTube", "Korea Utara"],
        exact_tags: true,
        kept: &["Analis James McAvoy, yang biasa memantau siaran Pyongyang lewat iPhone"],
        ..LOOSE
    },
    Case {
        file: "46-glued-place.txt",
        title: "Trump Tiba di Singapura Jelang KTT",
        date: "2018-06-10T00:00:00+07:00",
        dateline: Some("Singapura"),
        tags: &["Donald Trump", "Singapura", "Amerika Serikat"],
        exact_tags: true,
        gone: &["kotaSingapura"],
        kept: &["bandara Paya Lebar, kota Singapura, Minggu"],
        ..LOOSE
    },
    // Tags without noise.
    Case {
        file: "47-rupiah-amounts.txt",
        title: "Pemerintah Siapkan Dana Bantuan untuk Korea Utara",
        date: "2019-04-09T00:00:00+07:00",
        dateline: Some("Jakarta"),
        tags: &["Korea Utara", "Palang Merah Indonesia"],
        exact_tags: true,
        ..LOOSE
    },
    Case {
        file: "48-pasal-law.txt",
        title: "Polisi Jerat Penyebar Hoaks Perang Korea",
        date: "2020-01-10T00:00:00+07:00",
        dateline: Some("Jakarta"),
        exact_tags: true,
        ..LOOSE
    },
    Case {
        file: "49-pdb-economy.txt",
        title: "Ekonomi Korea Selatan Tumbuh Melambat",
        date: "2020-01-22T00:00:00+07:00",
        dateline: Some("Seoul"),
        tags: &["Korea Selatan"],
        exact_tags: true,
        ..LOOSE
    },
    Case {
        // `Home Credit` is a name; `News` and `Home` alone are sections.
        file: "50-section-words.txt",
        title: "Home Credit Tambah Layanan di Jakarta",
        date: "2020-03-05T00:00:00+07:00",
        dateline: Some("Jakarta"),
        tags: &["Home Credit"],
        exact_tags: true,
        ..LOOSE
    },
    Case {
        file: "51-single-letters.txt",
        title: "Korea Utara Satu Grup dengan Korea Selatan",
        date: "2019-07-17T00:00:00+07:00",
        dateline: Some("Jakarta"),
        tags: &["Korea Selatan", "Korea Utara", "Pyongyang"],
        exact_tags: true,
        ..LOOSE
    },
];

#[test]
fn fixtures_read_as_expected() {
    let mut failures = Vec::new();
    for case in CASES {
        let b = read(&fixture(case.file));
        let mut check = |what: &str, ok: bool, got: String| {
            if !ok {
                failures.push(format!("{}: {what}: got {got}", case.file));
            }
        };
        check("title", b.title == case.title, b.title.clone());
        check(
            "inferred title",
            common::inferred(&b).contains(&"title") == case.inferred_title,
            format!("{:?}", b.inferred),
        );
        check(
            "date",
            b.date.to_rfc3339() == case.date,
            b.date.to_rfc3339(),
        );
        let source = b.source.as_ref().map(|s| s.name.as_str());
        check("source", source == case.source, format!("{source:?}"));
        check(
            "dateline",
            b.dateline.as_deref() == case.dateline,
            format!("{:?}", b.dateline),
        );
        check(
            "author",
            b.author.as_deref() == case.author,
            format!("{:?}", b.author),
        );
        check("cited", b.cited == case.cited, format!("{:?}", b.cited));
        if case.exact_tags {
            check("exact tags", b.tags == case.tags, format!("{:?}", b.tags));
        }
        if !case.evidence.is_empty() {
            let evidence: Vec<(&str, &str)> = common::evidence(&b).into_iter().collect();
            check(
                "evidence",
                evidence == case.evidence,
                format!("{evidence:?}"),
            );
        }
        if let Some(doubt) = case.doubt {
            check(
                "doubt",
                b.doubt.is_some() == doubt,
                format!("{:?}", b.doubt),
            );
        }
        let missing: Vec<_> = case
            .tags
            .iter()
            .filter(|t| !b.tags.iter().any(|x| x == *t))
            .collect();
        check(
            "tags",
            missing.is_empty(),
            format!("{:?}, missing {missing:?}", b.tags),
        );
        check("tag count", b.tags.len() <= 6, format!("{:?}", b.tags));
        for gone in case.gone {
            check(
                "gone",
                !body(&b).contains(gone),
                format!("`{gone}` in the body"),
            );
        }
        for kept in case.kept {
            check(
                "kept",
                body(&b).contains(kept),
                format!("`{kept}` lost from the body"),
            );
        }
        check(
            "summary",
            !b.summary.is_empty() && b.summary.split_whitespace().count() <= 60,
            b.summary.clone(),
        );
    }
    assert!(CASES.len() >= 20);
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn seed_000_cnn_indonesia() {
    let b = read(&seed("000_32f762eadf0bc361.txt"));
    assert_eq!(
        b.title,
        "Kim Jong-un Serukan Militer Korut Siapkan Langkah Ofensif"
    );
    assert!(!common::inferred(&b).contains(&"title"));
    assert_eq!(b.date.to_rfc3339(), "2019-12-31T18:19:00+07:00");
    assert!(b.has_time);
    assert_eq!(b.source.as_ref().unwrap().name, "CNN Indonesia");
    assert_eq!(common::evidence(&b).get("source").copied(), Some("header"));
    assert_eq!(b.dateline.as_deref(), Some("Jakarta"));
    assert_eq!(b.cited, ["AFP", "Associated Press"]);
    assert_eq!(b.author.as_deref(), Some("dea"));
    for tag in ["Kim Jong-un", "Korea Utara", "Amerika Serikat"] {
        assert!(b.tags.iter().any(|t| t == tag), "{tag} not in {:?}", b.tags);
    }
    // `Associated PressKCNA` (a lost link) is an agency glued to another: never a tag.
    assert!(
        !b.tags.iter().any(|t| t.contains("Associated Press")),
        "{:?}",
        b.tags
    );
    for gone in [
        "[Gambas:Video CNN]",
        "TOPIK TERKAIT",
        "REKOMENDASI",
        "LAINNYA DI DETIKNETWORK",
        "(dea)",
        "CNN Indonesia |",
        "Jakarta, CNN Indonesia --",
    ] {
        assert!(!body(&b).contains(gone), "{gone} left in the body");
    }
    // The photo credit is kept as a caption, apart from the story.
    assert!(body(&b).contains(
        "<p class=\"caption\">Pemimpin Korea Utara Kim Jong-un. (AFP Photo/Kirill Kudryavtsev)</p>"
    ));
    // The teaser above the story restates its lead: it goes, and the lead opens the summary.
    assert!(
        !body(&b).contains("langkah ofensif jelang tenggat"),
        "{}",
        body(&b)
    );
    let summary = b.summary.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        summary.starts_with("Pemimpin Korea Utara Kim Jong-un menyerukan militer dan diplomat untuk menyiapkan langkah aktif"),
        "{summary}"
    );
    assert!(!b.summary.contains("AFP Photo"));
    // The last story sentence survives, without the author code.
    assert!(body(&b).contains("yang mengakibatkan proses terhenti.</p>"));
}

#[test]
fn seed_004_detik_without_headline() {
    let b = read(&seed("004_b5c387cbb51c8ba0.txt"));
    assert!(common::inferred(&b).contains(&"title"), "{:?}", b.inferred);
    assert_eq!(
        b.title,
        "Korea Utara bersumpah akan meningkatkan kekuatan militernya"
    );
    assert_eq!(b.date.to_rfc3339(), "2020-06-12T00:00:00+07:00");
    assert!(!b.has_time);
    // The scroll marker alone is shared by detik's sister sites; `Simak video '...'` is
    // detik's own, so the source rests on a fingerprint that names one outlet.
    assert_eq!(b.source.as_ref().unwrap().name, "detikcom");
    assert_eq!(
        common::evidence(&b).get("source").copied(),
        Some("fingerprint")
    );
    assert_eq!(
        common::evidence(&b).get("date").copied(),
        Some("reported day")
    );
    // Its date is the day it reports and its title is made from the lead sentence: `kabar
    // check` says so.
    let doubt = b.doubt.as_ref().map(|d| d.message.as_str()).unwrap_or("");
    assert!(
        doubt.starts_with("check the date and title: the date is the newest day the text reports"),
        "{doubt}"
    );
    assert!(
        doubt.ends_with("the title was made from the lead sentence"),
        "{doubt}"
    );
    assert_eq!(b.cited, ["Associated Press"]);
    for tag in ["Korea Utara", "Amerika Serikat", "Donald Trump"] {
        assert!(b.tags.iter().any(|t| t == tag), "{tag} not in {:?}", b.tags);
    }
    for gone in ["SCROLL TO CONTINUE", "Simak video", "Kasus Positif Corona"] {
        assert!(!body(&b).contains(gone), "{gone} left in the body");
    }
    assert!(body(&b).contains("Korea Utara telah menangguhkan hampir semua kerja sama"));
}

#[test]
fn no_date_at_all_is_an_error_that_says_how_to_add_one() {
    let err = read_with(&fixture("24-undated.txt"), &Config::default()).unwrap_err();
    assert!(
        err.to_string()
            .contains("24-undated.txt:1:1: no date found"),
        "{err}"
    );
    let hint = err.hint.unwrap();
    assert!(hint.contains("date: 2019-12-31 18:19"), "{hint}");
    assert!(hint.contains("raw: {undated: mtime}"), "{hint}");
}

#[test]
fn undated_articles_can_take_the_file_time() {
    let config = Config::parse("raw:\n  undated: mtime\n").unwrap();
    let path = fixture("24-undated.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let modified = chrono::DateTime::parse_from_rfc3339("2024-03-05T02:00:00Z").unwrap();
    let b = parse(&path, &text, &config, Some(modified.to_utc())).unwrap();
    assert_eq!(b.date.to_rfc3339(), "2024-03-05T09:00:00+07:00");
    assert!(common::inferred(&b).contains(&"date"));
}

#[test]
fn a_file_name_date_is_the_last_fallback() {
    let text = std::fs::read_to_string(fixture("24-undated.txt")).unwrap();
    let path = Path::new("content/2023-08-21-latihan.txt");
    let b = parse(path, &text, &Config::default(), None).unwrap();
    assert_eq!(b.date.to_rfc3339(), "2023-08-21T00:00:00+07:00");
    assert!(!common::inferred(&b).contains(&"date"));
}

#[test]
fn site_settings_shape_the_reading() {
    let config = Config::parse(
        "raw:\n  max_tags: 2\n  boilerplate: [\"Pyongyang menyebut latihan itu *.\"]\n\
         entities:\n  Latihan Gabungan: [latihan militer gabungan]\n",
    )
    .unwrap();
    let text = "---\ndate: 2023-08-21\n---\n".to_string()
        + &std::fs::read_to_string(fixture("24-undated.txt")).unwrap();
    let b = parse(Path::new("x.txt"), &text, &config, None).unwrap();
    assert_eq!(b.tags.len(), 2, "{:?}", b.tags);
    assert!(
        b.tags.contains(&"Latihan Gabungan".to_string()),
        "{:?}",
        b.tags
    );
    assert!(!body(&b).contains("persiapan perang"));
    assert!(body(&b).contains("Korea Utara mengecam latihan militer gabungan"));
}

#[test]
fn raw_text_is_escaped() {
    let text = "Judul Uji\n\nSenin, 30/12/2019 10:00 WIB\n<script>alert(1)</script> Kim & Trump.\n";
    let b = parse(Path::new("x.txt"), text, &Config::default(), None).unwrap();
    assert!(body(&b).contains("&lt;script&gt;alert(1)&lt;/script&gt; Kim &amp; Trump."));
    assert!(!body(&b).contains("<script>"));
}

/// One paragraph of about `bytes` bytes, made of the fixtures' story lines, as a scraper that
/// lost every line break would save it.
fn one_paragraph(bytes: usize) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/raw");
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    let lines: Vec<String> = names
        .iter()
        .flat_map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .skip(3)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let sentences = lines.join(" ");
    let mut paragraph = String::with_capacity(bytes + sentences.len());
    while paragraph.len() < bytes {
        paragraph.push_str(&sentences);
        paragraph.push(' ');
    }
    paragraph
}

/// The quickest of three readings, in seconds.
fn reading_time(text: &str) -> f64 {
    let config = Config::default();
    let reader = content::Reader::new(&config).unwrap();
    let settings = content::article::settings(&reader, today());
    (0..3)
        .map(|_| {
            let started = std::time::Instant::now();
            std::hint::black_box(kabar::extract::article::extract(text, &settings));
            started.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn a_huge_paragraph_is_read_in_linear_time() {
    // Four times the text may take about four times as long; a quadratic step would take
    // sixteen. (`cargo run --release --example bench-extract` prints 1 to 10 MB.)
    let small = reading_time(&one_paragraph(500_000));
    let large = reading_time(&one_paragraph(2_000_000));
    assert!(
        large < 8.0 * small,
        "{small:.3} s, then {large:.3} s for four times the text"
    );
}
