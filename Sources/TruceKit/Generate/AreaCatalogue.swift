/// The places synthetic histories are set in: countries with regions and cities inside them, each
/// with a real tz zone. The first few countries differ in the kind of offset they use (with and
/// without daylight saving time, west of UTC, half and quarter hours), so that even a small
/// history exercises the zone rules.
struct CountryProfile: Sendable {
  /// A short code that prefixes the ids of the country's items: `sy-pause-12`.
  let code: String
  let id: String
  let name: String
  let zone: String
  /// Regions, cities and districts, each after its parent.
  let places: [Place]
  /// Who announces things there.
  let actors: [String]
  /// Who is accused of breaches.
  let groups: [String]
  /// What reports the news there.
  let publications: [String]
  /// Roads corridors run along.
  let routes: [String]

  /// An area inside a country.
  struct Place: Sendable {
    let id: String
    let name: String
    /// The id of the place it lies in; `nil` for the country itself.
    let parent: String?
    /// Its own zone, when it differs from the country's.
    let zone: String?

    init(_ id: String, _ name: String, in parent: String? = nil, zone: String? = nil) {
      self.id = id
      self.name = name
      self.parent = parent
      self.zone = zone
    }
  }
}

extension CountryProfile {
  /// Every country, in the order they are taken.
  static let catalogue: [CountryProfile] = [
    CountryProfile(
      code: "sy", id: "syria", name: "Syria", zone: "Asia/Damascus",
      places: [
        Place("aleppo-gov", "Aleppo governorate"), Place("aleppo", "Aleppo", in: "aleppo-gov"),
        Place("idlib-gov", "Idlib governorate"), Place("idlib", "Idlib", in: "idlib-gov"),
        Place("east-aleppo", "eastern Aleppo", in: "aleppo"),
      ],
      actors: ["Russian Defence Ministry", "Syrian army", "opposition factions", "UN envoy"],
      groups: ["government forces", "rebel groups", "unidentified gunmen"],
      publications: ["AFP", "Reuters", "SANA", "Al Jazeera"],
      routes: ["Castello Road", "Ramouseh Road", "Bustan al-Qasr crossing"]),
    CountryProfile(
      code: "ua", id: "ukraine", name: "Ukraine", zone: "Europe/Kyiv",
      places: [
        Place("donetsk-obl", "Donetsk oblast"), Place("mariupol", "Mariupol", in: "donetsk-obl"),
        Place("crimea", "Crimea", zone: "Europe/Simferopol"),
        Place("sevastopol", "Sevastopol", in: "crimea", zone: "Europe/Simferopol"),
        Place("zaporizhzhia-obl", "Zaporizhzhia oblast"),
      ],
      actors: [
        "Ukrainian army", "separatist command", "OSCE monitors", "Russian Defence Ministry",
      ],
      groups: ["separatist units", "government troops", "unidentified artillery"],
      publications: ["Reuters", "Ukrinform", "Kyiv Post", "AP"],
      routes: ["Mariupol-Zaporizhzhia highway", "Berdiansk road"]),
    CountryProfile(
      code: "af", id: "afghanistan", name: "Afghanistan", zone: "Asia/Kabul",
      places: [
        Place("helmand", "Helmand province"), Place("lashkar-gah", "Lashkar Gah", in: "helmand"),
        Place("kunduz-prov", "Kunduz province"), Place("kunduz", "Kunduz", in: "kunduz-prov"),
      ],
      actors: ["Afghan government", "Taliban spokesman", "UNAMA", "NATO command"],
      groups: ["Taliban fighters", "Afghan forces", "unknown attackers"],
      publications: ["TOLOnews", "Pajhwok", "Reuters", "AFP"],
      routes: ["Highway 1", "Kunduz-Baghlan road"]),
    CountryProfile(
      code: "co", id: "colombia", name: "Colombia", zone: "America/Bogota",
      places: [
        Place("cauca", "Cauca"), Place("popayan", "Popayan", in: "cauca"),
        Place("antioquia", "Antioquia"), Place("medellin", "Medellin", in: "antioquia"),
      ],
      actors: ["Colombian government", "FARC negotiators", "ELN command", "UN mission"],
      groups: ["ELN units", "army patrols", "dissident fronts"],
      publications: ["El Tiempo", "Semana", "Reuters", "EFE"],
      routes: ["Pan-American Highway", "Via al Mar"]),
    CountryProfile(
      code: "mm", id: "myanmar", name: "Myanmar", zone: "Asia/Yangon",
      places: [
        Place("rakhine", "Rakhine State"), Place("sittwe", "Sittwe", in: "rakhine"),
        Place("kachin", "Kachin State"), Place("myitkyina", "Myitkyina", in: "kachin"),
      ],
      actors: ["Tatmadaw", "Arakan Army", "Kachin Independence Army", "UN envoy"],
      groups: ["army units", "ethnic armed groups", "militia"],
      publications: ["The Irrawaddy", "Myanmar Now", "Reuters", "AP"],
      routes: ["Sittwe-Yangon road", "Myitkyina-Bhamo road"]),
    CountryProfile(
      code: "sd", id: "sudan", name: "Sudan", zone: "Africa/Khartoum",
      places: [
        Place("north-darfur", "North Darfur"), Place("el-fasher", "El Fasher", in: "north-darfur"),
        Place("khartoum-state", "Khartoum state"),
        Place("khartoum", "Khartoum", in: "khartoum-state"),
      ],
      actors: ["Sudanese army", "Rapid Support Forces", "African Union mediators", "UN envoy"],
      groups: ["RSF fighters", "army aircraft", "armed men on camels"],
      publications: ["Sudan Tribune", "Radio Dabanga", "Reuters", "AFP"],
      routes: ["El Fasher-Mellit road", "Omdurman bridge"]),
    CountryProfile(
      code: "ht", id: "haiti", name: "Haiti", zone: "America/Port-au-Prince",
      places: [
        Place("ouest", "Ouest department"), Place("port-au-prince", "Port-au-Prince", in: "ouest"),
        Place("artibonite", "Artibonite"), Place("gonaives", "Gonaives", in: "artibonite"),
      ],
      actors: ["Haitian National Police", "G9 alliance", "BINUH", "transition council"],
      groups: ["gang members", "police units", "armed groups"],
      publications: ["Le Nouvelliste", "AlterPresse", "AP", "Reuters"],
      routes: ["Route Nationale 1", "Route Nationale 2"]),
    CountryProfile(
      code: "tr", id: "turkey", name: "Turkey", zone: "Europe/Istanbul",
      places: [
        Place("hatay", "Hatay"), Place("antakya", "Antakya", in: "hatay"),
        Place("sirnak", "Sirnak"), Place("cizre", "Cizre", in: "sirnak"),
      ],
      actors: ["Turkish army", "PKK command", "governor's office", "mediators"],
      groups: ["PKK militants", "security forces", "unidentified snipers"],
      publications: ["Anadolu", "Hurriyet", "Reuters", "Bianet"],
      routes: ["Cizre-Silopi road", "Antakya-Reyhanli road"]),
    CountryProfile(
      code: "np", id: "nepal", name: "Nepal", zone: "Asia/Kathmandu",
      places: [Place("rolpa", "Rolpa"), Place("liwang", "Liwang", in: "rolpa")],
      actors: ["Government of Nepal", "Maoist leadership", "peace secretariat"],
      groups: ["Maoist cadres", "Nepal Army"],
      publications: ["Kathmandu Post", "Himalayan Times", "AFP"],
      routes: ["Rapti Highway"]),
    CountryProfile(
      code: "ve", id: "venezuela", name: "Venezuela", zone: "America/Caracas",
      places: [Place("zulia", "Zulia"), Place("maracaibo", "Maracaibo", in: "zulia")],
      actors: ["Venezuelan government", "opposition coalition", "Norwegian facilitators"],
      groups: ["colectivos", "National Guard"],
      publications: ["El Nacional", "Efecto Cocuyo", "Reuters"],
      routes: ["Puente General Rafael Urdaneta"]),
    CountryProfile(
      code: "lb", id: "lebanon", name: "Lebanon", zone: "Asia/Beirut",
      places: [
        Place("south-lebanon", "South Lebanon"), Place("tyre", "Tyre", in: "south-lebanon"),
      ],
      actors: ["Lebanese army", "Hezbollah", "UNIFIL", "Israeli army"],
      groups: ["Israeli aircraft", "Hezbollah fighters"],
      publications: ["L'Orient-Le Jour", "Naharnet", "AFP"],
      routes: ["Coastal highway"]),
    CountryProfile(
      code: "cd", id: "dr-congo", name: "DR Congo", zone: "Africa/Kinshasa",
      places: [
        Place("north-kivu", "North Kivu", zone: "Africa/Lubumbashi"),
        Place("goma", "Goma", in: "north-kivu", zone: "Africa/Lubumbashi"),
        Place("kinshasa-prov", "Kinshasa province"),
      ],
      actors: ["Congolese army", "M23 spokesman", "MONUSCO", "East African Community"],
      groups: ["M23 fighters", "FARDC units", "Mai-Mai militia"],
      publications: ["Radio Okapi", "Actualite.cd", "Reuters"],
      routes: ["Goma-Sake road", "Rutshuru road"]),
    CountryProfile(
      code: "ye", id: "yemen", name: "Yemen", zone: "Asia/Aden",
      places: [Place("hodeidah-gov", "Hodeidah governorate"), Place("taiz", "Taiz")],
      actors: ["Saudi-led coalition", "Houthi leadership", "UN envoy"],
      groups: ["coalition aircraft", "Houthi fighters"],
      publications: ["Saba", "Al Masdar", "Reuters"],
      routes: ["Hodeidah-Sanaa road"]),
  ]
}
