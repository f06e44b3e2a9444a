//! Raw articles by the kind of trouble real scrapes bring, in several outlets' styles,
//! Indonesian and English: bodies that must not be lost, dates weighed on their cues,
//! outlets named from the evidence, titles free of page furniture, words a scrape glued.
//! Every text here is written for this test.

use crate::common;
use std::path::Path;

use chrono::NaiveDate;
use kabar::Config;
use kabar::content::{self, Briefing, Context, SourceKind};

/// Fixed, so guessed years do not move with the calendar.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn read(text: &str) -> Briefing {
    let config = Config::parse("raw:\n  undated: mtime\n").unwrap();
    let context = Context {
        today: today(),
        modified: Some("2026-11-20T00:00:00Z".parse().unwrap()),
    };
    let reader = content::Reader::new(&config).unwrap();
    content::parse_text(Path::new("x.txt"), SourceKind::Raw, text, &reader, &context)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// What one raw text must read as; empty fields are not checked.
struct Case {
    category: &'static str,
    text: &'static str,
    title: &'static str,
    /// The start of the RFC 3339 date (`2019-12-31`, or with the time).
    date: &'static str,
    /// `(field, evidence)` pairs that must be in `kabar list`'s evidence.
    evidence: &'static [(&'static str, &'static str)],
    /// The outlet's name; `Some("")` means no outlet may be named.
    source: Option<&'static str>,
    /// The author's name; `Some("")` means none may be named.
    author: Option<&'static str>,
    /// The place the story was filed from.
    dateline: Option<&'static str>,
    kept: &'static [&'static str],
    gone: &'static [&'static str],
    /// Whether a build warns that the body keeps too little of the text.
    loss: Option<bool>,
    /// Text `kabar check`'s doubt must hold; `Some("")` means no doubt.
    doubt: Option<&'static str>,
}

const NONE: Case = Case {
    category: "",
    text: "",
    title: "",
    date: "",
    evidence: &[],
    source: None,
    author: None,
    dateline: None,
    kept: &[],
    gone: &[],
    loss: None,
    doubt: None,
};

const CASES: &[Case] = &[
    // Whole saved pages: the story found among network bars, share panels, captions and
    // section labels, and nothing of it lost.
    Case {
        category: "page",
        // A photo page: a section name between the date line and the headline, the
        // photographer, the caption and its shorter restatement, teasers under their times,
        // then a network's bars, each longer than the story.
        text: "Home\n\nEkonomi\n\nBisnis\n\nProperti\n\nIndeks\n\nUsaha Kecil baru ·\n\nPaling Dibaca baru ·\n\nRiset Pasar ·\n\nKonsultasi ·\n\nd'Preneur ·\n\ndetikfinance\n\nFoto Bisnis\n\nRabu, 11/03/2020 15:32 WIB\n\nFotoBisnis\n\nPelabuhan Baru Patimban Mulai Beroperasi\n\nFotografer: Andi Saputra\n\nPelabuhan Patimban di Subang hari ini mulai melayani kapal kontainer pertama setelah dua tahun dibangun. Pelabuhan itu disiapkan untuk ekspor mobil.\n\nPelabuhan Patimban mulai melayani kapal kontainer.\n\nFoto Terkait\n\nRabu, 11/03/2020 13:07 WIB\n\nHarga Cabai Turun di Pasar Induk\n\nRabu, 11/03/2020 12:50 WIB\n\nRupiah Menguat Tipis Siang Ini\n\ndetikNews · Kolom · Wawancara · Lapsus · Tokoh · Pro Kontra · Profil · Indeks\n\ndetikSport · Basket · MotoGP · Raket · Sepakbola · Sport Lain · Fans Area · Indeks\n\ndetikOto · Mobil · Motor · Modifikasi · Tips & Trik · Komunitas · OtoTest · Indeks\n\ndetikHot · Celebs · Music · Movie · Art · Gallery · Profile · KPOP · Indeks\n\ndetikFinance · Ekonomi Bisnis · Finansial · Properti · Energi · Industri · Sosok · Pajak · Indeks\n\ndetikHealth · Health News · Diet · Ibu & Anak · Konsultasi · Bank Nama Bayi\n\ndetikTravel · Travel News · Destinations · d'Trips · Hotels · Flights · Travelers Stories\n\nBack to Top\n\nCopyright © detikcom, All Rights Reserved · Redaksi · Pedoman Media Siber · Karir",
        title: "Pelabuhan Baru Patimban Mulai Beroperasi",
        date: "2020-03-11T15:32:00+07:00",
        kept: &["mulai melayani kapal kontainer pertama setelah dua tahun dibangun"],
        gone: &["Wawancara", "Modifikasi", "Harga Cabai"],
        ..NONE
    },
    Case {
        category: "page",
        // A share panel and a zero-width line between the header and the story.
        text: "Okezone.com\n\nNews\n\nFinance\n\nLifestyle\n\nCelebrity\n\nBola\n\nHOME\n\nHot Gossip\n\nMovie\n\nMusic\n\nCara Dian Menjaga Suara Jelang Konser Tunggal\n\nRina Wulandari | Jum'at, 13 Maret 2020 - 13:30 wib\n\nShare on Facebook\n\nShare on Twitter\n\nShare on Google\n\nShare on linkedin\n\nShare on Pinterest\n\nShare on mail\n\ncopy link\n\nLink successfully copied\n\nToggle\n\n0Komentar\n\nShare on Facebook\n\nShare on Twitter\n\ncopy link\n\nLink successfully copied\n\nDian Anggraini. (Foto: Rina/Okezone)\n\n\u{200b}\n\nJAKARTA - Penyanyi Dian Anggraini mengaku menjaga suaranya dengan banyak minum air hangat menjelang konser tunggal pertamanya bulan depan.\n\n\"Aku kurangi bicara dan tidur lebih awal,\" kata Dian kepada wartawan di Jakarta.\n\n0 Komentar\n\nBerita Rekomendasi",
        title: "Cara Dian Menjaga Suara Jelang Konser Tunggal",
        date: "2020-03-13T13:30:00+07:00",
        kept: &[
            "menjaga suaranya dengan banyak minum air hangat",
            "Aku kurangi bicara",
        ],
        gone: &["Share on", "Link successfully copied", "Komentar"],
        ..NONE
    },
    Case {
        category: "page",
        // An English page's share panel between its header and story.
        text: "Sections\n\nWorld\n\nBusiness\n\nPolitics\n\nSports\n\nOpinion\n\nPorts Reopen After Storm Passes\n\nBy MARIA LOPEZ\n\nUpdated 3:05 PM EST, Tue March 10, 2020\n\nShare on Facebook\n\nShare on X\n\nShare on LinkedIn\n\nCopy link\n\nLink copied\n\n12 Comments\n\nMANILA, Philippines (AP) — Ports across the central Philippines reopened on Tuesday after a storm that had stranded thousands of travelers moved out to sea.\n\nThe coast guard said ferries would run on their normal schedules by Wednesday.",
        title: "Ports Reopen After Storm Passes",
        date: "2020-03-10",
        kept: &["Ports across the central Philippines reopened on Tuesday"],
        gone: &["Share on", "Copy link", "Comments"],
        ..NONE
    },
    Case {
        category: "page",
        // A byline, its role and a font-size control under a caption above the story.
        text: "Home\n\nLifestyle\n\nHealth\n\nFoto\n\nVideo\n\nIndeks\n\nKamis, 5 Maret 2020 - 15:56 wib\n\nKurang Tidur, Risiko Darah Tinggi Naik\n\nKurang tidur memengaruhi tekanan darah. (Foto: Shutterstock)\n\nSari Dewi\n\nJurnalis\n\nA\n\nA\n\nA\n\nKURANG tidur ternyata bisa menaikkan tekanan darah seseorang dalam waktu singkat. Dokter menyarankan tidur tujuh jam setiap malam.\n\nPenelitian terbaru menunjukkan orang yang tidur kurang dari lima jam lebih sering mengalami hipertensi.\n\n(ren)\n\nBerita Rekomendasi\n\nDiabetes\n\nCara Sederhana Cegah Hipertensi",
        title: "Kurang Tidur, Risiko Darah Tinggi Naik",
        date: "2020-03-05T15:56:00+07:00",
        kept: &["KURANG tidur ternyata bisa menaikkan tekanan darah"],
        gone: &["Jurnalis", "Sari Dewi"],
        ..NONE
    },
    Case {
        category: "page",
        // A network's bar separated by bullets, repeated in the footer.
        text: "Tribunnews • Nasional • Regional • Internasional • Bisnis • Sport • Seleb • Lifestyle • Otomotif\n\nSelasa, 10 Maret 2020 09:15 WIB\n\nBanjir Rendam Ratusan Rumah di Bekasi\n\nTRIBUNNEWS.COM, BEKASI - Banjir merendam ratusan rumah di tiga kecamatan di Bekasi setelah hujan deras mengguyur sejak Senin malam.\n\nWarga mengungsi ke masjid dan balai desa terdekat sambil menunggu air surut.\n\nTribunnews • Nasional • Regional • Internasional • Bisnis • Sport • Seleb • Lifestyle • Otomotif • Travel • Kesehatan • Techno • Video • Foto • Indeks",
        title: "Banjir Rendam Ratusan Rumah di Bekasi",
        date: "2020-03-10",
        kept: &["Banjir merendam ratusan rumah", "Warga mengungsi ke masjid"],
        gone: &["Otomotif", "Kesehatan"],
        ..NONE
    },
    Case {
        category: "page",
        // A photo story: the caption and its shorter restatement; the longer telling stays.
        text: "Pasar Murah Digelar di Balai Kota\n\nKamis, 12/03/2020 10:20 WIB\n\nPemerintah kota hari ini resmi menggelar pasar murah di halaman Balai Kota Bandung selama tiga hari. Beras dan minyak goreng dijual di bawah harga pasar.\n\nPemerintah kota resmi menggelar pasar murah di halaman Balai Kota Bandung.",
        title: "Pasar Murah Digelar di Balai Kota",
        kept: &["Beras dan minyak goreng dijual di bawah harga pasar"],
        ..NONE
    },
    Case {
        category: "page",
        // A page's text as its markup indented it: tabs before each line, tabs and runs of
        // spaces between the words of one line.
        text: "\t\t\tBanjir Rendam 300 Rumah di Kudus\n\t\t\n\t\t\tKompas.com\t-\t05/03/2024,   10:20 WIB\n\t\t\tPenulis:\tSiti   Rahmawati\n\n\t\t\tKUDUS, KOMPAS.com  -  Banjir merendam sekitar 300 rumah di tiga desa di Kabupaten Kudus setelah Sungai Wulan meluap.\n\n\t\t\tBaca juga:   Tanggul Jebol di Demak\n\n\t\t\tWarga mulai mengungsi ke balai desa dan masjid terdekat.\n",
        title: "Banjir Rendam 300 Rumah di Kudus",
        date: "2024-03-05T10:20:00+07:00",
        source: Some("Kompas.com"),
        author: Some("Siti Rahmawati"),
        dateline: Some("Kudus"),
        kept: &["Banjir merendam sekitar 300 rumah di tiga desa"],
        gone: &["Tanggul Jebol", "\t", "  "],
        ..NONE
    },
    Case {
        category: "page",
        // An English page copied from a browser: two spaces after each sentence, and runs of
        // spaces where inline elements met.
        text: "Ports  Reopen  After  Storm  Passes\n\nBy  MARIA LOPEZ\n\nUpdated  3:05 PM EST,  Tue March 10, 2020\n\nMANILA, Philippines  (AP)  —  Ports across the central Philippines reopened on Tuesday.  A storm had stranded thousands of travelers.\n\nRead more:  Ferries resume service\n\nThe coast guard said ferries would run on their normal schedules by Wednesday.",
        title: "Ports Reopen After Storm Passes",
        date: "2020-03-10",
        source: Some("Associated Press"),
        dateline: Some("Manila"),
        kept: &["Ports across the central Philippines reopened on Tuesday. A storm"],
        gone: &["Ferries resume", "  "],
        ..NONE
    },
    // Bodies are never lost.
    Case {
        category: "body",
        text: "Laporan Wartawan Tribunnews.com, Reza Pahlevi TRIBUNNEWS.COM, JAKARTA - Kementerian Luar Negeri memanggil duta besar Korea Utara pada Senin (2/3/2020) untuk meminta penjelasan soal uji rudal terbaru. Juru bicara kementerian menyebut pertemuan itu berlangsung satu jam dan berjalan baik. Pemerintah meminta semua pihak menahan diri demi stabilitas kawasan.",
        kept: &[
            "Kementerian Luar Negeri memanggil duta besar Korea Utara",
            "menahan diri demi stabilitas kawasan",
        ],
        gone: &["Laporan Wartawan", "Reza Pahlevi"],
        source: Some("Tribunnews.com"),
        loss: Some(false),
        ..NONE
    },
    Case {
        category: "body",
        text: "Laporan Reporter Okezone, Dimas Andhika\n\nJakarta - Pemerintah menyiapkan bantuan pangan untuk warga di perbatasan, Rabu (4/3/2020). Menteri Sosial mengatakan bantuan dikirim pekan depan lewat jalur darat dan laut.",
        kept: &["Pemerintah menyiapkan bantuan pangan untuk warga di perbatasan"],
        gone: &["Dimas Andhika"],
        loss: Some(false),
        ..NONE
    },
    Case {
        category: "body",
        // A story cut by a long "read also" list keeps its second half.
        text: "JAKARTA, KOMPAS.com - Bank Indonesia menahan suku bunga acuan pada rapat bulan ini, Kamis (19/3/2020), untuk menjaga stabilitas rupiah di tengah gejolak pasar global.\n\nBaca Juga\n\nRupiah Melemah Tipis Pagi Ini\n\nIHSG Dibuka Menguat\n\nHarga Emas Turun Lagi\n\nCadangan Devisa Naik\n\nInflasi Terkendali di Awal Tahun\n\nGubernur Bank Indonesia menyebut keputusan itu sejalan dengan perkiraan inflasi yang tetap rendah sepanjang tahun ini.",
        kept: &[
            "Bank Indonesia menahan suku bunga acuan",
            "sejalan dengan perkiraan inflasi",
        ],
        gone: &["IHSG Dibuka Menguat", "Baca Juga"],
        source: Some("Kompas.com"),
        ..NONE
    },
    Case {
        category: "body",
        // A page's script saved in the middle of the story.
        text: "JAKARTA, KOMPAS.com - Polisi menangkap tujuh orang operator pinjaman daring ilegal di Jakarta Barat pada Jumat (15/10/2021) setelah laporan dari warga.\n\n    googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });\n    function getCookie(name){\n        var re = new RegExp(name + \"=([^;]+)\");\n        return re.exec(document.cookie);\n    }\n    window.location.href = 'https://example.org/daftar';\n}\n\nPara tersangka dijerat pasal berlapis dan terancam hukuman enam tahun penjara, kata penyidik kepada wartawan.",
        kept: &[
            "Polisi menangkap tujuh orang operator",
            "terancam hukuman enam tahun penjara",
        ],
        gone: &["googletag", "document.cookie", "window.location"],
        ..NONE
    },
    Case {
        category: "body",
        // A whole saved page: the story is a small part of it, so the build says what
        // was dropped.
        text: "Home\n\nNews\n\nNasional\n\nEkonomi\n\nOlahraga\n\nTekno\n\nOtomotif\n\nHiburan\n\nGaya Hidup\n\nTerpopuler\n\nPasar Mobil Listrik Tumbuh Pesat di Asia Tenggara Tahun Ini\n\nHarga Beras Naik Jelang Ramadan di Beberapa Daerah\n\nTimnas Menang Tipis atas Vietnam di Laga Uji Coba\n\nCuaca Ekstrem Diperkirakan Berlanjut Sepekan ke Depan\n\nSaham Teknologi Kembali Jadi Incaran Investor Asing\n\nKorut Uji Rudal Lagi\n\nSelasa, 10/03/2020 14:05 WIB\n\nSeoul - Korea Utara kembali menguji rudal jarak pendek pada Selasa (10/3/2020) pagi, kata militer Korea Selatan.\n\nIndeks\n\nRedaksi\n\nPedoman Media Siber\n\nKarir\n\nKontak\n\nPrivasi\n\nBerita Lainnya dari Kanal Internasional yang Banyak Dibaca Pembaca Kami Sepanjang Pekan Ini\n\nIklan\n\nLangganan",
        title: "Korut Uji Rudal Lagi",
        date: "2020-03-10T14:05:00+07:00",
        kept: &["Korea Utara kembali menguji rudal jarak pendek"],
        gone: &["Timnas Menang Tipis", "Pedoman Media Siber"],
        loss: Some(true),
        ..NONE
    },
    Case {
        category: "body",
        text: "North Korea fires two missiles\n\nBy JANE PARK\n\nUpdated 6:05 p.m. ET, Tue March 10, 2020\n\nSEOUL, South Korea (AP) — North Korea fired two short-range ballistic missiles into the sea on Tuesday, South Korea's military said.\n\nThe launches were the second in a week.",
        title: "North Korea fires two missiles",
        date: "2020-03-10",
        source: Some("Associated Press"),
        kept: &[
            "North Korea fired two short-range ballistic missiles",
            "The launches were the second in a week.",
        ],
        gone: &["By JANE PARK", "Updated"],
        loss: Some(false),
        ..NONE
    },
    Case {
        category: "body",
        // A photo story is its captions; a sidebar of teasers, each under its time stamp,
        // is no story however long.
        text: "Showbiz\n\nMusik\n\nDua Penyanyi Berpelukan di Karpet Merah Grammy\n\nBy Arny Putri\non 16 Feb 2016 at 09:09 WIB\n\nFacebook\n\nTwitter\n\nPenyanyi Taylor Swift memeluk Selena Gomez saat berpose di karpet merah Grammy Awards di Los Angeles, Senin (15/2). (REUTERS/Danny Moloshok)\n\nKeduanya tampak akrab dan saling bercanda di depan para fotografer yang memadati karpet merah malam itu. (REUTERS/Danny Moloshok)\n\nPopular News\n\nShowbiz15 Feb 2016 19:29\nPenyanyi asal Barbados itu tampil memukau di panggung penghargaan musik dan memamerkan perhiasan berlian yang sangat mahal harganya.\n\nNews15 Feb 2016 16:00\nTokoh masyarakat itu mendatangi kantor komisi hak asasi manusia di Jakarta untuk mengadukan rencana penertiban kawasan tempat tinggalnya.\n\nTekno15 Feb 2016 12:38\nPengguna ponsel diminta tidak mengubah tanggal perangkat ke tahun 1970 karena ponsel bisa mati total dan tidak menyala lagi.\n\nShowbiz15 Feb 2016 17:11\nAktris itu mengunggah foto lama dirinya yang membuat para penggemarnya terkejut dan ramai memberikan komentar di media sosial.",
        title: "Dua Penyanyi Berpelukan di Karpet Merah Grammy",
        date: "2016-02-16T09:09:00+07:00",
        kept: &["Taylor Swift memeluk Selena Gomez", "Keduanya tampak akrab"],
        gone: &["perhiasan berlian", "tanggal perangkat"],
        ..NONE
    },
    // Dates weighed on their cues.
    // A preposition putting its object ahead (`menjelang Lebaran`, `mulai hari ini`) does not
    // reach past a comma to the day the story reports; a verb (`akan digelar`) does.
    Case {
        category: "date",
        text: "Harga daging sapi naik menjelang Lebaran, Senin (1/4/2024), menurut pantauan di Pasar Kramat Jati.\n\nPedagang menyebut pasokan berkurang.",
        date: "2024-04-01",
        ..NONE
    },
    Case {
        category: "date",
        text: "Tarif kereta komuter berlaku mulai hari ini, Senin (1/7/2024), kata juru bicara operator.\n\nPenumpang diminta memakai kartu elektronik. Konser amal akan digelar di Jakarta, Sabtu (6/7/2024).",
        date: "2024-07-01",
        ..NONE
    },
    Case {
        category: "date",
        // A wire dateline without a year takes it from the text.
        text: "Talks stall again\n\nLONDON, March 2 (Reuters) - Britain said on Monday that talks with North Korea had stalled, a year after the 2019 summit in Hanoi ended without a deal.",
        date: "2019-03-02",
        evidence: &[("date", "dateline")],
        source: Some("Reuters"),
        ..NONE
    },
    Case {
        category: "date",
        text: "SEOUL, Dec 31 (Reuters) - North Korean leader Kim Jong Un said his country would show a new strategic weapon, state media reported, as a year-end deadline set in 2019 passed.",
        date: "2019-12-31",
        evidence: &[("date", "dateline")],
        ..NONE
    },
    Case {
        category: "date",
        // The newest day a statement is attributed to beats the lead's event day.
        text: "Menteri membuka pasar murah di Kendari, Sulawesi Tenggara, Selasa (26/8/2025). Ribuan warga datang sejak pagi.\n\n\"Stok beras cukup sampai akhir tahun,\" kata menteri dalam keterangan tertulis, Rabu (27/8/2025).",
        date: "2025-08-27",
        evidence: &[("date", "reported day")],
        doubt: Some("newest day the text reports"),
        ..NONE
    },
    Case {
        category: "date",
        // `hari ini` inside a quotation of an earlier video is the speaker's day.
        text: "Anggota dewan berharap pengganti juru bicara segera ditunjuk, kata dia kepada wartawan, Senin (5/5/2025).\n\n\"Pada hari ini, 21 April 2025, saya menyampaikan surat pengunduran diri,\" kata juru bicara itu dalam video yang diunggah Selasa (29/4).",
        date: "2025-05-05",
        ..NONE
    },
    Case {
        category: "date",
        // A deadline ahead never dates the article.
        text: "Bank sentral membuka penukaran uang lama hingga 30 April 2025, kata pejabat bank dalam keterangan tertulis, Selasa (29/4/2025). Warga diminta membawa kartu identitas.",
        date: "2025-04-29",
        ..NONE
    },
    Case {
        category: "date",
        text: "Proyek jalan tol itu akan rampung pada 1 Mei 2019 mendatang, kata direktur utama perusahaan kepada Kontan, Selasa (22/1/2019).",
        date: "2019-01-22",
        ..NONE
    },
    Case {
        category: "date",
        // A related story's headline in a sidebar.
        text: "Aktor itu hadir di kantor redaksi untuk membicarakan film barunya, kata produser, Rabu (4/11/2015).\n\nIa berperan sebagai sahabat tokoh utama dan ikut bermain musik.\n\nBerita Terkait\n\nFilm Kedua Dirilis 28 November 2015",
        date: "2015-11-04",
        gone: &["Film Kedua Dirilis"],
        ..NONE
    },
    Case {
        category: "date",
        // A book's year is history: it never lends the film's day its year.
        text: "Film itu diadaptasi dari novel yang diterbitkan pada 1979. Sutradara menyebut syuting selesai awal 2024.\n\nFilm itu tayang perdana di Jakarta, kata distributor kepada wartawan, Rabu (10/9/2025).",
        date: "2025-09-10",
        ..NONE
    },
    Case {
        category: "date",
        // A header date among a page's menus, with its time.
        text: "Kompas.com\n\nKompasiana.com\n\nGramedia.com\n\nJuara.net\n\nSelasa, 23 Februari 2016\n\nRegister |\n\nLogin\n\nNews\n\nNasional\n\nRegional\n\nMegapolitan\n\nInternasional\n\nOlahraga\n\nEkonomi\n\nMerek China Serbu Pasar Mobil Indonesia\n\nSelasa, 23 Februari 2016 | 16:52 WIB\n\nkomentar\n\nJakarta, KompasOtomotif - Dua produsen mobil asal China mulai masuk ke pasar Indonesia tahun depan dan membangun pabrik di Jawa Barat.\n\nKetua asosiasi produsen mobil menyebut persaingan akan makin ketat, kata dia kepada wartawan, Senin (22/2/2016).",
        title: "Merek China Serbu Pasar Mobil Indonesia",
        date: "2016-02-23T16:52:00+07:00",
        evidence: &[("date", "header")],
        source: Some("Kompas.com"),
        ..NONE
    },
    Case {
        category: "date",
        // A `Tanggal:` line of a header block.
        text: "Judul: Polisi Tangkap Pengedar Uang Palsu\nTanggal: 10 September 2019\nSumber: Okezone\n\nPolisi menangkap dua pengedar uang palsu di Bekasi, kata kepala kepolisian setempat, Senin (9/9/2019).",
        title: "Polisi Tangkap Pengedar Uang Palsu",
        date: "2019-09-10",
        evidence: &[("date", "label"), ("source", "label")],
        source: Some("Okezone"),
        gone: &["Judul:", "Sumber:"],
        ..NONE
    },
    Case {
        category: "date",
        // The date in the article's own address.
        text: "https://www.cnnindonesia.com/nasional/20250910203507-20-1272318/banjir-bali\n\nBanjir melanda sejumlah wilayah di Bali sejak Selasa (9/9) malam. Ribuan warga mengungsi ke tempat yang lebih tinggi.",
        date: "2025-09-10",
        evidence: &[("date", "address"), ("source", "address")],
        source: Some("CNN Indonesia"),
        ..NONE
    },
    Case {
        category: "date",
        // A weekday that does not fall on its date is the source's slip: kabar check says so.
        text: "Menteri berbicara dalam forum bisnis di Jakarta, Senin (19/10/2025). Ia mengajak pengusaha menanam modal di daerah.",
        date: "2025-10-19",
        doubt: Some("does not fall on that date"),
        ..NONE
    },
    Case {
        category: "date",
        // A sign-off closing a column dates it.
        text: "Kami berangkat dari Jakarta pukul satu siang, 18 Oktober 2025. Perjalanan ke Garut memakan waktu lima jam.\n\nSetibanya di sana kami disambut warga desa.\n\nGarut, 19 Oktober 2025.",
        date: "2025-10-19",
        ..NONE
    },
    Case {
        category: "date",
        text: "MPs back the bill in a final vote\n\nPublished 2 March 2021\n\nMPs backed the bill by a wide margin on Tuesday after a long debate, the Commons clerk said.",
        date: "2021-03-02",
        ..NONE
    },
    Case {
        category: "date",
        // A wire dateline with no year, in a text that names none: the lead's weekday
        // gives the latest year the day fell on it, and `kabar check` says it was guessed.
        text: "SEOUL, Dec 31 (Reuters) - The coast guard rescued twelve fishermen from a capsized boat on Tuesday, officials said.\n\nAll twelve were taken to hospital.",
        date: "2024-12-31",
        evidence: &[("date", "dateline")],
        doubt: Some("guessed from its weekday alone"),
        ..NONE
    },
    Case {
        category: "date",
        text: "SINGAPORE, June 12 (AP) — The two leaders shook hands at a hotel on the island Tuesday before their first meeting.\n\nThey spoke for about forty minutes.",
        date: "2018-06-12",
        doubt: Some("guessed from its weekday alone"),
        ..NONE
    },
    Case {
        category: "date",
        // A lowercase `minggu` is a week, not Sunday: no year is guessed from it.
        text: "SEOUL, 31 Desember (Yonhap) - Penjaga pantai menyelamatkan dua belas nelayan dalam satu minggu terakhir, kata pejabat setempat.\n\nSemuanya dibawa ke rumah sakit.",
        date: "2026-11-20",
        doubt: Some("last saved"),
        ..NONE
    },
    Case {
        category: "date",
        // An English header date with an ordinal day, under the headline, and its time.
        text: "Ministers agree on a new fishing quota\n11th April 2023 16:20\n\nJakarta (ANTARA) - Ministers from five countries agreed on Tuesday to cut the regional fishing quota by a tenth, the host ministry said.\n\nThe cut takes effect next year.",
        title: "Ministers agree on a new fishing quota",
        date: "2023-04-11T16:20:00+07:00",
        evidence: &[("date", "header")],
        source: Some("ANTARA"),
        ..NONE
    },
    Case {
        category: "date",
        // The same in a byline block, written `the 3rd of`: the weekday in the lead agrees.
        text: "Storm closes the port for a second day\n\nBy a staff writer | Friday, the 3rd of November 2017\n\nThe port stayed closed on Friday as strong winds kept ships at anchor, officials said.\n\nFerries will resume when the wind drops.",
        title: "Storm closes the port for a second day",
        date: "2017-11-03",
        ..NONE
    },
    // Outlets named from the evidence, never from a citation.
    Case {
        category: "outlet",
        // A tokenized dateline.
        text: "Jakarta , CNN Indonesia - - Komisi Pemilihan Umum menyatakan , hingga Senin ( 21/1/2019 ) , sebanyak 20 partai telah menyerahkan laporan dana kampanye .",
        source: Some("CNN Indonesia"),
        evidence: &[("source", "dateline")],
        kept: &["Komisi Pemilihan Umum menyatakan"],
        ..NONE
    },
    Case {
        category: "outlet",
        // A dash glued to the outlet's name.
        text: "TRIBUNNEWS.COM- Polisi memeriksa tiga saksi dalam kasus pembakaran hutan di Riau, Kamis (12/9/2019). Pemeriksaan berlangsung hingga malam.",
        source: Some("Tribunnews.com"),
        evidence: &[("source", "dateline")],
        ..NONE
    },
    Case {
        category: "outlet",
        // A header line naming the reporter, then the outlet after a comma, under a section
        // name: a header, not a dateline (`News -`), and neither stays in the body.
        text: "Harga Batu Bara Turun Tiga Hari Beruntun\n\nMarket - Sari Anggraini, CNBC Indonesia\n14 January 2021 16:40\n\nJakarta, CNBC Indonesia - Harga batu bara acuan turun untuk hari ketiga berturut-turut pada perdagangan Kamis, tertekan permintaan yang melemah.\n\nPara pedagang menunggu data impor terbaru.",
        title: "Harga Batu Bara Turun Tiga Hari Beruntun",
        date: "2021-01-14T16:40:00+07:00",
        source: Some("CNBC Indonesia"),
        kept: &["Harga batu bara acuan turun"],
        gone: &["Sari Anggraini", "Market -", "16:40"],
        ..NONE
    },
    Case {
        category: "outlet",
        // A reporter's name alone between the date line and the dateline: a byline.
        text: "Pasokan Beras di Pasar Induk Aman\nKamis, 11 Maret 2021 - 08:30 WIB\nLaras Wibisono\n\nJAKARTA - Pasokan beras di pasar induk dipastikan aman menjelang bulan puasa, kata pengelola pasar.\n\nHarga beras medium masih stabil.",
        date: "2021-03-11T08:30:00+07:00",
        author: Some("Laras Wibisono"),
        gone: &["Laras Wibisono"],
        kept: &["Pasokan beras di pasar induk"],
        ..NONE
    },
    Case {
        category: "outlet",
        // The same with an outlet in the dateline.
        text: "Jembatan Baru Dibuka untuk Umum\n\nSabtu, 20 Maret 2021 - 10:00:00 WIB\n\nRudi Hartono Siregar\n\nMEDAN, iNews.id - Jembatan yang menghubungkan dua kecamatan itu dibuka untuk umum pada Sabtu pagi.\n\nWarga menyambut pembukaan itu.",
        source: Some("iNews.id"),
        author: Some("Rudi Hartono Siregar"),
        gone: &["Rudi Hartono"],
        ..NONE
    },
    Case {
        category: "outlet",
        // An English wire story's page, its reporter under the date.
        text: "Port reopens after storm\n\nMarch 4, 2019\nJane Whitfield\n\nSEOUL (Reuters) - The port reopened on Monday after a storm kept ships at anchor for two days, officials said.\n\nFerries resumed in the afternoon.",
        date: "2019-03-04",
        source: Some("Reuters"),
        author: Some("Jane Whitfield"),
        gone: &["Whitfield"],
        ..NONE
    },
    Case {
        category: "outlet",
        // A name line that does not stand between a date line and a dateline is no byline.
        text: "Pasar Murah Digelar di Balai Kota\n\nKamis, 11 Maret 2021 - 08:30 WIB\n\nBalai Kota\n\nPemerintah kota menggelar pasar murah selama tiga hari, kata wali kota.",
        author: Some(""),
        kept: &["Balai Kota"],
        ..NONE
    },
    Case {
        category: "outlet",
        // The same kind of line in another outlet's style, under the date.
        text: "Warga Bantu Padamkan Kebakaran Pasar\nRabu 9 Juni 2021 21:15 WIB\nDimas Pratama, Okezone\n\nBOGOR - Warga membantu petugas memadamkan api yang membakar puluhan kios di pasar tradisional, Rabu malam.\n\nTidak ada korban jiwa dalam kebakaran itu.",
        title: "Warga Bantu Padamkan Kebakaran Pasar",
        date: "2021-06-09T21:15:00+07:00",
        source: Some("Okezone"),
        gone: &["Dimas Pratama"],
        ..NONE
    },
    Case {
        category: "outlet",
        // An English outlet of Indonesia's, its name alone on a line under the story, and a
        // web address of its own in a dateline.
        text: "Flood waters recede in East Jakarta\n\nJakarta Globe\n\nJakarta. Flood waters receded on Tuesday in most of East Jakarta, the city's disaster agency said, as residents returned to clean their homes.\n\nSchools will reopen on Thursday.",
        source: Some("Jakarta Globe"),
        ..NONE
    },
    Case {
        category: "outlet",
        text: "BANDUNG, iNews.id - Ribuan warga memadati alun-alun kota untuk menyaksikan pawai budaya, Minggu (14/11/2021).\n\nPawai melibatkan ratusan seniman.",
        source: Some("iNews.id"),
        evidence: &[("source", "dateline")],
        ..NONE
    },
    Case {
        category: "outlet",
        // An agency's name in parentheses opening the story, its city lost or never written.
        text: "Floods close schools in the capital\n\n(CNN) Schools across the capital closed on Monday as flood waters rose in several districts, officials said.\n\nClasses resume next week.",
        source: Some("CNN"),
        gone: &["(CNN)"],
        kept: &["Schools across the capital closed"],
        ..NONE
    },
    Case {
        category: "outlet",
        text: "(Reuters) - The central bank held its key rate on Thursday, as most economists had expected.\n\nThe rupiah firmed after the decision.",
        source: Some("Reuters"),
        gone: &["(Reuters)"],
        ..NONE
    },
    Case {
        category: "outlet",
        // A city and its country before the dash, no outlet.
        text: "Talks resume after a year\n\nBy Ana Lestari\n\nSEOUL, South Korea — Negotiators from both Koreas met on Tuesday for the first time in a year, the unification ministry said.\n\nThe talks lasted three hours.",
        dateline: Some("Seoul"),
        gone: &["South Korea —"],
        ..NONE
    },
    Case {
        category: "outlet",
        text: "DENPASAR, Bali - Ribuan wisatawan memadati pantai Kuta pada libur panjang akhir pekan ini, kata petugas setempat.\n\nLalu lintas menuju pantai macet.",
        dateline: Some("Denpasar"),
        gone: &["Bali -"],
        ..NONE
    },
    Case {
        category: "outlet",
        // A no-break space inside the outlet's name.
        text: "Jakarta, CNBC\u{a0}Indonesia - Harga minyak dunia naik tajam pada perdagangan Senin (6/1/2020) setelah ketegangan di Timur Tengah meningkat.",
        source: Some("CNBC Indonesia"),
        ..NONE
    },
    Case {
        category: "outlet",
        // The people in the story spoke to the outlet.
        text: "Pengamat otomotif menilai pasar mobil listrik terus tumbuh. \"Harga baterai makin murah,\" kata Yanto kepada detikOto, Rabu (22/10/2025). Ia memperkirakan penjualan naik dua kali lipat.",
        source: Some("detikcom"),
        evidence: &[("source", "reporter")],
        ..NONE
    },
    Case {
        category: "outlet",
        text: "Google menyatakan akan menghapus aplikasi pinjaman ilegal bila diminta pemerintah. Hal itu disampaikan perwakilan Google saat dihubungi KompasTekno, Jumat (20/8/2021).",
        source: Some("Kompas.com"),
        ..NONE
    },
    Case {
        category: "outlet",
        // The site's own masthead on a saved page.
        text: "Jamaah Haji Ikuti Pemeriksaan Kesehatan\n\nJumat, 17 Februari 2017, 13:16 WIB\n\nCalon jamaah haji di Banjarmasin mengikuti pemeriksaan kesehatan tahap pertama pekan ini, kata kepala kantor kementerian agama setempat kepada wartawan.\n\nPemeriksaan berlangsung tiga hari di puskesmas kota.\n\nTentang Kami\n\nrepublika.co.id\n\nSemua hak cipta dilindungi undang-undang",
        source: Some("Republika"),
        evidence: &[("source", "masthead"), ("date", "header")],
        // A masthead alone is weak evidence: kabar check asks an editor to look.
        doubt: Some("standing alone on the page"),
        ..NONE
    },
    Case {
        category: "outlet",
        text: "WASHINGTON (Reuters) - The United States imposed new sanctions on North Korean shipping firms on Thursday, the Treasury Department said.",
        source: Some("Reuters"),
        evidence: &[("source", "dateline")],
        ..NONE
    },
    Case {
        category: "outlet",
        // An English page with its copyright line.
        text: "Skip to main content\n\nBBC navigation\n\nSouth Korea's president calls for talks\n\nPublished 2 March 2021\n\nSouth Korea's president has called for new talks with the North, saying the door to dialogue remains open.\n\nHe spoke at a ceremony in Seoul marking a national holiday.\n\n© 2021 BBC. The BBC is not responsible for the content of external sites.",
        source: Some("BBC"),
        title: "South Korea's president calls for talks",
        gone: &["Skip to main content", "BBC navigation"],
        ..NONE
    },
    Case {
        category: "outlet",
        text: "Editor: Agus Salim\n\nJakarta (ANTARA) - Otoritas Jasa Keuangan memaparkan perkembangan bursa karbon pada Jumat (1/12/2023).\n\nCOPYRIGHT © ANTARA 2023",
        source: Some("ANTARA"),
        ..NONE
    },
    Case {
        category: "outlet",
        // Citations name no outlet: a wrong outlet is worse than none.
        text: "Seperti dilansir Reuters, Korea Utara menembakkan rudal pada Kamis (12/3/2020). Dikutip dari AFP, Jepang memprotes peluncuran itu.",
        source: Some(""),
        ..NONE
    },
    // Titles free of page furniture.
    // A story opening with a quotation: the title is made from the first sentence that says
    // who, not from one that leans on the sentence before it (`Ia menyebutkan ...`, `He
    // added ...`, `Sehingga ...`).
    Case {
        category: "title",
        text: "\"Posisi ini harus diisi orang yang peka terhadap hak warga,\" kata anggota dewan itu kepada wartawan, Senin (5/5/2025).\nIa menyebutkan kepala kantor yang baru perlu sejalan dengan prinsip negara hukum.\nKantor komunikasi dinilai harus menjadi wakil presiden dalam menyampaikan informasi kepada publik.",
        title: "Kantor komunikasi dinilai harus menjadi wakil presiden dalam menyampaikan informasi kepada publik",
        ..NONE
    },
    Case {
        category: "title",
        text: "\"We will not accept any launch,\" the spokesman told reporters in Seoul on Tuesday.\n\nHe added that talks with Washington would continue next week.\n\nSouth Korea summoned the North's envoy over the missile test, officials said.",
        title: "South Korea summoned the North's envoy over the missile test",
        ..NONE
    },
    Case {
        category: "title",
        // `Hal tersebut` points back at what was said before it.
        text: "\"Investasi di daerah ini terus tumbuh setiap tahun,\" ujar gubernur di Semarang, Rabu (15/10/2025).\n\nHal tersebut ia sampaikan dalam seminar ekonomi regional di kampus negeri.\n\nPemerintah provinsi mencatat realisasi investasi naik 20 persen pada semester pertama.",
        title: "Pemerintah provinsi mencatat realisasi investasi naik 20 persen pada semester pertama",
        ..NONE
    },
    Case {
        category: "title",
        // `It` and `They` stand for something named before.
        text: "\"This is a turning point for the city,\" the mayor told reporters on Monday.\n\nIt comes after months of talks with the state government.\n\nThe city will build 2,000 affordable homes on former rail land by 2030.",
        title: "The city will build 2,000 affordable homes on former rail land",
        ..NONE
    },
    // A title made from the lead keeps what its named subject did, the description between
    // commas left out, and a company's legal form (`(Persero)`) is no abbreviation to
    // put in place of its name.
    Case {
        category: "title",
        text: "Jakarta - PT Sinar Dana Mandiri, penyedia layanan pinjaman daring bagi usaha kecil, menargetkan penyaluran pinjaman Rp1 triliun tahun ini, Selasa (22/1/2019).\n\nPerusahaan itu berdiri pada 2017.",
        title: "PT Sinar Dana Mandiri menargetkan penyaluran pinjaman Rp1 triliun tahun ini",
        ..NONE
    },
    Case {
        category: "title",
        text: "Paris (ANTARA) - Kandidat Presiden Prancis Emmanuel Macron, yang unggul pada putaran pertama, merasa optimistis akan menang dalam putaran kedua pekan depan.\n\nIa berkampanye di utara negeri itu, Senin (1/5/2017).",
        title: "Kandidat Presiden Prancis Emmanuel Macron merasa optimistis akan menang dalam putaran kedua",
        ..NONE
    },
    Case {
        category: "title",
        text: "Bisnis.com, JAKARTA - Bank Ekspor memberikan pinjaman Rp775 miliar kepada PT Industri Kereta Api (Persero), Selasa (22/1/2019).\n\nKereta itu dikirim bertahap ke Bangladesh.",
        title: "Bank Ekspor memberikan pinjaman Rp775 miliar kepada PT Industri Kereta Api",
        ..NONE
    },
    Case {
        category: "title",
        text: "Tentang Kami\n\nKetentuan Penggunaan\n\nREGISTER | SIGN IN\n\nHome\n\nNasional\n\nInternasional\n\nEkonomi\n\nOlahraga\n\nHiburan\n\nTeknologi\n\nOtomotif\n\nFoto\n\nANTARA TV\n\nEnglish\n\nPengadilan Pertemukan Dua Terdakwa Kasus Suap\n\nSenin, 15 Mei 2017 18:43 WIB | 699 Views\n\nJakarta (ANTARA News) - Dua terdakwa kasus suap bertemu di Pengadilan Tipikor Jakarta pada Senin tanpa direncanakan, kata petugas pengadilan.",
        title: "Pengadilan Pertemukan Dua Terdakwa Kasus Suap",
        date: "2017-05-15T18:43:00+07:00",
        source: Some("ANTARA"),
        ..NONE
    },
    Case {
        category: "title",
        text: "EDISI KORAN\n\n|\n\nREPUBLIKA TV\n\n|\n\nJURNAL HAJI\n\nFind us on:\n\nNews\n\nTerkini\n\nFokus\n\nKomunitas\n\nSurat Pembaca\n\nForum\n\nIndeks\n\nIn Picture: KPK Periksa Pejabat Mahkamah Agung\n\nSelasa, 23 Februari 2016, 17:15 WIB\n\nREPUBLIKA.CO.ID, JAKARTA -- Seorang pejabat Mahkamah Agung menjalani pemeriksaan perdana di Gedung KPK, Jakarta, Selasa (23/2).",
        title: "In Picture: KPK Periksa Pejabat Mahkamah Agung",
        evidence: &[("title", "page headline"), ("source", "dateline")],
        source: Some("Republika"),
        ..NONE
    },
    Case {
        category: "title",
        text: ", , - Harga Cabai Naik Dua Kali Lipat\n\nJakarta - Harga cabai rawit di pasar induk naik dua kali lipat dalam sepekan, kata pedagang, Senin (3/2/2020).",
        title: "Harga Cabai Naik Dua Kali Lipat",
        ..NONE
    },
    Case {
        category: "title",
        // A headline in title case may end with a full stop.
        text: "Korut Tembakkan Dua Rudal, Jepang Siaga.\n\nTokyo - Korea Utara menembakkan dua rudal balistik ke Laut Jepang pada Kamis (12/3/2020), kata militer Jepang.",
        title: "Korut Tembakkan Dua Rudal, Jepang Siaga.",
        evidence: &[("title", "first line")],
        gone: &["Jepang Siaga."],
        ..NONE
    },
    Case {
        category: "title",
        text: "Kim Jong Un: Kami Siap Berunding dengan AS\n\nPyongyang - Pemimpin Korea Utara menyatakan siap berunding dengan Amerika Serikat, Jumat (12/6/2020).",
        title: "Kim Jong Un: Kami Siap Berunding dengan AS",
        ..NONE
    },
    Case {
        category: "title",
        // A wire headline run into its dateline.
        text: "North Korea fires two missiles SEOUL (Reuters) - North Korea fired two short-range ballistic missiles on Thursday, South Korea's military said.",
        title: "North Korea fires two missiles",
        source: Some("Reuters"),
        gone: &["SEOUL (Reuters)"],
        ..NONE
    },
    Case {
        category: "title",
        // Made from the lead: not from the quotation that opens it, without the date.
        text: "\"Posisi ini harus diisi orang yang paham hak asasi manusia,\" kata anggota dewan kepada wartawan.\n\nKomisi XIII DPR meminta presiden menunjuk juru bicara baru yang peka terhadap prinsip HAM, Senin (5/5/2025).",
        title: "Komisi XIII DPR meminta presiden menunjuk juru bicara baru",
        evidence: &[("title", "lead sentence")],
        ..NONE
    },
    Case {
        category: "title",
        // An office-holder's long subject is cut to the name; a spelled-out name to its
        // abbreviation.
        text: "Menteri Koordinator Bidang Infrastruktur dan Pembangunan Kewilayahan, Agus Harimurti Yudhoyono (AHY) menggodok rancangan undang-undang sistem transportasi nasional bersama kementerian terkait.",
        title: "AHY menggodok rancangan undang-undang sistem transportasi nasional bersama kementerian terkait",
        ..NONE
    },
    Case {
        category: "title",
        text: "Dilansir kantor berita AFP, Senin (7/7/2025), Elon Musk meluncurkan partai politik baru untuk menantang dua partai besar di Amerika Serikat.",
        title: "Elon Musk meluncurkan partai politik baru",
        ..NONE
    },
    // English pages.
    Case {
        category: "title",
        // A deck under its headline, a byline in the Guardian's style, a time in BST.
        text: "US news\nWorld news\nOpinion\nSport\nCulture\nLifestyle\n\nNorth Korea\nKim Jong-un says country must prepare for 'confrontation' with US\n\nLeader tells party meeting the North must be ready for both dialogue and confrontation\n\nJustin McCurry in Tokyo\nThu 17 Jun 2021 06.12 BST\n\nNorth Korea's leader, Kim Jong-un, has told senior officials that his country must be prepared for both dialogue and confrontation with the US, in his first comments on the Biden administration.\n\nKim made the remarks at a plenary meeting of the ruling Workers' party central committee, the state news agency KCNA said on Friday.\n\nTopics\nNorth Korea\nKim Jong-un\nAsia Pacific\nReuse this content\n",
        title: "Kim Jong-un says country must prepare for 'confrontation' with US",
        date: "2021-06-17T06:12:00+01:00",
        evidence: &[("title", "page headline"), ("date", "header")],
        gone: &["Reuse this content", "Justin McCurry in Tokyo"],
        ..NONE
    },
    Case {
        category: "title",
        // A tagline and a section above the headline, no blank line between header lines.
        text: "Democracy Dies in Darkness\nAsia\nNorth Korea fires ballistic missile into sea, South Korea says\nBy Min Joo Kim\nMarch 25, 2021 at 3:45 a.m. EDT\n\nSEOUL — North Korea fired at least one ballistic missile into the sea off its east coast on Thursday, South Korea's military said, in the first such test since President Biden took office.\n\nThe launch came days after Secretary of State Antony Blinken visited Seoul.\n",
        title: "North Korea fires ballistic missile into sea, South Korea says",
        date: "2021-03-25T03:45:00-04:00",
        evidence: &[("date", "header")],
        kept: &["North Korea fired at least one ballistic missile"],
        gone: &["Democracy Dies in Darkness", "By Min Joo Kim"],
        ..NONE
    },
    Case {
        category: "date",
        // A date line inside the text, under the deck.
        text: "BuzzFeed News\nReporting To You\n\nHere's What We Know About The Summit\n\nThe two leaders met for less than three hours on Thursday, and the talks ended early.\n\nPosted on February 28, 2019, at 4:12 a.m. ET\n\nHanoi — President Trump and Kim Jong Un cut short their summit on Thursday after failing to reach an agreement on sanctions, the White House said.\n\nTrump said Kim wanted all sanctions lifted in exchange for closing part of a nuclear site.\n",
        date: "2019-02-28",
        evidence: &[("date", "header")],
        source: Some("BuzzFeed News"),
        kept: &["President Trump and Kim Jong Un cut short their summit"],
        ..NONE
    },
    Case {
        category: "date",
        text: "The Verge homepage\nTech\nReviews\nScience\n\nSamsung's new foldable is thinner and lighter\nIt also costs less than last year's model.\nBy Jane Doe\nAug 10, 2022, 10:00 AM EDT\n\nSamsung announced its newest foldable phone today at an event in New York, promising a thinner hinge and a brighter screen than last year's model.\n\nThe phone goes on sale later this month.\n",
        title: "Samsung's new foldable is thinner and lighter",
        date: "2022-08-10T10:00:00-04:00",
        evidence: &[("date", "header")],
        ..NONE
    },
    Case {
        category: "date",
        // A time written before its day, a byline closed by its outlet, and a dateline with
        // the outlet after the city and country, on a line of its own.
        text: "Ferry operator halts Busan route after engine fire\nBy Paula Moon and Ben West, CNN\nUpdated 2:20 AM EDT, Tue March 14, 2023\n\nBusan, South Korea CNN —\nA ferry operator suspended its Busan to Fukuoka route on Monday after a small engine fire forced a vessel back to port, the company said.\n\nNo passengers were hurt, officials said.\n",
        title: "Ferry operator halts Busan route after engine fire",
        date: "2023-03-14T02:20:00-04:00",
        evidence: &[("date", "header"), ("source", "byline")],
        source: Some("CNN"),
        author: Some("Paula Moon and Ben West"),
        dateline: Some("Busan"),
        kept: &["suspended its Busan to Fukuoka route"],
        gone: &["By Paula Moon", "Updated 2:20"],
        ..NONE
    },
    Case {
        category: "date",
        // A wire page whose scrape glued the time to the year, and the update note to the zone.
        text: "World\nAsia Pacific\nJapan's exports rise for a third month on car shipments\nBy Ken Sato\nApril 18, 20247:05 AM GMT+9Updated 2 hours ago\n\nTOKYO, April 18 (Reuters) - Japan's exports rose for a third straight month in March as car shipments to the United States grew, finance ministry data showed on Thursday.\n\nImports fell 4.9% from a year earlier.\n\nReporting by Ken Sato; Editing by Sam Holmes\n",
        title: "Japan's exports rise for a third month on car shipments",
        date: "2024-04-18T07:05:00+09:00",
        source: Some("Reuters"),
        author: Some("Ken Sato"),
        dateline: Some("Tokyo"),
        kept: &["Japan's exports rose for a third straight month"],
        ..NONE
    },
    Case {
        category: "date",
        // The time first with an offset from GMT, then the day.
        text: "Volcano on remote island erupts again, flights diverted\nBy LINA MARSH\nUpdated 4:31 AM GMT+7, May 2, 2022\n\nMANILA, Philippines (AP) — A volcano on a remote northern island erupted again on Monday, sending ash high into the sky and forcing airlines to divert flights, officials said.\n\nNo injuries were reported.\n",
        date: "2022-05-02T04:31:00+07:00",
        source: Some("Associated Press"),
        author: Some("LINA MARSH"),
        dateline: Some("Manila"),
        ..NONE
    },
    Case {
        category: "title",
        // A photo's labels, each with the credit or caption it labels, between the byline and
        // the story; the copyright line names the outlet.
        text: "Skip to content\nBritish Broadcasting Corporation\nHome\nNews\nSport\nWeather\nAsia\nIndia\n\nMonsoon floods cut off villages in Assam\n\nPublished\n3 July 2022\n\nShare\nSave\n\nRavi Menon\nDelhi correspondent\n\nImage source, Getty Images\nImage caption,\nRescue boats carry families from a flooded village near Guwahati\n\nFloods in the north-eastern state of Assam have cut off hundreds of villages, with rescue teams using boats to reach families stranded on rooftops.\n\nMore than two million people have been affected, the state disaster agency said on Sunday.\n\nMore on this story\nWhy the monsoon keeps getting heavier\nPublished\n2 days ago\nRelated Topics\nIndia\nCopyright 2022 BBC. All rights reserved.\n",
        title: "Monsoon floods cut off villages in Assam",
        date: "2022-07-03",
        evidence: &[("source", "copyright")],
        source: Some("BBC"),
        kept: &["have cut off hundreds of villages"],
        gone: &[
            "Rescue boats carry families",
            "Getty Images",
            "Why the monsoon",
            "2 days ago",
        ],
        ..NONE
    },
    Case {
        category: "title",
        // A section above the headline, a deck right under it with no blank line between, a
        // staff byline and the date.
        text: "Environment\nHeatwave pushes Europe's power prices to record highs\nTraders say low river levels are limiting nuclear output\nStaff and agencies in Paris\nWed 10 Aug 2022 09.40 BST\n\nPower prices in France and Germany hit record highs on Wednesday as a heatwave drove up demand and low rivers curbed output from nuclear plants.\n\nPrices for next year's delivery rose more than 5%.\n",
        title: "Heatwave pushes Europe's power prices to record highs",
        date: "2022-08-10T09:40:00+01:00",
        author: Some(""),
        kept: &["Power prices in France and Germany hit record highs"],
        gone: &["Traders say low river levels", "Staff and agencies"],
        ..NONE
    },
    Case {
        category: "title",
        // A section name run into its channel, the headline, a deck, then a labelled date.
        text: "News|Climate Crisis\nDrought shrinks Panama Canal traffic as lake levels fall\nShipping firms face weeks of delays after authorities cut daily crossings.\n\nPublished On 21 Aug 2023\n21 Aug 2023\n\nThe Panama Canal has cut the number of ships allowed to cross each day after a drought lowered the lake that feeds its locks, officials said.\n\nDozens of vessels are waiting at both ends.\n",
        title: "Drought shrinks Panama Canal traffic as lake levels fall",
        date: "2023-08-21",
        evidence: &[("title", "first line"), ("date", "header")],
        kept: &["has cut the number of ships allowed to cross"],
        gone: &["Climate Crisis", "Shipping firms face weeks of delays"],
        ..NONE
    },
    Case {
        category: "title",
        // A deck, then a byline, where the reporting was done and the date, each on its line.
        text: "Europe\nDutch Farmers Block Highways Over Nitrogen Rules\nThousands of tractors slowed traffic across the country on Monday.\n\nBy Anna Vos\nReporting from The Hague\nJune 27, 2022\n\nDutch farmers drove thousands of tractors onto highways on Monday to protest government plans to cut nitrogen emissions, snarling traffic for hours.\n\nThe government says the cuts are needed to protect nature reserves.\n",
        title: "Dutch Farmers Block Highways Over Nitrogen Rules",
        date: "2022-06-27",
        author: Some("Anna Vos"),
        kept: &["Dutch farmers drove thousands of tractors"],
        gone: &["Reporting from", "Thousands of tractors slowed traffic"],
        ..NONE
    },
    Case {
        category: "outlet",
        // A copyright line without its sign names the outlet; a photo's credit does not.
        text: "Wildfire forces evacuation of mountain town\n\nImage copyright Reuters\n\nFirefighters ordered residents of a mountain town to leave on Friday as a wildfire spread through dry forest, officials said.\n\nCopyright 2021 The Associated Press. All Rights Reserved.\n",
        source: Some("Associated Press"),
        evidence: &[("source", "copyright")],
        ..NONE
    },
    Case {
        category: "outlet",
        // An Indonesian byline closed by its outlet after a comma.
        text: "Harga Cabai Turun di Pasar Induk\n\nPenulis: Rina Kartika, Kompas.com\n\nHarga cabai rawit di Pasar Induk Kramat Jati turun menjadi Rp 40.000 per kilogram pada Kamis (9/3/2023), kata pengelola pasar.\n\nPasokan dari Jawa Tengah kembali lancar.\n",
        title: "Harga Cabai Turun di Pasar Induk",
        date: "2023-03-09",
        evidence: &[("source", "byline")],
        source: Some("Kompas.com"),
        author: Some("Rina Kartika"),
        ..NONE
    },
    Case {
        category: "date",
        // A time with `am` run into it, and the outlet's name as the byline.
        text: "Storm closes ports along Vietnam's central coast\nPublished September 28, 2022 5:12am EDT\nBy Reuters\n\nHANOI, Vietnam — Vietnam closed ports and ordered fishing boats ashore along its central coast on Wednesday as a strong storm approached.\n\nSchools in four provinces were shut.\n",
        date: "2022-09-28T05:12:00-04:00",
        evidence: &[("source", "byline")],
        source: Some("Reuters"),
        author: Some(""),
        dateline: Some("Hanoi"),
        gone: &["By Reuters"],
        ..NONE
    },
    Case {
        category: "title",
        // Headline, deck and reporter each apart, the reporter's given name a month's.
        text: "News\nWorld\nAsia\n\nTyphoon shuts schools and offices across Taiwan\n\nThousands evacuated as storm nears east coast\n\nMei Lin\nWednesday 02 August 2023 09:12 BST\n\nTaiwan closed schools and offices in several cities on Wednesday as a powerful typhoon approached its east coast, forcing thousands of people to leave their homes.\n\nForecasters said the storm would bring heavy rain.\n",
        title: "Typhoon shuts schools and offices across Taiwan",
        date: "2023-08-02T09:12:00+01:00",
        author: Some("Mei Lin"),
        gone: &["Thousands evacuated", "Mei Lin", "09:12"],
        ..NONE
    },
    Case {
        category: "outlet",
        // The outlet under the headline, and a city with a full stop as the dateline.
        text: "Flights Resume at Bali Airport After Ash Cloud Clears\nJakarta Globe\nJune 3, 2023 | 11:20 am\n\nDenpasar. Flights resumed at Bali's main airport on Saturday after an ash cloud from a volcano on a neighbouring island drifted away, the operator said.\n\nMore than 40 flights had been cancelled.\n",
        source: Some("Jakarta Globe"),
        dateline: Some("Denpasar"),
        kept: &["Flights resumed at Bali's main airport"],
        gone: &["Denpasar."],
        ..NONE
    },
    Case {
        category: "page",
        // A portal's page: the reporter named in the date line, a photo's address and caption.
        text: "Okezone\nNews\nEconomy\nLifestyle\n\nHarga Emas Antam Naik Rp5.000 per Gram\n\nFakhri Rezy, Jurnalis · Kamis 12 Maret 2020 14:35 WIB\n\nhttps://img.okezone.com/content/2020/03/12/320/emas.jpg\nIlustrasi emas. (Foto: Okezone)\n\nJAKARTA - Harga emas batangan produksi PT Aneka Tambang naik Rp5.000 menjadi Rp820.000 per gram pada perdagangan Kamis.\n\nHarga pembelian kembali juga naik menjadi Rp715.000 per gram.\n\n(kmj)\n",
        title: "Harga Emas Antam Naik Rp5.000 per Gram",
        date: "2020-03-12T14:35:00+07:00",
        source: Some("Okezone"),
        author: Some("Fakhri Rezy"),
        gone: &["Jurnalis"],
        ..NONE
    },
    Case {
        category: "page",
        // A loading notice and text-size buttons around the headline and the reporter's
        // name, which stand between the date line and the dateline.
        text: "SINDOnews.com\nNasional\nMetro\nDaerah\nKamis, 12 Maret 2020 - 14:35 WIB\nloading...\nPolisi Tangkap Pelaku Pembobolan ATM di Bekasi\nAndika Hendra\nA A A\nBEKASI - Polisi menangkap dua pelaku pembobolan mesin ATM di Bekasi, Jawa Barat, setelah buron selama dua pekan.\n\nKapolres menyebut pelaku menggunakan alat pemotong besi.\n",
        title: "Polisi Tangkap Pelaku Pembobolan ATM di Bekasi",
        evidence: &[("title", "first line")],
        author: Some("Andika Hendra"),
        dateline: Some("Bekasi"),
        gone: &["loading", "A A A", "Andika Hendra"],
        ..NONE
    },
    Case {
        category: "page",
        // The editor credited under the reporter, then the date line.
        text: "Tempo.co\nNasional\nBisnis\n\nMenteri Minta Warga Tak Panik Borong Masker\n\nReporter: Dewi Nurita\nEditor: Amirullah\nKamis, 12 Maret 2020 14:35 WIB\n\nTEMPO.CO, Jakarta - Menteri Kesehatan meminta masyarakat tidak panik dan memborong masker di apotek, Kamis, 12 Maret 2020.\n\nIa mengatakan stok masker nasional masih mencukupi.\n",
        title: "Menteri Minta Warga Tak Panik Borong Masker",
        date: "2020-03-12T14:35:00+07:00",
        author: Some("Dewi Nurita"),
        gone: &["Amirullah", "14:35"],
        ..NONE
    },
    Case {
        category: "title",
        // A photo's caption with its credit under the header is no headline.
        text: "CNBC Indonesia\nMarket\n\nNews - Rita Uli, CNBC Indonesia\n12 March 2020 14:35\n\nFoto: Ilustrasi Bursa (CNBC Indonesia/Muhammad Sabki)\n\nJakarta, CNBC Indonesia - Indeks Harga Saham Gabungan (IHSG) ditutup anjlok 5% pada perdagangan Kamis sore, terseret aksi jual investor asing.\n\nBursa menghentikan sementara perdagangan selama 30 menit.\n",
        evidence: &[("title", "lead sentence")],
        source: Some("CNBC Indonesia"),
        author: Some("Rita Uli"),
        ..NONE
    },
    Case {
        category: "outlet",
        // A wire story's reporter credited under it.
        text: "Pemerintah Siapkan Rp10 Triliun untuk Stimulus\nKamis, 12 Maret 2020 14:35 WIB\n\nJakarta (ANTARA) - Pemerintah menyiapkan dana Rp10 triliun untuk stimulus ekonomi tahap kedua, kata Menteri Keuangan di Jakarta, Kamis.\n\nStimulus itu mencakup keringanan pajak bagi industri.\n\nPewarta: Citro Atmoko\nEditor: Nusarina Yuliastuti\nCOPYRIGHT © ANTARA 2020\n",
        source: Some("ANTARA"),
        author: Some("Citro Atmoko"),
        gone: &["Pewarta"],
        ..NONE
    },
    Case {
        category: "date",
        // A header flattened into the first line with ` . ` for its line breaks.
        text: "By . Tom Harper . PUBLISHED: . 11:34 EST, 19 March 2013 . | . UPDATED: . 11:46 EST, 19 March 2013 . A council has spent more than £40,000 on a new sign for its town hall, prompting anger from residents who say the money should have gone on repairing roads. The sign was installed last week after two years of planning.",
        date: "2013-03-19T11:34:00-05:00",
        evidence: &[("date", "header")],
        author: Some("Tom Harper"),
        kept: &["A council has spent more than £40,000"],
        gone: &["PUBLISHED", "UPDATED", "By."],
        ..NONE
    },
    Case {
        category: "outlet",
        // The same, its desk as the byline and its date in words.
        text: "By Daily Mail Reporter . Last updated at 5:42 PM on 12th March 2011 . A farmer has found a rare gold coin worth thousands of pounds while ploughing a field in Norfolk. The coin dates from the reign of Henry VIII, experts said.",
        date: "2011-03-12",
        source: Some("Daily Mail"),
        author: Some(""),
        gone: &["Last updated", "Daily Mail Reporter"],
        ..NONE
    },
    Case {
        category: "outlet",
        // An English paper's name standing alone at the foot of its page: its masthead.
        text: "World\nFerry sinks off island coast, dozens rescued\nBy Lee Grant\nJuly 3, 2018 at 6:40 PM\n\nA passenger ferry sank off the coast of a southern island on Tuesday, and coast guard boats rescued 48 people from the water, officials said.\n\nFour people were still missing.\n\nThe Washington Post\n",
        source: Some("The Washington Post"),
        evidence: &[("source", "masthead")],
        ..NONE
    },
    Case {
        category: "outlet",
        // An English paper's own address above the story.
        text: "https://www.theguardian.com/world/2018/jul/03/ferry-sinks\n\nFerry sinks off island coast\n\nA passenger ferry sank off the coast of a southern island on Tuesday, and rescuers pulled 48 people from the water.\n\nFour are still missing.\n",
        source: Some("The Guardian"),
        date: "2018-07-03",
        evidence: &[("source", "address")],
        ..NONE
    },
    Case {
        category: "title",
        // A byline with a day of no year, then a mail link above the story: the link is
        // page furniture, the headline is above the byline.
        text: "Europe\nRiver barge traffic halted by low water\nBy Karl Weiss and Ana Ruiz August 9 at 4:05 PM\nEmail the author\nBERLIN — Barges stopped moving on a stretch of the Rhine on Thursday as water levels fell to their lowest in 15 years after weeks without rain, shipping officials said.\n\nFactories along the river have begun to cut output.\n",
        title: "River barge traffic halted by low water",
        author: Some("Karl Weiss and Ana Ruiz"),
        gone: &["Email the author"],
        ..NONE
    },
    Case {
        category: "title",
        // An old page: its date line under the masthead, with a long label and the time
        // at home after it, a mail and print link, then the headline right above the story.
        text: "WORLD NEWS\nEurope\nPage last updated at 09:20 GMT, Friday, 6 June 2008 10:20 UK\nE-mail this to a friend\nPrintable version\nBridge collapse blocks river traffic\nA road bridge collapsed into a river in the north of the country early on Friday, blocking barge traffic, police said.\nNo one was hurt.\n",
        title: "Bridge collapse blocks river traffic",
        date: "2008-06-06T09:20:00+00:00",
        evidence: &[("date", "header"), ("title", "page headline")],
        gone: &[
            "E-mail this",
            "Printable version",
            "Bridge collapse blocks river traffic",
        ],
        ..NONE
    },
    Case {
        category: "title",
        // An Indonesian copy with the headline under the date line and the story under it.
        text: "Kamis, 12 Maret 2020 14:35 WIB\nBanjir Rendam Tiga Desa di Karawang\nKarawang - Banjir merendam tiga desa di Kecamatan Rengasdengklok setelah Sungai Citarum meluap sejak Rabu malam, kata petugas BPBD.\nWarga mulai mengungsi ke balai desa.\n",
        title: "Banjir Rendam Tiga Desa di Karawang",
        date: "2020-03-12T14:35",
        ..NONE
    },
    Case {
        category: "title",
        // A short first paragraph under the date line is story, not a headline.
        text: "Updated: 3 July 2018, 6:40 PM\nPolice closed the coastal road on Tuesday.\nA landslide buried two lanes of the road near the harbour, and crews worked through the night to clear it.\n",
        evidence: &[("title", "lead sentence")],
        kept: &["Police closed the coastal road on Tuesday."],
        ..NONE
    },
    Case {
        category: "outlet",
        // A network's sister site is named as itself, not as the group's flagship.
        text: "Harga Cabai Rawit Naik Dua Kali Lipat\n\njpnn.com, JAKARTA - Harga cabai rawit di sejumlah pasar tradisional naik dua kali lipat, kata pedagang, Senin (3/4/2023).\n\nPedagang menyebut pasokan dari petani berkurang karena hujan.\n",
        source: Some("JPNN.com"),
        dateline: Some("Jakarta"),
        date: "2023-04-03",
        ..NONE
    },
    // A lead that is a quotation of several sentences: none of them is the title's, the
    // words after the quotation closes are.
    Case {
        category: "title",
        text: "\"Kami sudah menunggu sejak pagi. Untungnya, sebagian besar penumpang mendapat tempat duduk di ruang tunggu,\" kata Rahmat, penumpang kapal, di Pelabuhan Merak, Sabtu (6/4/2024).\n\nRibuan pemudik tertahan di Pelabuhan Merak karena antrean kapal memanjang sejak Jumat malam.\n",
        title: "Ribuan pemudik tertahan di Pelabuhan Merak",
        evidence: &[("title", "lead sentence")],
        ..NONE
    },
    Case {
        category: "title",
        text: "“We were told to wait. Nobody explained anything to us for six hours,” said Maria Lopez, a passenger stranded at the airport on Sunday.\n\nHundreds of travellers spent the night at the airport after a storm grounded all flights.\n",
        title: "Hundreds of travellers spent the night at the airport",
        ..NONE
    },
    Case {
        category: "title",
        // A title cut before a quotation, not inside it.
        text: "Hal itu disampaikan Gubernur dalam seminar bertema 'Peluang dan Tantangan Ekspor Setelah Kenaikan Tarif' di Semarang, Senin (20/10/2025).\n\nSeminar dihadiri ratusan pengusaha.\n",
        title: "Hal itu disampaikan Gubernur dalam seminar bertema",
        ..NONE
    },
    // A note to readers on a report of suicide is no part of the story.
    Case {
        category: "body",
        text: "Informasi di artikel ini tidak dimaksudkan untuk menginspirasi siapa pun melakukan tindakan serupa. Bila Anda merasakan gejala depresi dengan pikiran untuk bunuh diri, segera hubungi psikolog atau layanan konseling.\n\nSeorang pelajar SMA ditemukan meninggal di rumahnya di Depok, Selasa (14/3/2023), kata polisi.\n\nPolisi masih menyelidiki penyebabnya.\n",
        title: "Seorang pelajar SMA ditemukan meninggal di rumahnya di Depok",
        gone: &["menginspirasi", "konseling"],
        kept: &["Polisi masih menyelidiki penyebabnya."],
        ..NONE
    },
    Case {
        category: "body",
        text: "Teen's death prompts review of school bullying rules\n\nThe school board ordered a review of its bullying rules on Monday after the death of a 15-year-old student last month.\n\nParents had complained for years, the board said.\n\nIf you or someone you know is struggling, call or text 988 to reach the Suicide and Crisis Lifeline.\n",
        gone: &["988", "If you or someone"],
        kept: &["Parents had complained for years"],
        ..NONE
    },
    Case {
        category: "title",
        // A section's path that ends in the headline, then the headline itself.
        text: "Skip to content\nSkip to site index\nBusiness|Steelmaker Cuts 2,000 Jobs as Demand Slows\nAdvertisement\nSupported by\nSteelmaker Cuts 2,000 Jobs as Demand Slows\nBy Ruth Kane\nMay 2, 2019\nThe country's largest steelmaker said on Thursday that it would cut 2,000 jobs over the next year as demand from carmakers and builders slows.\nThe company said most of the cuts would come from not filling vacancies.\nA version of this article appears in print on May 3, 2019, on Page B1 with the headline: Steelmaker to Cut Jobs.\n",
        title: "Steelmaker Cuts 2,000 Jobs as Demand Slows",
        gone: &["Business|", "appears in print", "Skip to site index"],
        kept: &["most of the cuts would come from not filling vacancies"],
        ..NONE
    },
    Case {
        category: "title",
        // A short section name above the headline is no headline over a deck.
        text: "Sections\nGet The Paper\nSign In\nSubscribe\nAsia & Pacific\nFerry capsizes on river, dozens missing\nBy Luis Mora\nJune 3, 2019\nA river ferry carrying more than 80 passengers capsized on Monday in the country's north, and rescuers were searching for dozens of people, officials said.\nThe ferry was overloaded, a local official said.\n",
        title: "Ferry capsizes on river, dozens missing",
        evidence: &[("title", "page headline")],
        ..NONE
    },
    Case {
        category: "page",
        // A saved page whose reporter is named where the story was filed, between the
        // headline and the date line.
        text: "Menu\nSearch\nWorld\nEurope\nUS\nAmericas\nAsia\nAustralia\nRiver barges halted as water levels fall\nKarl Weiss in Berlin\nThu 9 Aug 2018 16.05 BST\nBarges stopped moving on a stretch of the Rhine on Thursday as water levels fell to their lowest in 15 years after weeks without rain, shipping officials said.\nFactories along the river have begun to cut output, the officials said.\n",
        title: "River barges halted as water levels fall",
        date: "2018-08-09T16:05:00+01:00",
        author: Some("Karl Weiss"),
        gone: &["Karl Weiss in Berlin"],
        ..NONE
    },
    Case {
        category: "page",
        // The reporter's name, then the paper's, then the date line, under the headline.
        text: "Local News\nBridge repairs to close lanes for a month\nMark Lind\nThe Seattle Times\nMarch 14, 2017 9:12 am\nTwo lanes of the city's busiest bridge will close for a month while crews replace worn expansion joints, the transportation department said on Tuesday.\nBuses will be rerouted during the work.\n",
        title: "Bridge repairs to close lanes for a month",
        author: Some("Mark Lind"),
        source: Some("The Seattle Times"),
        gone: &["Mark Lind"],
        ..NONE
    },
    Case {
        category: "page",
        // A headline over the outlet's name and its date line is no reporter's name.
        text: "Rupiah Menguat Tipis Siang Ini\ndetikFinance\nSelasa, 10 Sep 2019 12:15 WIB\nJakarta - Nilai tukar rupiah terhadap dolar Amerika Serikat menguat tipis pada perdagangan siang ini seiring masuknya modal asing ke pasar obligasi.\nRupiah diperdagangkan di level Rp14.050 per dolar AS.\n",
        title: "Rupiah Menguat Tipis Siang Ini",
        author: Some(""),
        date: "2019-09-10T12:15:00+07:00",
        ..NONE
    },
    Case {
        category: "page",
        // `Read more` heads links under the story, and a page's social box closes it.
        text: "Ferry capsizes on river, dozens missing\nJune 3, 2019\n\nA river ferry carrying more than 80 passengers capsized on Monday in the country's north, and rescuers were searching for dozens of people, officials said.\n\nThe ferry was overloaded, a local official said.\n\nRead more\nFloods cut roads across the north\nToday's coverage from our correspondents\nLike our World desk on Facebook and stay updated on foreign news\n",
        kept: &["The ferry was overloaded"],
        gone: &["Floods cut roads", "Today's coverage", "Facebook"],
        ..NONE
    },
    // A byline that runs into an outlet's name or a staff title.
    Case {
        category: "outlet",
        // A byline run into the agency's name, with no comma between them.
        text: "Central bank holds rates\nBy MARIA LOPEZ Associated Press\n14 March 2017 • 5:12pm\n\nThe central bank kept its main interest rate unchanged on Tuesday, saying inflation was close to its target, and signalled no change before the summer.\n\nMost economists had expected the decision.\n",
        source: Some("Associated Press"),
        author: Some("MARIA LOPEZ"),
        ..NONE
    },
    Case {
        category: "outlet",
        // An agency's staff title after the name.
        text: "Central bank holds rates\nBy MARIA LOPEZ AP Economics Writer\n14 March 2017 • 5:12pm\n\nThe central bank kept its main interest rate unchanged on Tuesday, saying inflation was close to its target, and signalled no change before the summer.\n\nMost economists had expected the decision.\n",
        source: Some("Associated Press"),
        author: Some("MARIA LOPEZ"),
        ..NONE
    },
    Case {
        category: "outlet",
        // A contributor writing for a paper.
        text: "Central bank holds rates\nBy Maria Lopez For MailOnline\n14 March 2017 • 5:12pm\n\nThe central bank kept its main interest rate unchanged on Tuesday, saying inflation was close to its target, and signalled no change before the summer.\n\nMost economists had expected the decision.\n",
        source: Some("Daily Mail"),
        author: Some("Maria Lopez"),
        ..NONE
    },
    Case {
        category: "outlet",
        // A staff title names no outlet and is no part of the name.
        text: "Central bank holds rates\nBy Maria Lopez Staff Reporter\n14 March 2017 • 5:12pm\n\nThe central bank kept its main interest rate unchanged on Tuesday, saying inflation was close to its target, and signalled no change before the summer.\n\nMost economists had expected the decision.\n",
        source: Some(""),
        author: Some("Maria Lopez"),
        ..NONE
    },
    Case {
        category: "outlet",
        // A byline with the outlet after a bar: the label is no part of the name.
        text: "Central bank holds rates\nBy Maria Lopez | Reuters\n14 March 2017 • 5:12pm\n\nThe central bank kept its main interest rate unchanged on Tuesday, saying inflation was close to its target, and signalled no change before the summer.\n\nMost economists had expected the decision.\n",
        source: Some("Reuters"),
        author: Some("Maria Lopez"),
        ..NONE
    },
    Case {
        category: "outlet",
        // A subdomain's section word alone on a line is no masthead.
        text: "Money\n\nShares fall on trade worries\n\nStocks fell on Monday as investors worried about new tariffs, with technology shares leading the losses.\n\nThe index closed down 1.5%.\n",
        source: Some(""),
        ..NONE
    },
    Case {
        category: "title",
        // A lead whose subject holds `in`: no lead-in clause to drop.
        text: "(CNN) -- Rescue workers in the Philippines pulled three people alive from a collapsed building on Thursday, officials said, a day after an earthquake struck the central island of Bohol.\n\nThe quake killed at least 20 people.\n",
        title: "Rescue workers in the Philippines pulled three people alive from a collapsed",
        source: Some("CNN"),
        ..NONE
    },
    Case {
        category: "date",
        // A time in a zone that names two offsets: the day is kept, the time left out
        // rather than read in the site's zone.
        text: "Floods close schools across the region\nMarch 14, 2023, 9:12 a.m. ET\n\nHeavy rain closed schools across the region on Tuesday as rivers burst their banks, officials said.\n\nMore rain is forecast for the week.\n",
        date: "2023-03-14T00:00:00+07:00",
        evidence: &[("date", "header")],
        ..NONE
    },
    Case {
        category: "date",
        // A day written with dots, and the outlet's news brand with the reporter's city.
        text: "Schools reopen after week of floods\nBBC News, Dhaka\n14.03.2023 09:12\n\nSchools across the flooded north of the country reopened on Tuesday after a week of closures, the education ministry said.\n\nSome buildings are still being used as shelters.\n",
        date: "2023-03-14T09:12:00+07:00",
        source: Some("BBC"),
        ..NONE
    },
    Case {
        category: "page",
        // English pages' furniture inside and under the story: ad markers, a newsletter box,
        // a rule, a contributor's note, the copyright line.
        text: "Ports reopen after typhoon passes\nBy LENA KRUSE\nUpdated 10:05 PM GMT+7, September 2, 2022\n\nMANILA, Philippines (AP) — Ports along the eastern coast reopened on Friday after a typhoon moved out to sea, the coast guard said.\n\nAdvertisement · Scroll to continue\n\nFerries resumed their routes by the afternoon.\n\nSign up here.\n\nPrivacy Notice: Newsletters may contain info about charities and online ads.\n\nNo deaths were reported.\n\n___\n\nAssociated Press writer Mari Tanaka contributed to this report.\n\nCopyright 2022 The Associated Press. All Rights Reserved.\n",
        kept: &["Ferries resumed their routes", "No deaths were reported"],
        gone: &[
            "Advertisement",
            "Sign up",
            "Privacy Notice",
            "___",
            "contributed",
            "All Rights Reserved",
        ],
        ..NONE
    },
    Case {
        category: "date",
        // An American page's day, its month first, under the byline.
        text: "Satellite maker delays launch after test fault\nJOHN REED - 3/14/2017, 9:12 AM\n\nA satellite maker has delayed the launch of its first weather satellite by two months after a fault turned up during ground tests, the company said on Tuesday.\n\nEngineers traced the fault to a power unit.\n",
        date: "2017-03-14T09:12",
        evidence: &[("date", "header")],
        ..NONE
    },
    // A byline and the day on one line: the day parted off and read, the name kept as the
    // author, a handle taken off it.
    Case {
        category: "date",
        // The break between the name and the day lost in the scrape.
        text: "Port workers end strike after pay deal\nby Tom Rivers12 Apr 2018\n\nDock workers at the country's largest port returned to work on Thursday after unions accepted a new pay offer, ending a strike that lasted nine days.\n\nShipping lines said backlogs would clear within a week.\n",
        date: "2018-04-12",
        evidence: &[("date", "header")],
        author: Some("Tom Rivers"),
        gone: &["Rivers12"],
        ..NONE
    },
    Case {
        category: "date",
        // A handle glued to the name, then the day and time in a named zone.
        text: "Phone maker cuts prices ahead of holiday season\nIt is the second cut this year\nBy Ann Moss@annmoss Nov 2, 2019, 8:30am EST\n\nThe phone maker cut the prices of its two newest models by a tenth on Saturday, weeks before the holiday shopping season begins.\n\nAnalysts expect rivals to follow.\n",
        date: "2019-11-02T08:30:00-05:00",
        author: Some("Ann Moss"),
        gone: &["@annmoss"],
        ..NONE
    },
    Case {
        category: "date",
        // Two reporters, the day after them with its weekday.
        text: "Central bank holds rates steady\nBY MARIA LOPEZ AND SAM KEE Wednesday, June 5, 2019\n\nThe central bank kept its main interest rate unchanged on Wednesday, saying inflation remained close to its target.\n\nThe decision was expected by most economists.\n",
        date: "2019-06-05",
        author: Some("MARIA LOPEZ AND SAM KEE"),
        ..NONE
    },
    Case {
        category: "date",
        // An Indonesian byline with the day after it.
        text: "Harga Beras Turun di Pasar Induk\nOleh Rina Sari 3 Februari 2021 10:15 WIB\n\nHarga beras medium di Pasar Induk Cipinang turun Rp500 per kilogram pada Rabu karena pasokan dari daerah sentra produksi bertambah.\n\nPedagang memperkirakan harga stabil hingga bulan depan.\n",
        date: "2021-02-03T10:15:00+07:00",
        ..NONE
    },
    Case {
        category: "date",
        // A sentence that opens with `By` and holds a day is not a byline.
        text: "Dam repairs finished ahead of rains\n\nBy the end of March 2, 2020, engineers had sealed the last of the cracks in the dam wall, the water authority said on Monday.\n\nThe dam holds water for two cities.\n",
        kept: &["By the end of March 2, 2020, engineers had sealed"],
        author: Some(""),
        ..NONE
    },
    Case {
        category: "date",
        // An Asian English site's date line, the year first with slashes.
        text: "Typhoon grounds flights across the island\n2019/08/09 17:40\n\nAirlines cancelled more than 300 flights on Friday as a typhoon approached the island, bringing winds of up to 160 kilometres an hour, the weather bureau said.\n\nSchools and offices will close on Saturday.\n",
        date: "2019-08-09T17:40",
        evidence: &[("date", "header")],
        ..NONE
    },
    // A date line under the story, labelled as the article's: its header at its foot.
    Case {
        category: "date",
        text: "Researchers describe a new frog from the cloud forest\n\nA team of biologists has described a new species of frog from the cloud forests of the south, according to a paper published in a zoology journal this week.\n\nThe frog measures about two centimetres.\n\nPosted on 20 September 2017\n",
        date: "2017-09-20",
        evidence: &[("date", "header")],
        ..NONE
    },
    Case {
        category: "date",
        text: "Petani Kopi Gayo Mulai Panen Raya\n\nPetani kopi di dataran tinggi Gayo mulai memanen kopi arabika pekan ini dengan hasil yang lebih baik dibanding tahun lalu, menurut dinas pertanian setempat.\n\nHarga biji kopi di tingkat petani juga naik.\n\nDiterbitkan 4 Oktober 2021 09:30 WIB\n",
        date: "2021-10-04T09:30:00+07:00",
        evidence: &[("date", "header")],
        ..NONE
    },
    Case {
        category: "date",
        // A related story's bare date under the story is no date line of this one.
        text: "Researchers describe a new frog from the cloud forest\n\nA team of biologists has described a new species of frog from the cloud forests of the south, according to a paper published in a zoology journal on Wednesday.\n\nThe frog measures about two centimetres.\n\nRelated\nNew bird species found on remote island\n3 March 2016\n",
        evidence: &[("date", "mtime")],
        ..NONE
    },
    Case {
        category: "date",
        // The day in an address that writes its month as a word, with no date line above.
        text: "https://www.example.co.uk/world/2018/oct/09/flood-barrier-opens\n\nFlood barrier opens on the estuary\n\nA new flood barrier opened on the estuary after six years of building, protecting thousands of homes from storm surges, the agency said.\n\nIt cost more than planned.\n",
        date: "2018-10-09",
        evidence: &[("date", "address")],
        ..NONE
    },
    Case {
        category: "page",
        // The section a page files the story under, after the story.
        text: "Rail strike halts trains across the country\n\n14 March 2017\n\nRail workers walked out on Tuesday in a dispute over pay, halting most trains across the country, unions said.\n\nTalks are due to resume next week.\n\nFrom the section Europe\n",
        date: "2017-03-14",
        gone: &["From the section"],
        ..NONE
    },
    Case {
        category: "page",
        // A saved page whose date line, with its update, is as long as a paragraph.
        text: "Skip to main content\nSubscribe\nLog In\nLocal News\nBusiness\nSports\nOpinion\n\nLocal News | Transportation\n\nTransit board approves light rail expansion plan\n\nOriginally published March 14, 2017 at 9:12 am | Updated March 14, 2017 at 10:00 am\n\nThe regional transit board voted on Tuesday to approve a plan that extends light rail to three more suburbs, ending a year of debate over routes and costs.\n\nConstruction could begin in 2019, officials said.\n\nSubscriber only\n",
        title: "Transit board approves light rail expansion plan",
        date: "2017-03-14T09:12",
        evidence: &[("date", "header")],
        kept: &["ending a year of debate"],
        gone: &["Originally published", "Subscriber only"],
        ..NONE
    },
    Case {
        category: "title",
        // The outlet and its tagline, a section, the headline, a deck, the date line, the
        // reporter's name and title: none of it story.
        text: "BuzzFeed News\nReporting To You\n\nWorld\n\nProtesters Fill The Streets Of The Capital For A Third Night\n\nThousands of people marched again on Tuesday night, calling for the government to resign.\n\nPosted on March 14, 2017, at 9:12 a.m. ET\n\nSara Bell\nBuzzFeed News Reporter\n\nThousands of protesters filled the streets of the capital for a third straight night on Tuesday, demanding that the government step down over a corruption scandal.\n\nPolice said the protests were largely peaceful.\n",
        title: "Protesters Fill The Streets Of The Capital For A Third Night",
        date: "2017-03-14",
        author: Some("Sara Bell"),
        kept: &["demanding that the government step down"],
        gone: &["marched again", "Sara Bell", "News Reporter"],
        ..NONE
    },
    Case {
        category: "body",
        // A story of one short paragraph under its date line, its writer below it: the
        // paragraph is no deck.
        text: "Jalan Tol Dibuka Lagi\nSelasa, 14 Maret 2023 09:12 WIB\n\nJalan tol Cikampek dibuka lagi pagi ini.\n\nPenulis: Rina Kartika\n",
        title: "Jalan Tol Dibuka Lagi",
        author: Some("Rina Kartika"),
        kept: &["Jalan tol Cikampek dibuka lagi pagi ini."],
        ..NONE
    },
    Case {
        category: "body",
        // A one-paragraph story run straight under its headline, its writer below it.
        text: "Coastal Road Reopens After Flood\nThe coastal road reopened on Monday after floodwater receded, police said.\n\nBy Jane Doe\n",
        title: "Coastal Road Reopens After Flood",
        author: Some("Jane Doe"),
        kept: &["The coastal road reopened on Monday after floodwater receded"],
        ..NONE
    },
    Case {
        category: "body",
        // The same in Indonesian, its date line under the story.
        text: "Jalan Tol Dibuka Lagi\nJalan tol Cikampek dibuka lagi pagi ini setelah banjir surut, kata petugas.\nSelasa, 14 Maret 2023 09:12 WIB\n",
        title: "Jalan Tol Dibuka Lagi",
        kept: &["Jalan tol Cikampek dibuka lagi pagi ini setelah banjir surut"],
        ..NONE
    },
    // Words a scrape glued.
    // A reporter named with their role on a line of their own under the headline, and a
    // related headline under `Pilihan Editor:` with a number in it: neither is story.
    Case {
        category: "body",
        text: "Okezone\n\nRabu 22 Mei 2024 14:35 WIB\n\nBI Tahan Suku Bunga Acuan 6,25 Persen\n\nAnisa Putri, Jurnalis\n\nJAKARTA - Bank Indonesia menahan suku bunga acuan di level 6,25 persen pada Rapat Dewan Gubernur bulan ini.\n\nLangkah itu diambil untuk menjaga stabilitas rupiah.",
        title: "BI Tahan Suku Bunga Acuan 6,25 Persen",
        date: "2024-05-22T14:35:00+07:00",
        author: Some("Anisa Putri"),
        kept: &["Bank Indonesia menahan suku bunga acuan"],
        gone: &["Jurnalis"],
        ..NONE
    },
    Case {
        category: "body",
        text: "TEMPO.CO, Jakarta - Bank Indonesia menahan suku bunga acuan di level 6,25 persen pada Rabu, 22 Mei 2024. Gubernur BI mengatakan keputusan itu sejalan dengan upaya stabilisasi rupiah.\n\nPilihan Editor: Rupiah Melemah ke Level 16.100 per Dolar AS\n\nEkonom menilai langkah BI sudah tepat.",
        date: "2024-05-22",
        source: Some("Tempo"),
        kept: &["Ekonom menilai langkah BI sudah tepat."],
        gone: &["Pilihan Editor", "16.100", "Dolar AS"],
        ..NONE
    },
    // Paragraphs a scrape joined with nothing between them: each sentence ends where its
    // writer ended it, so the title made from the lead is its first sentence, and a date
    // glued to the next sentence still dates the article.
    Case {
        category: "glued",
        text: "Jakarta - Harga beras medium di pasar tradisional Jakarta naik Rp 1.000 per kilogram menjelang Lebaran, Senin (1/4/2024).Pedagang di Pasar Senen menyebut pasokan dari Karawang berkurang.Sementara itu, pemerintah berjanji menggelar operasi pasar.(ada/ada)",
        title: "Harga beras medium di pasar tradisional Jakarta naik Rp 1.000 per kilogram",
        date: "2024-04-01",
        kept: &[
            "Senin (1/4/2024). Pedagang di Pasar Senen",
            "berkurang. Sementara itu",
        ],
        ..NONE
    },
    Case {
        category: "glued",
        text: "Bisnis.com, JAKARTA - Indeks Harga Saham Gabungan ditutup melemah 0,4% pada akhir perdagangan hari ini, Selasa (22/1/2019).Berdasarkan data Bloomberg, indeks turun ke level 6.444.Saham perbankan menjadi penekan utama.",
        title: "Indeks Harga Saham Gabungan ditutup melemah 0,4% pada akhir perdagangan hari ini",
        date: "2019-01-22",
        kept: &[
            "(22/1/2019). Berdasarkan data Bloomberg",
            "6.444. Saham perbankan",
        ],
        ..NONE
    },
    Case {
        category: "glued",
        // A pull quote glued to the wire dateline that opens the story.
        text: "Kantor ini kecil, tetapi pelayanannya cepat.Kupang (ANTARA) - Kementerian Dalam Negeri meninjau kantor pelayanan terpadu di Kupang, Jumat (1/12/2023).\n\nKunjungan itu untuk memastikan pelayanan publik berjalan baik.",
        date: "2023-12-01",
        source: Some("ANTARA"),
        dateline: Some("Kupang"),
        kept: &["Kementerian Dalam Negeri meninjau kantor pelayanan terpadu"],
        ..NONE
    },
    Case {
        category: "glued",
        text: "SEOUL (Reuters) - South Korea and Japan agreed on Tuesday to share missile warning data in real time, officials said.The agreement follows months of talks.Details were not disclosed.",
        title: "South Korea and Japan agreed on Tuesday to share missile warning data",
        source: Some("Reuters"),
        kept: &[
            "officials said. The agreement follows",
            "talks. Details were",
        ],
        ..NONE
    },
    Case {
        category: "glued",
        // Addresses, domain names and abbreviations keep their stops.
        text: "Jakarta, CNN Indonesia -- Warga bisa melapor lewat www.Lapor.go.id atau situs Kompas.Com sejak Senin (4/3/2024).Laporan dijawab dalam tiga hari oleh petugas U.S.Embassy dan staf dinas.",
        date: "2024-03-04",
        kept: &[
            "www.Lapor.go.id",
            "Kompas.Com",
            "U.S.Embassy",
            "(4/3/2024). Laporan dijawab",
        ],
        ..NONE
    },
    Case {
        category: "glued",
        // A dropped link glued a name to the words on both sides, in a wire story's lead.
        text: "Mataram (ANTARA) - Jumlah pengungsi di kawasanSumbawabertambah menjadi 40 orang, Rabu (10/9/2025). Warga Sumbawa mengungsi ke gedung sekolah.",
        kept: &["di kawasan Sumbawa bertambah menjadi"],
        ..NONE
    },
    Case {
        category: "glued",
        // An acronym glued to the words around it, in a portal's dateline style.
        text: "Jakarta, CNN Indonesia -- Pemerintah Korea Selatan mendesakPBBmengadakan sidang darurat, Senin (8/9/2025). Sidang itu diminta membahas peluncuran rudal.",
        kept: &["mendesak PBB mengadakan sidang"],
        ..NONE
    },
    Case {
        category: "glued",
        // A name after a preposition; the desk glued to its outlet's name is left whole, so the
        // dateline still names the outlet.
        text: "Jakarta, KompasTekno - Delegasi berangkat keHanoidengan kereta khusus, Selasa (26/2/2019). Hanoi bersiap menyambut tamu.",
        kept: &["berangkat ke Hanoi dengan kereta"],
        source: Some("Kompas.com"),
        ..NONE
    },
    Case {
        category: "glued",
        text: "Helikopterdengan nomor registrasi PK-IWS hilang kontak di Papua, Rabu (10/9/2025). Tim SAR mencari helikopter itu sejak pagi dengan dua pesawat.",
        kept: &["Helikopter dengan nomor registrasi"],
        ..NONE
    },
    Case {
        category: "glued",
        text: "Jamu beras kencurmerupakan minuman tradisional yang populer. Jahe merupakan bahan lain yang sering dipakai, dan kencur mudah ditemukan di pasar.",
        kept: &["beras kencur merupakan minuman"],
        ..NONE
    },
    Case {
        category: "glued",
        text: "Apple resmi merilisiPhone Air di Cupertino, Rabu (10/9/2025). Ponsel itu menjadi iPhone tertipis yang pernah dibuat.",
        kept: &["merilis iPhone Air"],
        ..NONE
    },
    Case {
        category: "glued",
        text: "Wakil Presiden RIGibran Rakabuming Raka menghadiri rapat di Batam, Rabu (10/9/2025). Gibran menyebut reshuffle sudah diperhitungkan.",
        kept: &["Wakil Presiden RI Gibran Rakabuming Raka"],
        ..NONE
    },
    Case {
        category: "glued",
        text: "Pelatih tim tamu memuji bek Timnas U-20Rizky Pratama usai laga di Malang, Kamis (4/9/2025). Rizky menutup sisi kiri sepanjang laga.",
        kept: &["Timnas U-20 Rizky Pratama"],
        ..NONE
    },
    Case {
        category: "glued",
        text: "Sembilan orang terseret arusbanjirdi Kota Denpasar, Rabu (10/9/2025). Banjir juga merendam ratusan rumah di Jembrana.",
        kept: &["terseret arus banjir di Kota Denpasar"],
        ..NONE
    },
    Case {
        category: "glued",
        // Real words and names stay whole.
        text: "Pemerintahan baru menolak ketidakadilan, kata Setiawan di Hongkong, Jumat (12/6/2020). Ia menyebut moderasi penting.",
        kept: &[
            "Pemerintahan baru menolak ketidakadilan, kata Setiawan di Hongkong",
            "moderasi penting",
        ],
        ..NONE
    },
    // Text a scraper saved through another format: a JSON string written out still escaped,
    // or the page's HTML character references kept.
    Case {
        category: "escaped",
        text: "Pemerintah Tunda Kenaikan Tarif Ojek Daring\\n\\nCNN Indonesia\\n\\nRabu, 12/02/2020 14:20 WIB\\n\\nJakarta, CNN Indonesia -- Kementerian Perhubungan menunda kenaikan tarif ojek daring yang semula berlaku bulan depan.\\n\\n\\\"Kami masih mendengar masukan dari pengemudi,\\\" kata juru bicara kementerian di Jakarta.\\n",
        title: "Pemerintah Tunda Kenaikan Tarif Ojek Daring",
        date: "2020-02-12T14:20:00+07:00",
        source: Some("CNN Indonesia"),
        kept: &[
            "menunda kenaikan tarif ojek daring",
            "\"Kami masih mendengar masukan dari pengemudi,\" kata",
        ],
        gone: &["\\n", "\\\""],
        ..NONE
    },
    Case {
        category: "escaped",
        text: "Floods Close Schools Across Manila\\r\\n\\r\\nBy ANNA REYES\\r\\n\\r\\nPublished 9:10 AM EST, Tue March 3, 2020\\r\\n\\r\\nMANILA, Philippines (AP) \\u2014 Floods closed hundreds of schools across the Philippine capital on Tuesday after a night of heavy rain.\\r\\n\\r\\nThe city\\u2019s mayor said classes would resume on Thursday.",
        title: "Floods Close Schools Across Manila",
        date: "2020-03-03",
        kept: &[
            "Floods closed hundreds of schools",
            "The city\u{2019}s mayor said",
        ],
        gone: &["\\r", "\\u2014"],
        ..NONE
    },
    Case {
        category: "escaped",
        text: "Warga Bersihkan Lumpur Sisa Banjir\n\nKompas.com - 14/01/2020, 09:15 WIB\n\nBEKASI, KOMPAS.com&nbsp;- Warga Perumahan Pondok Gede Permai membersihkan lumpur sisa banjir dari rumah mereka sejak Senin pagi.\n\n&#8220;Lumpurnya setinggi lutut,&#8221; kata Suparman, salah satu warga, kepada Kompas.com.\n\nBaca juga: Banjir Surut, Warga Kembali ke Rumah &amp; Mulai Bersih-bersih",
        title: "Warga Bersihkan Lumpur Sisa Banjir",
        date: "2020-01-14T09:15:00+07:00",
        source: Some("Kompas.com"),
        kept: &[
            "membersihkan lumpur sisa banjir",
            "\u{201c}Lumpurnya setinggi lutut,\u{201d} kata Suparman",
        ],
        gone: &["&nbsp;", "&#8220;", "Baca juga"],
        ..NONE
    },
    Case {
        category: "escaped",
        // A page's HTML saved as it was: a menu, the headline, a date line, the story with
        // inline marks, a script and a related link.
        text: "<div class=\"nav\"><a href=\"/\">Beranda</a> <a href=\"/news\">News</a></div><h1 class=\"title\">Kereta Cepat Diuji Coba Pekan Depan</h1><div class=\"date\">Rabu, 11 Maret 2020 - 09:12 WIB</div><p><strong>JAKARTA</strong> &ndash; Kereta cepat Jakarta-Bandung akan diuji coba pada pekan depan setelah seluruh jalur selesai dipasang.</p><p>Uji coba itu berlangsung selama dua bulan, kata direktur utama perusahaan itu.<br>Penumpang belum diangkut.</p><script>window.ads = [];</script><p>Baca juga: <a href=\"/b\">Tiket Kereta Naik</a></p>",
        title: "Kereta Cepat Diuji Coba Pekan Depan",
        date: "2020-03-11T09:12:00+07:00",
        kept: &[
            "Kereta cepat Jakarta-Bandung akan diuji coba pada pekan depan",
            "Penumpang belum diangkut",
        ],
        gone: &[
            "&lt;p",
            "&lt;strong",
            "ndash",
            "window.ads",
            "Tiket Kereta Naik",
        ],
        ..NONE
    },
    Case {
        category: "escaped",
        text: "<article>\n<h2>Ferry Service Resumes After Storm</h2>\n<p class=\"byline\">By ANNA REYES</p>\n<time datetime=\"2020-03-03\">March 3, 2020</time>\n<p>MANILA, Philippines (AP) &#8212; Ferries across the central Philippines resumed service on Tuesday after a storm moved out to sea, the coast guard said.</p>\n<p>Thousands of travelers had been stranded at ports since the weekend.</p>\n</article>",
        title: "Ferry Service Resumes After Storm",
        date: "2020-03-03",
        source: Some("Associated Press"),
        kept: &[
            "Ferries across the central Philippines resumed service",
            "Thousands of travelers had been stranded",
        ],
        gone: &["&lt;p", "#8212", "article&gt;"],
        ..NONE
    },
    // A scrape saved as Markdown: a reader's labelled header, menus as bulleted links, the
    // headline marked or underlined, an image, bold datelines, links in the text.
    Case {
        category: "markdown",
        text: "Title: Pelabuhan Nampo Kembali Dibuka untuk Kapal Bantuan\n\nURL Source: https://www.antaranews.com/berita/1234567/pelabuhan-nampo-kembali-dibuka\n\nPublished Time: 2019-08-14T10:22:00+07:00\n\nMarkdown Content:\n*   [Terkini](https://www.antaranews.com/terkini)\n*   [Dunia](https://www.antaranews.com/dunia)\n\nPelabuhan Nampo Kembali Dibuka untuk Kapal Bantuan\n==================================================\n\n![Image 1: Kapal bantuan di Nampo](https://img.antaranews.com/cache/a.jpg)\n\n**Seoul (ANTARA)** - Korea Utara kembali membuka Pelabuhan Nampo bagi kapal pengangkut bantuan pangan setelah ditutup selama tiga pekan, kata pejabat Kementerian Unifikasi, Rabu.\n\nDua kapal yang membawa beras telah [bersandar](https://www.antaranews.com/tag/nampo) sejak Selasa malam.\n\nPewarta: Nadia Putri\nEditor: Bima Santoso\nCOPYRIGHT © ANTARA 2019",
        title: "Pelabuhan Nampo Kembali Dibuka untuk Kapal Bantuan",
        date: "2019-08-14T10:22:00+07:00",
        source: Some("ANTARA"),
        dateline: Some("Seoul"),
        kept: &[
            "Korea Utara kembali membuka Pelabuhan Nampo",
            "telah bersandar sejak Selasa malam",
        ],
        gone: &["**", "](", "Image 1", "Terkini", "===", "Markdown Content"],
        ..NONE
    },
    Case {
        category: "markdown",
        text: "  * [Home](/)\n  * [World](/world)\n  * [Politics](/politics)\n\n# Seoul and Washington Resume Joint Drills\n\nBy [Daniel Park](/by/daniel-park)\n\nMarch 4, 2019 at 6:15 a.m. EST\n\nSEOUL — South Korea and the United States resumed a scaled-down version of their joint military drills on Monday, the defense ministry in Seoul said.\n\nThe drills, which replace the larger spring exercises, will run for a week, officials said.\n\n**Read more:**\n\n  * [North Korea warns of consequences](/world/north-korea-warns)\n  * [Talks stall after Hanoi summit](/world/talks-stall)",
        title: "Seoul and Washington Resume Joint Drills",
        date: "2019-03-04T06:15:00-05:00",
        author: Some("Daniel Park"),
        kept: &["resumed a scaled-down version of their joint military drills"],
        gone: &["](", "Talks stall", "Politics"],
        ..NONE
    },
    Case {
        category: "markdown",
        // A detik-style page with the headline as a second-level heading, a quotation marked
        // as such, and a rule before the related links.
        text: "## Harga Cabai Rawit Turun Jelang Akhir Pekan\n\n**Rina Safitri** - detikFinance\n\nJumat, 13 Mar 2020 10:05 WIB\n\n**Jakarta** - Harga cabai rawit di Pasar Induk Kramat Jati turun menjadi Rp 40.000 per kilogram setelah pasokan dari Jawa Timur bertambah.\n\n> \"Pasokan sudah normal lagi,\" kata Darto, pedagang cabai.\n\nHarga bawang merah masih bertahan di kisaran Rp 35.000 per kilogram.\n\n* * *\n\n[Baca juga: Harga Beras Stabil](https://finance.detik.com/berita/d-111/harga-beras-stabil)",
        title: "Harga Cabai Rawit Turun Jelang Akhir Pekan",
        date: "2020-03-13T10:05:00+07:00",
        source: Some("detikcom"),
        kept: &[
            "Harga cabai rawit di Pasar Induk Kramat Jati turun",
            "\"Pasokan sudah normal lagi,\" kata Darto",
        ],
        gone: &["**", "> ", "* * *", "Harga Beras Stabil"],
        ..NONE
    },
    // English pages' photo furniture: a credit alone (`Getty Images`) labels nothing after it,
    // so the lead under it stays; credits with their photographer, a caption behind a zoom
    // link and a syndication note go.
    Case {
        category: "body",
        text: "Cable company bets on cheaper streaming bundle\n\nGetty Images\n\nThe country's largest cable operator is betting that a cheaper streaming bundle can slow the loss of subscribers, the company said Tuesday.\n\nIt lost 400,000 cable customers in the quarter.",
        kept: &["is betting that a cheaper streaming bundle"],
        gone: &["Getty Images"],
        ..NONE
    },
    Case {
        category: "body",
        text: "Cable company bets on cheaper streaming bundle\n\nEnlarge / A cable box on a shelf in a living room.\n\nThe country's largest cable operator is betting that a cheaper streaming bundle can slow the loss of subscribers, the company said Tuesday.\n\nIt lost 400,000 cable customers in the quarter.",
        kept: &["is betting that a cheaper streaming bundle"],
        gone: &["Enlarge", "cable box on a shelf"],
        ..NONE
    },
    Case {
        category: "body",
        text: "North Korea fires missile over Japan\n\nPhoto by Kim Sun / AFP via Getty Images\n\nNorth Korea fired a ballistic missile over Japan on Tuesday for the first time in five years, prompting a warning for residents to take cover.\n\nThe missile fell into the Pacific, officials said.",
        kept: &["North Korea fired a ballistic missile over Japan"],
        gone: &["Photo by", "Getty"],
        ..NONE
    },
    Case {
        category: "body",
        text: "How a tiny fish survives the deep ocean\n\nIllustration by Samuel Velasco / Quanta Magazine\n\nJune 4, 2024\n\nA small fish that lives two miles below the surface survives the crushing pressure thanks to a molecule that steadies its proteins, researchers report.\n\nThe finding could help scientists design more stable drugs.",
        date: "2024-06-04",
        kept: &["A small fish that lives two miles below the surface"],
        gone: &["Illustration by"],
        ..NONE
    },
    Case {
        category: "body",
        text: "The quiet crisis in nursing homes\n\nThis article originally appeared on Example Health News.\n\nNursing homes across the country are struggling to hire staff, leaving residents waiting hours for basic care, according to a federal report released Tuesday.\n\nHalf of the homes surveyed were below minimum staffing levels.",
        kept: &["Nursing homes across the country are struggling"],
        gone: &["originally appeared"],
        ..NONE
    },
    // A network's notes closing a story: where it first ran, with its title and address, and
    // an invitation to follow the outlet's channel.
    Case {
        category: "body",
        text: "Banjir Rob Genangi Pesisir Semarang\n\nTRIBUNJATENG.COM, SEMARANG - Banjir rob kembali menggenangi kawasan pesisir Kota Semarang, Senin (3/6/2024), setinggi 30 sentimeter.\n\nWarga Tambak Lorok terpaksa meninggikan lantai rumah mereka.\n\nArtikel ini telah tayang di TribunJateng.com dengan judul Banjir Rob Genangi Pesisir Semarang, Warga Tinggikan Lantai, https://jateng.tribunnews.com/2024/06/03/banjir-rob-genangi-pesisir-semarang\n\nPenulis: Rina Ayu\nEditor: Budi Santoso",
        date: "2024-06-03",
        author: Some("Rina Ayu"),
        kept: &["Warga Tambak Lorok terpaksa meninggikan lantai rumah mereka."],
        gone: &["telah tayang", "dengan judul", "https://"],
        ..NONE
    },
    Case {
        category: "body",
        text: "Banjir rob kembali menggenangi kawasan pesisir Kota Semarang, Senin (3/6/2024), setinggi 30 sentimeter.\n\nWarga Tambak Lorok terpaksa meninggikan lantai rumah mereka.\n\nSimak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses berita lewat WhatsApp Channel.",
        date: "2024-06-03",
        kept: &["Warga Tambak Lorok terpaksa meninggikan lantai rumah mereka."],
        gone: &["breaking news", "WhatsApp"],
        ..NONE
    },
    // An outlet's stamp with the place it writes from, above the story or under it.
    Case {
        category: "date",
        text: "Stocks fall on China fears\n\nCNNMoney (New York) First published June 4, 2024: 8:12 AM ET\n\nStocks fell sharply on Tuesday as investors worried about slowing growth in China.\n\nThe Dow dropped 300 points in early trading.",
        title: "Stocks fall on China fears",
        date: "2024-06-04",
        evidence: &[("date", "header")],
        source: Some("CNN Money"),
        gone: &["First published"],
        ..NONE
    },
    Case {
        category: "date",
        text: "Stocks fall on China fears\n\nStocks fell sharply on Tuesday as investors worried about slowing growth in China.\n\nThe Dow dropped 300 points in early trading.\n\nCNNMoney (New York) First published June 4, 2024: 8:12 AM ET",
        date: "2024-06-04",
        evidence: &[("date", "header")],
        ..NONE
    },
    // A scraper's record: the fields it kept beside the text, in a `---` block (trafilatura's
    // metadata, values quoted or not, a colon in the title) or as a JSON object (a news API's
    // article, a scraper's dump with Indonesian keys, HTML inside). The scrape's own date
    // (`filedate`) never dates the article.
    Case {
        category: "record",
        text: "---\ntitle: Warga Pesisir Demak Tanam 5.000 Bibit Mangrove\nauthor: Siti Rahmawati\nurl: https://www.tribunnews.com/regional/2024/03/14/warga-pesisir-demak-tanam-bibit-mangrove\nhostname: tribunnews.com\ndescription: Ratusan warga menanam bibit mangrove untuk menahan abrasi.\nsitename: Tribunnews.com\ndate: 2024-03-14\ncategories: regional\nfiledate: 2024-11-02\n---\nTRIBUNNEWS.COM, DEMAK - Ratusan warga pesisir Kecamatan Sayung, Kabupaten Demak, menanam 5.000 bibit mangrove di sepanjang pantai yang tergerus abrasi, Kamis (14/3/2024).\n\nKepala desa setempat mengatakan penanaman dilakukan bersama pelajar dan relawan lingkungan dari Semarang.",
        title: "Warga Pesisir Demak Tanam 5.000 Bibit Mangrove",
        date: "2024-03-14",
        evidence: &[("date", "label"), ("title", "label")],
        source: Some("Tribunnews.com"),
        author: Some("Siti Rahmawati"),
        dateline: Some("Demak"),
        kept: &["menanam 5.000 bibit mangrove"],
        gone: &["sitename", "hostname", "filedate", "abrasi.\n"],
        ..NONE
    },
    Case {
        category: "record",
        text: "---\ntitle: 'Update Banjir Bali: 9 Tewas, 2 Hilang'\nurl: \"https://www.cnnindonesia.com/nasional/20250910203507-20-1272318/update-banjir-bali\"\nsitename: \"CNN Indonesia\"\ndate: \"2025-09-10\"\nfingerprint: 8c1f0e2a\n---\nJakarta, CNN Indonesia -- Korban tewas akibat banjir di Bali bertambah menjadi sembilan orang hingga Rabu (10/9) malam.\n\nDua orang masih dalam pencarian tim gabungan.",
        title: "Update Banjir Bali: 9 Tewas, 2 Hilang",
        date: "2025-09-10",
        source: Some("CNN Indonesia"),
        kept: &["Korban tewas akibat banjir di Bali bertambah"],
        gone: &["fingerprint"],
        ..NONE
    },
    Case {
        category: "record",
        text: r#"{"source": {"id": "example-wire", "name": "Example Wire"}, "author": "Min-ji Park", "title": "North Korea fires two ballistic missiles into the sea", "description": "The launches were the latest this year.", "url": "https://www.example-wire.com/world/2024/06/04/north-korea-missiles", "urlToImage": "https://www.example-wire.com/a.jpg", "publishedAt": "2024-06-04T08:12:00Z", "content": "SEOUL, June 4 - North Korea fired two short-range ballistic missiles off its east coast on Tuesday, South Korea's military said.\n\nThe missiles flew about 600 km before landing in the sea, the Joint Chiefs of Staff said."}"#,
        title: "North Korea fires two ballistic missiles into the sea",
        date: "2024-06-04T08:12:00+00:00",
        source: Some("Example Wire"),
        author: Some("Min-ji Park"),
        dateline: Some("Seoul"),
        kept: &["fired two short-range ballistic missiles"],
        gone: &["urlToImage", "publishedAt", "{"],
        ..NONE
    },
    Case {
        category: "record",
        text: "{\n  \"judul\": \"Harga Cabai Rawit di Kramat Jati Turun\",\n  \"tanggal\": \"Kamis, 02 Mei 2024 10:15 WIB\",\n  \"link\": \"https://www.cnbcindonesia.com/news/20240502101500-4-535000/harga-cabai-rawit-turun\",\n  \"isi\": \"Jakarta, CNBC Indonesia - Harga cabai rawit merah di Pasar Induk Kramat Jati turun menjadi Rp 40.000 per kilogram, dari pekan lalu Rp 55.000.\\n\\nPedagang menyebut pasokan dari Jawa Tengah mulai lancar setelah panen raya.\"\n}",
        title: "Harga Cabai Rawit di Kramat Jati Turun",
        date: "2024-05-02T10:15:00+07:00",
        source: Some("CNBC Indonesia"),
        dateline: Some("Jakarta"),
        kept: &["Pedagang menyebut pasokan dari Jawa Tengah"],
        gone: &["judul", "isi"],
        ..NONE
    },
    Case {
        category: "record",
        text: r#"{"headline": "Ferry service resumes after storm", "authors": ["Anna Reyes", "Ben Cruz"], "date_published": "2020-03-03", "publisher": "Example Post", "text": "<p>MANILA, Philippines &#8212; Ferries across the central Philippines resumed service on Tuesday after a storm moved out to sea, the coast guard said.</p><p>Thousands of travelers had been stranded at ports since the weekend.</p>"}"#,
        title: "Ferry service resumes after storm",
        date: "2020-03-03",
        source: Some("Example Post"),
        author: Some("Anna Reyes, Ben Cruz"),
        kept: &[
            "Ferries across the central Philippines resumed service",
            "Thousands of travelers had been stranded",
        ],
        gone: &["&lt;p", "#8212", "authors"],
        ..NONE
    },
    Case {
        category: "record",
        // A scraper's printout: its authors as Python prints a list, the text under a label.
        text: "Title: Harga Cabai Rawit Naik Jelang Ramadan\nAuthors: ['Dewi Lestari', 'Andi Saputra']\nPublish date: 2024-03-04 00:00:00\nURL: https://ekonomi.example/2024/03/04/harga-cabai\nText:\nHarga cabai rawit di sejumlah pasar tradisional naik tajam menjelang bulan Ramadan karena pasokan dari sentra produksi berkurang.\n\nDi pasar induk, harga cabai rawit merah mencapai Rp 90.000 per kilogram.",
        title: "Harga Cabai Rawit Naik Jelang Ramadan",
        date: "2024-03-04",
        evidence: &[("date", "label"), ("title", "label")],
        author: Some("Dewi Lestari, Andi Saputra"),
        kept: &["Harga cabai rawit di sejumlah pasar tradisional naik tajam"],
        gone: &["Text:", "['"],
        ..NONE
    },
    Case {
        category: "record",
        // Labels in capitals, the text starting on its label's line.
        text: "TITLE: Kereta Cepat Tambah Jadwal Saat Libur Panjang\nDATE: 2024-03-28 14:02:00+07:00\nTEXT: Operator kereta cepat menambah jadwal perjalanan selama libur panjang akhir pekan untuk menampung lonjakan penumpang. Tambahan perjalanan berlaku mulai Kamis hingga Minggu.\n\nTiket dapat dipesan melalui aplikasi.",
        title: "Kereta Cepat Tambah Jadwal Saat Libur Panjang",
        date: "2024-03-28T14:02:00+07:00",
        kept: &["<p>Operator kereta cepat menambah jadwal perjalanan"],
        gone: &["TEXT"],
        ..NONE
    },
    Case {
        category: "record",
        // news-please's record: `date_publish` dates it, the day it was downloaded never.
        text: r#"{"authors": ["Budi Santoso"], "date_download": "2024-11-02 10:00:00", "date_modify": null, "date_publish": "2024-03-28 14:02:00", "description": "Jadwal ditambah.", "language": "id", "source_domain": "warta.example", "title": "Kereta Cepat Tambah Jadwal", "url": "https://warta.example/2024/03/28/kereta", "maintext": "Operator kereta cepat menambah jadwal perjalanan selama libur panjang akhir pekan untuk menampung lonjakan penumpang.\n\nTiket dapat dipesan melalui aplikasi."}"#,
        title: "Kereta Cepat Tambah Jadwal",
        date: "2024-03-28T14:02:00+07:00",
        evidence: &[("date", "label")],
        author: Some("Budi Santoso"),
        kept: &["Operator kereta cepat menambah jadwal perjalanan"],
        gone: &["date_download", "warta.example"],
        ..NONE
    },
    Case {
        category: "record",
        // trafilatura's JSON: `source` is the article's address, `source-hostname` the site.
        text: r#"{"title": "Kereta Cepat Tambah Jadwal Saat Libur", "author": "Budi Santoso", "hostname": "warta.example", "date": "2024-03-28", "fingerprint": "a1b2c3", "id": null, "raw_text": "x", "text": "Operator kereta cepat menambah jadwal perjalanan selama libur panjang akhir pekan.\nTiket dapat dipesan melalui aplikasi.", "source": "https://warta.example/2024/03/28/kereta", "source-hostname": "Warta Rel", "excerpt": "Jadwal ditambah."}"#,
        title: "Kereta Cepat Tambah Jadwal Saat Libur",
        date: "2024-03-28",
        evidence: &[("source", "label")],
        source: Some("Warta Rel"),
        kept: &["Operator kereta cepat menambah jadwal perjalanan"],
        ..NONE
    },
    Case {
        category: "record",
        // A news API's whole answer for one article, its text cut short with a mark.
        text: r#"{"status": "ok", "totalResults": 1, "articles": [{"source": {"id": null, "name": "Warta Rel"}, "author": "Budi Santoso", "title": "Kereta Cepat Tambah Jadwal Saat Libur", "url": "https://warta.example/2024/03/28/kereta", "publishedAt": "2024-03-28T07:02:00Z", "content": "Operator kereta cepat menambah jadwal perjalanan selama libur panjang akhir pekan untuk menampung lonjakan penumpang. Tambahan perjalanan berlaku mulai Kamis… [+1200 chars]"}]}"#,
        title: "Kereta Cepat Tambah Jadwal Saat Libur",
        date: "2024-03-28T07:02:00+00:00",
        source: Some("Warta Rel"),
        author: Some("Budi Santoso"),
        kept: &["Tambahan perjalanan berlaku mulai Kamis"],
        gone: &["chars]", "totalResults"],
        ..NONE
    },
    Case {
        category: "record",
        // A scraper's list holding the one article it saved.
        text: r#"[{"headline": "Jembatan Baru Dibuka untuk Umum", "date": "2023-10-17", "text": "Jembatan baru di atas Sungai Musi dibuka untuk umum pada Selasa pagi setelah dua tahun dibangun.\n\nJembatan itu memangkas waktu tempuh warga."}]"#,
        title: "Jembatan Baru Dibuka untuk Umum",
        date: "2023-10-17",
        kept: &["Jembatan baru di atas Sungai Musi dibuka"],
        gone: &["headline"],
        ..NONE
    },
    // A saved page's head states its article for search engines and social cards: its
    // meta tags and JSON-LD are read as a record's fields, over the page's text.
    Case {
        category: "head",
        // detik's head: a publish date with slashes and no zone, the outlet's site name.
        text: "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<title>Harga Cabai Rawit Tembus Rp 90 Ribu Jelang Ramadan</title>\n<meta property=\"og:title\" content=\"Harga Cabai Rawit Tembus Rp 90 Ribu Jelang Ramadan\">\n<meta property=\"og:site_name\" content=\"detikcom\">\n<meta name=\"publishdate\" content=\"2024/03/04 09:15:00\">\n<meta name=\"author\" content=\"Rina Kartika\">\n</head>\n<body>\n<div class=\"nav\"><a href=\"/\">detikNews</a> | <a href=\"/finance\">detikFinance</a> | <a href=\"/hot\">detikHot</a> | <a href=\"/sport\">detikSport</a></div>\n<h1>Harga Cabai Rawit Tembus Rp 90 Ribu Jelang Ramadan</h1>\n<div class=\"detail__text\"><p><strong>Jakarta</strong> - Harga cabai rawit merah di Pasar Induk Kramat Jati naik menjadi Rp 90.000 per kilogram menjelang Ramadan.</p><p>Pedagang menyebut pasokan dari sentra produksi di Jawa Tengah berkurang karena hujan deras sepekan terakhir.</p></div>\n</body>\n</html>",
        title: "Harga Cabai Rawit Tembus Rp 90 Ribu Jelang Ramadan",
        date: "2024-03-04T09:15:00+07:00",
        evidence: &[("date", "label"), ("title", "label")],
        source: Some("detikcom"),
        author: Some("Rina Kartika"),
        kept: &["Harga cabai rawit merah di Pasar Induk Kramat Jati naik"],
        gone: &["detikSport", "<h1>"],
        ..NONE
    },
    Case {
        category: "head",
        // Kompas's head: a published date with dashes, the site name in capitals.
        text: "<html><head><title>Banjir Rendam 300 Rumah di Kudus - Kompas.com</title>\n<meta name=\"content_PublishedDate\" content=\"2024-03-05 10:20:00\">\n<meta property=\"og:site_name\" content=\"KOMPAS.com\">\n<meta property=\"og:title\" content=\"Banjir Rendam 300 Rumah di Kudus\">\n<link rel=\"canonical\" href=\"https://regional.kompas.com/read/2024/03/05/102000078/banjir-rendam-300-rumah-di-kudus\">\n</head><body><header><ul><li>News</li><li>Tren</li><li>Health</li><li>Food</li></ul></header><article><h1>Banjir Rendam 300 Rumah di Kudus</h1><p>KUDUS, KOMPAS.com - Banjir merendam sekitar 300 rumah di tiga desa di Kabupaten Kudus setelah Sungai Wulan meluap, Selasa (5/3/2024) pagi.</p><p>Warga mulai mengungsi ke balai desa dan masjid terdekat.</p></article></body></html>",
        title: "Banjir Rendam 300 Rumah di Kudus",
        date: "2024-03-05T10:20:00+07:00",
        source: Some("Kompas.com"),
        dateline: Some("Kudus"),
        kept: &["Banjir merendam sekitar 300 rumah di tiga desa"],
        gone: &["- Kompas.com"],
        ..NONE
    },
    Case {
        category: "head",
        // A news site's JSON-LD in a `@graph` beside its site and breadcrumbs, with a
        // publisher kabar does not know; its social-card title is longer.
        text: "<!doctype html><html><head><meta property=\"og:title\" content=\"Council approves new bridge after decade of debate | Example Herald\">\n<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Example Herald\",\"url\":\"https://herald.example/\"},{\"@type\":\"BreadcrumbList\",\"itemListElement\":[]},{\"@type\":\"NewsArticle\",\"headline\":\"Council approves new bridge after decade of debate\",\"datePublished\":\"2023-10-17T21:40:00Z\",\"dateModified\":\"2023-10-18T08:00:00Z\",\"author\":[{\"@type\":\"Person\",\"name\":\"Mark Lind\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":\"Example Herald\"}}]}</script>\n</head><body><nav>Home News Sport Business Opinion</nav><h1>Council approves new bridge after decade of debate</h1><p>The city council voted 7-2 on Tuesday to build a new bridge over the river, ending a debate that has run for more than ten years.</p><p>Construction is expected to start next spring.</p></body></html>",
        title: "Council approves new bridge after decade of debate",
        date: "2023-10-17T21:40:00+00:00",
        source: Some("Example Herald"),
        author: Some("Mark Lind"),
        kept: &["The city council voted 7-2 on Tuesday to build a new bridge"],
        gone: &["Opinion", "| Example Herald"],
        ..NONE
    },
    Case {
        category: "head",
        // An English paper's meta: a byline with `By `, an offset date, and the article's
        // JSON-LD at the end of the body rather than in the head.
        text: "<html><head><title>Transit Board Backs Light Rail Plan - The Example Times</title><meta name=\"byl\" content=\"By Jane Doe\"><meta property=\"article:published_time\" content=\"2017-03-14T09:12:00-04:00\"><meta property=\"og:site_name\" content=\"The Example Times\"></head><body><p>Transit Board Backs Light Rail Plan</p><p>The regional transit board on Tuesday approved a plan to extend light rail to the airport, a project expected to cost $2 billion.</p><p>Opponents said the money would be better spent on buses.</p><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Transit Board Backs Light Rail Plan\",\"datePublished\":\"2017-03-14T09:12:00-04:00\"}</script></body></html>",
        title: "Transit Board Backs Light Rail Plan",
        date: "2017-03-14T09:12:00-04:00",
        source: Some("The Example Times"),
        author: Some("Jane Doe"),
        kept: &["approved a plan to extend light rail to the airport"],
        gone: &["Transit Board Backs Light Rail Plan</p>"],
        ..NONE
    },
    Case {
        category: "head",
        // A head that states the day but not the headline: the page's own headline is read.
        text: "<html><head><meta property=\"article:published_time\" content=\"2022-08-09T07:30:00+07:00\"><meta name=\"author\" content=\"https://warta.example/penulis/andi\"></head><body><ul><li>Beranda</li><li>Nasional</li><li>Daerah</li></ul><h1>Jalan Tol Trans Sumatera Ruas Baru Dibuka</h1><p>Pemerintah membuka ruas baru Jalan Tol Trans Sumatera sepanjang 45 kilometer di Lampung, Selasa pagi.</p><p>Ruas itu memangkas waktu tempuh dua jam.</p></body></html>",
        title: "Jalan Tol Trans Sumatera Ruas Baru Dibuka",
        date: "2022-08-09T07:30:00+07:00",
        evidence: &[("date", "label")],
        author: Some(""),
        kept: &["Pemerintah membuka ruas baru Jalan Tol Trans Sumatera"],
        ..NONE
    },
    Case {
        category: "head",
        // trafilatura's XML: the article's fields on its `<doc>`.
        text: "<doc sitename=\"Warta Rel\" title=\"Kereta Cepat Tambah Jadwal Saat Libur\" author=\"Budi Santoso\" date=\"2024-03-28\" url=\"https://warta.example/2024/03/28/kereta\" hostname=\"warta.example\" fingerprint=\"a1b2c3\">\n  <main>\n    <p>Operator kereta cepat menambah jadwal perjalanan selama libur panjang akhir pekan untuk menampung lonjakan penumpang.</p>\n    <p>Tiket dapat dipesan melalui aplikasi dan loket stasiun.</p>\n  </main>\n  <comments/>\n</doc>",
        title: "Kereta Cepat Tambah Jadwal Saat Libur",
        date: "2024-03-28",
        source: Some("Warta Rel"),
        author: Some("Budi Santoso"),
        kept: &["Operator kereta cepat menambah jadwal perjalanan"],
        gone: &["fingerprint", "hostname"],
        ..NONE
    },
    Case {
        category: "head",
        // A social card's title carrying the site's name after a bar.
        text: "<html><head><meta property=\"og:title\" content=\"Gempa Magnitudo 5,6 Guncang Cianjur | Republika Online\"><meta property=\"og:site_name\" content=\"Republika Online\"><meta name=\"content_PublishedDate\" content=\"2022-11-21 14:05:00\"></head><body><p>REPUBLIKA.CO.ID, CIANJUR -- Gempa bermagnitudo 5,6 mengguncang Kabupaten Cianjur, Jawa Barat, Senin siang.</p><p>Warga berhamburan keluar rumah saat guncangan terasa.</p></body></html>",
        title: "Gempa Magnitudo 5,6 Guncang Cianjur",
        date: "2022-11-21T14:05:00+07:00",
        source: Some("Republika"),
        kept: &["Gempa bermagnitudo 5,6 mengguncang Kabupaten Cianjur"],
        ..NONE
    },
    Case {
        category: "head",
        // A page a browser saved, noting where from: the address names the outlet and the day.
        text: "<!-- saved from url=(0098)https://www.cnnindonesia.com/nasional/20231017093000-20-1012345/jembatan-baru-dibuka-untuk-umum -->\n<html><head><meta charset=\"utf-8\"></head><body><h1>Jembatan Baru Dibuka untuk Umum</h1><p>Jembatan baru di atas Sungai Musi dibuka untuk umum pada Selasa pagi setelah dua tahun dibangun.</p><p>Jembatan itu memangkas waktu tempuh warga.</p></body></html>",
        title: "Jembatan Baru Dibuka untuk Umum",
        date: "2023-10-17",
        evidence: &[("date", "address")],
        source: Some("CNN Indonesia"),
        kept: &["Jembatan baru di atas Sungai Musi dibuka"],
        gone: &["saved from"],
        ..NONE
    },
];

#[test]
fn every_category_reads_as_expected() {
    let mut failures = Vec::new();
    for (n, case) in CASES.iter().enumerate() {
        let b = read(case.text);
        let label = format!("#{n} ({})", case.category);
        let mut check = |what: &str, ok: bool, got: String| {
            if !ok {
                failures.push(format!("{label}: {what}: got {got}"));
            }
        };
        if !case.title.is_empty() {
            check("title", b.title == case.title, b.title.clone());
        }
        if !case.date.is_empty() {
            let date = b.date.to_rfc3339();
            check("date", date.starts_with(case.date), date);
        }
        let evidence = common::evidence(&b);
        for (field, from) in case.evidence {
            check(
                &format!("{field} evidence"),
                evidence.get(field) == Some(from),
                format!("{evidence:?}"),
            );
        }
        if let Some(source) = case.source {
            let got = b.source.as_ref().map_or("", |s| s.name.as_str());
            check("source", got == source, got.to_string());
        }
        if let Some(dateline) = case.dateline {
            let got = b.dateline.as_deref().unwrap_or("");
            check("dateline", got == dateline, got.to_string());
        }
        if let Some(author) = case.author {
            let got = b.author.as_deref().unwrap_or("");
            check("author", got == author, got.to_string());
        }
        let html = b.body.html().unwrap().into_owned();
        for kept in case.kept {
            check(
                "kept",
                html.contains(kept),
                format!("`{kept}` not in {html}"),
            );
        }
        for gone in case.gone {
            check("gone", !html.contains(gone), format!("`{gone}` in {html}"));
        }
        if let Some(loss) = case.loss {
            let warned = b.warnings.iter().any(|w| w.message.contains("keeps only"));
            check("loss warning", warned == loss, format!("{:?}", b.warnings));
        }
        if let Some(doubt) = case.doubt {
            let message = b.doubt.as_ref().map_or("", |d| d.message.as_str());
            let ok = if doubt.is_empty() {
                message.is_empty()
            } else {
                message.contains(doubt)
            };
            check("doubt", ok, message.to_string());
        }
    }
    for category in ["body", "page", "date", "outlet", "title", "glued", "record"] {
        let count = CASES.iter().filter(|c| c.category == category).count();
        assert!(count >= 5, "{category} has {count} cases");
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// A whole page saved on one line: its menus, the headline and the date line run into the
/// story. The title made from the lead is never the menu, but a sentence of the story, and a
/// dateline after the header (after its time zone, or in capitals with a known outlet) opens
/// the story and names its place and outlet.
#[test]
fn a_page_saved_on_one_line_is_not_titled_by_its_menu() {
    for (text, story_word, place) in [
        (
            "TOP NEWS | TERKINI | RILIS PERS | RSS Ketentuan Penggunaan Tentang Kami Jaringan Pedoman Siber Selasa, 10 Maret 2020 Petani Garam Madura Mulai Panen Raya Selasa, 10 Maret 2020 14:05 WIB Sumenep (ANTARA) - Petani garam di Kabupaten Sumenep, Jawa Timur, mulai memanen garam setelah cuaca kering dalam dua pekan terakhir. Harga garam di tingkat petani mencapai Rp1.200 per kilogram, kata Ketua Kelompok Tani Garam Sumenep, Hasan, Selasa. Pewarta: Rudi Hartono Editor: Sari COPYRIGHT © ANTARA 2020",
            "garam",
            Some(("Sumenep", "ANTARA")),
        ),
        (
            "Kompas.com Kompasiana.com KompasKarier.com Gramedia.com Juara.net Login Daftar Menu Nasional Regional Megapolitan Internasional Jembatan Gantung Putus, Warga Seberangi Sungai Kompas.com - 12/03/2020, 07:30 WIB GARUT, KOMPAS.com - Warga Desa Sukamaju, Garut, terpaksa menyeberangi sungai setelah jembatan gantung satu-satunya di desa itu putus diterjang banjir. Kepala desa mengatakan perbaikan jembatan akan dimulai pekan depan.",
            "sungai",
            Some(("Garut", "Kompas.com")),
        ),
        (
            "Beranda News Business Sport Lifestyle Video Photo Index Ferry Service Resumes After Storm. MANILA (AP) — Ferries across the central Philippines resumed service on Tuesday after a storm moved out to sea, the coast guard said.",
            "Ferries",
            None,
        ),
    ] {
        let b = read(text);
        if let Some((city, outlet)) = place {
            assert_eq!(b.dateline.as_deref(), Some(city));
            assert_eq!(b.source.as_ref().map(|s| s.name.as_str()), Some(outlet));
        }
        let title = b.title;
        assert!(title.contains(story_word), "{title}");
        for menu in ["|", ".com", "Login", "Menu", "Index", "TERKINI"] {
            assert!(!title.contains(menu), "{title}");
        }
    }
}
