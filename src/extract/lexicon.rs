//! Words kabar knows, as data: names of the example archive's world, the offices and titles
//! that stand before names, and capitalized words that are never names on their own. The code
//! that reads text with them lives beside (`entities`, `chrome`, `glued`).

/// Countries, leaders, bodies and topics of the example archive.
pub const DEFAULT_ENTITIES: &[(&str, &[&str])] = &[
    (
        "Korea Utara",
        &[
            "Korut",
            "North Korea",
            "DPRK",
            "Democratic People's Republic of Korea",
            "Republik Rakyat Demokratik Korea",
        ],
    ),
    (
        "Korea Selatan",
        &["Korsel", "South Korea", "Republic of Korea", "ROK"],
    ),
    (
        "Amerika Serikat",
        &["AS", "US", "USA", "U.S.", "United States"],
    ),
    (
        "Kim Jong-un",
        &["Kim Jong Un", "Kim Jong-Un", "Kim Jong-eun"],
    ),
    ("Kim Yo-jong", &["Kim Yo Jong", "Kim Yo-Jong"]),
    ("Kim Yong-chol", &["Kim Yong Chol", "Kim Yong-Chol"]),
    ("Choe Son-hui", &["Choe Son Hui", "Choe Son-Hui"]),
    ("Ri Son-gwon", &["Ri Son Gwon", "Ri Son-Gwon"]),
    ("Ri Yong-ho", &["Ri Yong Ho", "Ri Yong-Ho"]),
    ("Donald Trump", &["Trump"]),
    ("Moon Jae-in", &["Moon Jae In", "Moon Jae-In"]),
    ("Mike Pompeo", &["Pompeo"]),
    ("John Bolton", &["Bolton"]),
    ("Stephen Biegun", &["Biegun"]),
    ("Joe Biden", &["Biden"]),
    ("Xi Jinping", &[]),
    ("Vladimir Putin", &["Putin"]),
    ("Shinzo Abe", &[]),
    ("China", &["Tiongkok", "Cina", "RRT"]),
    ("Rusia", &["Russia"]),
    ("Jepang", &["Japan"]),
    ("PBB", &["Perserikatan Bangsa-Bangsa", "United Nations"]),
    ("Dewan Keamanan PBB", &["DK PBB", "Dewan Keamanan"]),
    ("Partai Buruh", &["Partai Buruh Korea", "Workers' Party"]),
    ("KTT Singapura", &["Singapore summit"]),
    ("KTT Hanoi", &["Hanoi summit"]),
    ("Panmunjom", &["Panmunjeom"]),
    ("DMZ", &["zona demiliterisasi"]),
    ("Kaesong", &[]),
    ("Yongbyon", &[]),
    ("Denuklirisasi", &["denuklirisasi", "denuclearization"]),
    (
        "Uji Rudal",
        &[
            "uji coba rudal",
            "uji rudal",
            "peluncuran rudal",
            "missile test",
        ],
    ),
    ("Sanksi", &["sanksi", "sanctions"]),
];

/// Words that start a name but are not part of it: titles and offices.
pub const ROLE_WORDS: &[&str] = &[
    "Presiden",
    "Wakil",
    "Menteri",
    "Menlu",
    "Perdana",
    "Ketua",
    "Pemimpin",
    "Juru",
    "Bicara",
    "Jubir",
    "Kepala",
    "Sekretaris",
    "Jenderal",
    "Duta",
    "Besar",
    "Dubes",
    "Utusan",
    "Khusus",
    "Direktur",
    "Panglima",
    "Raja",
    "Ratu",
    "Senator",
    "Gubernur",
    "Luar",
    "Negeri",
    "Dalam",
    "Pertahanan",
    "Penasihat",
    "Keamanan",
    "Nasional",
    "Kesehatan",
    "Keuangan",
    "Perdagangan",
    "Perindustrian",
    "Pendidikan",
    "Agama",
    "Sosial",
    "Perhubungan",
    "Pertanian",
    "Koordinator",
    "President",
    "Minister",
    "Secretary",
    "Foreign",
    "Prime",
    "Chairman",
    "Leader",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Bapak",
    "Ibu",
    "Pak",
    "Bu",
    "Sang",
    "Tuan",
    "Kantor",
    "Berita",
];

/// Capitalized words that are never tags on their own.
pub const STOP_WORDS: &[&str] = &[
    "Senin",
    "Selasa",
    "Rabu",
    "Kamis",
    "Jumat",
    "Sabtu",
    "Minggu",
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "May",
    "June",
    "July",
    "August",
    "October",
    "December",
    "WIB",
    "WITA",
    "WIT",
    "UTC",
    "GMT",
    "Anda",
    "Tuhan",
    "KTT",
    "The",
    "Namun",
    "Tetapi",
    "Sementara",
    "Selain",
    "Menurut",
    "Sebelumnya",
    "Kemudian",
    "Dalam",
    "Pada",
    "Saat",
];

/// Lowercase words that may sit inside a name: `Republic of Korea`, `bin`, `van`.
pub const CONNECTORS: &[&str] = &["of", "bin", "binti", "van", "von", "de", "der", "al", "el"];

/// Words of site menus, section bars and account links, lowercase: a line made of these is
/// page chrome, and a tag made only of them is a section name, not a subject.
pub const NAVIGATION_WORDS: &[&str] = &[
    "about", "akun", "beranda", "berita", "bisnis", "cari", "cek", "cipta", "contact", "copyright",
    "daerah", "daftar", "disclaimer", "dunia", "edisi", "editorial", "ekonomi", "entertainment",
    "epaper", "e-paper", "fakta", "finance", "foto", "gaya", "hak", "headline", "health",
    "hiburan", "hidup", "home", "hukum", "iklan", "index", "indeks", "infografik", "infografis",
    "inspirasi", "internasional", "karir", "kanal", "kebijakan", "kesehatan", "keuangan",
    "kolom", "kontak", "koran", "kuliner", "language", "latest", "lifestyle", "live", "login",
    "logout", "lainnya", "masuk", "megapolitan", "menu", "metro", "more", "nasional", "network",
    "news", "newsletter", "olahraga", "opini", "oto", "otomotif", "pedoman", "pendidikan",
    "pers", "pilihan", "podcast", "policy", "politik", "populer", "premium", "privacy",
    "privasi", "properti", "redaksi", "regional", "register", "rilis", "rss", "sains",
    "search", "selengkapnya", "sepakbola", "signin", "sign", "siber", "sitemap", "sport",
    "sports", "streaming", "subscribe", "tag", "tags", "tech", "tekno", "teknologi", "terbaru",
    "terkini", "terpopuler", "top", "topik", "travel", "trending", "tv", "up", "video",
    "videos", "viral", "world",
];

/// Sites of Indonesian media networks, as their bars list them (`KAPANLAGI NETWORK kapanlagi
/// merdeka bola.net`), lowercase and without their domain.
pub const NETWORK_SITES: &[&str] = &[
    "20detik", "bola", "brilio", "cnbc", "cnn", "detik", "dream", "fimela", "grid", "haibunda",
    "inews", "jpnn", "kapanlagi", "kompas", "kompasiana", "kompastv", "kontan", "kumparan",
    "liputan6", "merdeka", "okezone", "otosia", "sindonews", "suara", "tribunnews", "vidio",
    "viva", "wolipop",
];

/// Terms of law and economics that name no subject on their own: `Pasal` (article of a law)
/// is everywhere, `Pasal 27 UU ITE` is the subject.
pub const GENERIC_TERMS: &[&str] = &[
    "APBD", "APBN", "Ayat", "Bab", "BI Rate", "CEO", "GDP", "Inflasi", "Pasal", "PDB", "Perda",
    "Perppu", "Perpres", "Permen", "PP", "PPh", "PPN", "PT", "Tbk", "UU", "Undang-Undang", "WNA",
    "WNI", "YoY",
];

/// Currency units and their signs: amounts are not subjects.
pub const CURRENCIES: &[&str] = &[
    "Rp", "IDR", "USD", "US$", "EUR", "SGD", "RM", "JPY", "KRW", "CNY", "Won", "Yen",
    "Yuan", "Dolar", "Dollar", "Rupiah",
];

/// Names written with a capital inside, which a scrape did not glue: never split.
pub const INNER_CAPITAL_NAMES: &[&str] = &[
    "BlackBerry", "DeepMind", "FedEx", "GoPay", "GoTo", "iPad", "iPhone", "iOS", "JavaScript",
    "LinkedIn", "MasterCard", "McAvoy", "McDonald", "OpenAI", "PayPal", "PlayStation",
    "PowerPoint", "SpaceX", "TikTok", "WhatsApp", "YouTube", "eKTP", "eBay",
];
