//! What kabar knows about outlets and agencies, as data: their names, addresses and spellings,
//! and the page furniture that gives each away. The code that reads text with them is in the
//! parent module.

use super::Outlet;

/// A news outlet or agency, with the ways its name is written.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Known {
    pub name: &'static str,
    pub url: Option<&'static str>,
    /// Spellings in datelines, headers and citations, matched without regard to case.
    pub forms: &'static [&'static str],
}

const fn outlet(name: &'static str, url: &'static str, forms: &'static [&'static str]) -> Known {
    Known {
        name,
        url: Some(url),
        forms,
    }
}

const fn agency(name: &'static str, forms: &'static [&'static str]) -> Known {
    Known {
        name,
        url: None,
        forms,
    }
}

/// Outlets first (their fingerprints are tried in this order), then agencies and foreign media
/// that Indonesian outlets cite.
pub(crate) const KNOWN: &[Known] = &[
    outlet(
        "CNN Indonesia",
        "https://www.cnnindonesia.com",
        &["CNN Indonesia", "CNNIndonesia.com"],
    ),
    outlet(
        "CNBC Indonesia",
        "https://www.cnbcindonesia.com",
        &["CNBC Indonesia", "CNBCIndonesia.com"],
    ),
    outlet(
        "detikcom",
        "https://www.detik.com",
        &[
            "detikcom",
            "detik.com",
            "detikNews",
            "detikFinance",
            "detikInet",
        ],
    ),
    outlet(
        "Kompas.com",
        "https://www.kompas.com",
        &["Kompas.com", "KOMPAS.com", "Kompas Cyber Media"],
    ),
    outlet("Kompas", "https://www.kompas.id", &["Kompas.id", "KOMPAS"]),
    outlet(
        "Kontan",
        "https://www.kontan.co.id",
        &["KONTAN.CO.ID", "Kontan.co.id", "Kontan"],
    ),
    outlet("Bisnis.com", "https://www.bisnis.com", &["Bisnis.com"]),
    outlet(
        "ANTARA",
        "https://www.antaranews.com",
        &[
            "ANTARA",
            "Antara",
            "ANTARA News",
            "Antaranews.com",
            "ANTARANEWS.COM",
        ],
    ),
    outlet(
        "Tempo",
        "https://www.tempo.co",
        &["TEMPO.CO", "Tempo.co", "TEMPO Interaktif"],
    ),
    outlet(
        "Liputan6.com",
        "https://www.liputan6.com",
        &["Liputan6.com"],
    ),
    outlet(
        "Republika",
        "https://www.republika.co.id",
        &[
            "REPUBLIKA.CO.ID",
            "Republika.co.id",
            "Republika",
            "IHRAM.CO.ID",
        ],
    ),
    outlet(
        "Okezone",
        "https://www.okezone.com",
        &["Okezone", "Okezone.com"],
    ),
    outlet(
        "SINDOnews",
        "https://www.sindonews.com",
        &["SINDOnews", "SINDOnews.com"],
    ),
    outlet(
        "Suara.com",
        "https://www.suara.com",
        &["Suara.com", "SUARA.com"],
    ),
    outlet(
        "Tribunnews.com",
        "https://www.tribunnews.com",
        &["Tribunnews.com", "TRIBUNNEWS.COM", "Tribunnews"],
    ),
    outlet(
        "VIVA",
        "https://www.viva.co.id",
        &["VIVA", "VIVA.co.id", "VIVAnews"],
    ),
    outlet(
        "JawaPos.com",
        "https://www.jawapos.com",
        &["JawaPos.com", "Jawa Pos"],
    ),
    outlet("JPNN.com", "https://www.jpnn.com", &["JPNN.com", "JPNN"]),
    outlet(
        "IDN Times",
        "https://www.idntimes.com",
        &["IDN Times", "IDNTimes.com"],
    ),
    outlet(
        "Beritasatu.com",
        "https://www.beritasatu.com",
        &["Beritasatu.com", "BeritaSatu.com"],
    ),
    outlet(
        "merdeka.com",
        "https://www.merdeka.com",
        &["merdeka.com", "Merdeka.com"],
    ),
    outlet(
        "kumparan",
        "https://kumparan.com",
        &["kumparan", "kumparanNEWS"],
    ),
    outlet(
        "Medcom.id",
        "https://www.medcom.id",
        &["Medcom.id", "Metrotvnews.com"],
    ),
    outlet(
        "VOA Indonesia",
        "https://www.voaindonesia.com",
        &["VOA Indonesia", "VOA"],
    ),
    outlet(
        "BBC News Indonesia",
        "https://www.bbc.com/indonesia",
        &["BBC News Indonesia", "BBC Indonesia"],
    ),
    outlet(
        "KapanLagi.com",
        "https://www.kapanlagi.com",
        &["KapanLagi.com", "Kapanlagi.com", "KAPANLAGI.COM"],
    ),
    outlet(
        "DailySocial.id",
        "https://dailysocial.id",
        &["DailySocial.id", "DailySocial"],
    ),
    outlet(
        "Rimanews",
        "https://rimanews.com",
        &["Rimanews", "RimaNews"],
    ),
    outlet(
        "Pos Kota",
        "https://poskota.co.id",
        &["Pos Kota", "Poskota.co.id"],
    ),
    outlet("Bola.com", "https://www.bola.com", &["Bola.com"]),
    outlet(
        "Bola.net",
        "https://www.bola.net",
        &["Bola.net", "BOLA.NET"],
    ),
    outlet(
        "Katadata",
        "https://katadata.co.id",
        &["Katadata", "Katadata.co.id"],
    ),
    outlet(
        "Wowkeren",
        "https://www.wowkeren.com",
        &["WowKeren", "Wowkeren.com"],
    ),
    outlet(
        "Posmetro Medan",
        "https://posmetro-medan.com",
        &["Posmetro Medan"],
    ),
    outlet(
        "Inilah.com",
        "https://www.inilah.com",
        &["Inilah.com", "INILAH.COM"],
    ),
    outlet("Gatra", "https://www.gatra.com", &["Gatra.com", "GATRA"]),
    outlet(
        "The Jakarta Post",
        "https://www.thejakartapost.com",
        &["The Jakarta Post", "Jakarta Post"],
    ),
    outlet(
        "Jakarta Globe",
        "https://jakartaglobe.id",
        &["Jakarta Globe", "JakartaGlobe.id"],
    ),
    outlet(
        "Media Indonesia",
        "https://mediaindonesia.com",
        &["Media Indonesia", "MediaIndonesia.com"],
    ),
    outlet("Tirto.id", "https://tirto.id", &["Tirto.id"]),
    outlet("iNews.id", "https://www.inews.id", &["iNews.id"]),
    agency("Associated Press", &["Associated Press", "AP"]),
    agency(
        "AFP",
        &["AFP", "Agence France-Presse", "Agence France Presse"],
    ),
    agency("Reuters", &["Reuters", "REUTERS"]),
    agency("KCNA", &["KCNA", "Korean Central News Agency"]),
    agency("Yonhap", &["Yonhap"]),
    agency("Xinhua", &["Xinhua"]),
    agency("Kyodo", &["Kyodo"]),
    agency("Bloomberg", &["Bloomberg"]),
    outlet("BBC", "https://www.bbc.com", &["BBC", "BBC News"]),
    agency("CNN", &["CNN"]),
    agency("NHK", &["NHK"]),
    agency("Al Jazeera", &["Al Jazeera", "Aljazeera"]),
    outlet(
        "The New York Times",
        "https://www.nytimes.com",
        &["The New York Times", "New York Times", "NYT"],
    ),
    outlet(
        "The Washington Post",
        "https://www.washingtonpost.com",
        &["The Washington Post", "Washington Post"],
    ),
    outlet(
        "The Guardian",
        "https://www.theguardian.com",
        &["The Guardian", "Guardian", "theguardian.com"],
    ),
    outlet(
        "The Telegraph",
        "https://www.telegraph.co.uk",
        &["The Telegraph", "Telegraph", "telegraph.co.uk"],
    ),
    outlet(
        "BuzzFeed News",
        "https://www.buzzfeed.com",
        &["BuzzFeed News", "BuzzFeed"],
    ),
    outlet(
        "Herald Sun",
        "https://www.heraldsun.com.au",
        &["Herald Sun", "heraldsun.com.au"],
    ),
    outlet(
        "The Seattle Times",
        "https://www.seattletimes.com",
        &["The Seattle Times", "Seattle Times"],
    ),
    outlet("The Verge", "https://www.theverge.com", &["The Verge"]),
    outlet("Ars Technica", "https://arstechnica.com", &["Ars Technica"]),
    outlet(
        "Quanta Magazine",
        "https://www.quantamagazine.org",
        &["Quanta Magazine", "Quanta"],
    ),
    outlet(
        "Breitbart",
        "https://www.breitbart.com",
        &["Breitbart", "Breitbart News"],
    ),
    outlet("CityLab", "https://www.citylab.com", &["CityLab"]),
    outlet(
        "Salon",
        "https://www.salon.com",
        &["Salon.com", "Salon Media Group"],
    ),
    outlet(
        "CNN Money",
        "https://money.cnn.com",
        &["CNNMoney", "CNN Money"],
    ),
    outlet(
        "The Wall Street Journal",
        "https://www.wsj.com",
        &["The Wall Street Journal", "Wall Street Journal", "WSJ"],
    ),
    outlet(
        "Financial Times",
        "https://www.ft.com",
        &["Financial Times"],
    ),
    outlet(
        "Daily Mail",
        "https://www.dailymail.co.uk",
        &[
            "Daily Mail",
            "MailOnline",
            "Mail Online",
            "dailymail.co.uk",
            "Dailymail.com",
        ],
    ),
    agency("NK News", &["NK News", "NKNews"]),
    agency("Daily NK", &["Daily NK"]),
    agency("Rodong Sinmun", &["Rodong Sinmun"]),
    agency("The Korea Herald", &["The Korea Herald", "Korea Herald"]),
    agency("The Korea Times", &["The Korea Times", "Korea Times"]),
    agency(
        "Channel News Asia",
        &["Channel News Asia", "Channel NewsAsia", "CNA"],
    ),
    agency(
        "South China Morning Post",
        &["South China Morning Post", "SCMP"],
    ),
    agency("The Straits Times", &["The Straits Times", "Straits Times"]),
    agency("TASS", &["TASS"]),
    agency("Sputnik", &["Sputnik"]),
    agency("Fox News", &["Fox News"]),
    agency("NBC News", &["NBC News", "NBC"]),
    agency("CBS News", &["CBS News", "CBS"]),
    agency("ABC News", &["ABC News"]),
    agency("NPR", &["NPR"]),
    agency("Nikkei", &["Nikkei Asia", "Nikkei"]),
    agency("Asahi Shimbun", &["Asahi Shimbun", "Asahi"]),
    agency("Chosun Ilbo", &["Chosun Ilbo"]),
    agency("JoongAng Ilbo", &["JoongAng Ilbo", "Korea JoongAng Daily"]),
    agency("Dong-A Ilbo", &["Dong-A Ilbo"]),
];

impl Known {
    pub(crate) fn outlet(&self) -> Outlet {
        Outlet {
            name: self.name.to_string(),
            url: None,
            home: self.url.map(str::to_string),
        }
    }
}

/// Page furniture that scrapers keep, and every outlet whose pages carry it. Sister sites of
/// one group share some: detik, CNN Indonesia and CNBC Indonesia all show `SCROLL TO
/// CONTINUE WITH CONTENT` and embed 20detik videos, and `[Gambas:` is the embed mark of CNN
/// Indonesia and CNBC Indonesia alike.
pub(crate) const FINGERPRINTS: &[(&str, &[&str])] = &[
    ("[Gambas:Video CNN]", &["CNN Indonesia"]),
    ("[Gambas:Video CNBC]", &["CNBC Indonesia"]),
    ("[Gambas:", &["CNN Indonesia", "CNBC Indonesia"]),
    (
        "SCROLL TO CONTINUE WITH CONTENT",
        &["detikcom", "CNN Indonesia", "CNBC Indonesia"],
    ),
    (
        "[Gambas:Video 20detik]",
        &["detikcom", "CNN Indonesia", "CNBC Indonesia"],
    ),
    ("Simak video '", &["detikcom"]),
    ("detikers", &["detikcom"]),
    ("Saksikan LiveDetik", &["detikcom"]),
    ("Saksikan Live Detik", &["detikcom"]),
    ("Kompas.com News Update", &["Kompas.com"]),
    (
        "Dapatkan update berita pilihan dan breaking news",
        &["Kompas.com"],
    ),
];
