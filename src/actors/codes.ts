import { readFileSync } from "node:fs";
import { dataPath } from "../paths.js";

/**
 * Splits a CAMEO actor code ("USAMILREB", "IGOUNOKID", "NGOCHRCTHDEV") into the attribute columns
 * GDELT publishes for each actor (CountryCode, KnownGroupCode, EthnicCode, Religion1/2Code,
 * Type1/2/3Code).
 *
 * CAMEO codes are concatenated three-letter chunks, general to specific (CAMEO manual 1.1b3,
 * chapter 3). A chunk's meaning depends on which vocabulary it belongs to, not on a fixed
 * position, so each chunk is looked up in turn; chunks that belong to no vocabulary (domestic
 * regions such as TURSOE's "SOE", party codes such as ISRGOVLKD's "LKD") are left out of the
 * breakdown, as GDELT does — the full code is always kept in `code`.
 */
export interface ActorCodeParts {
  /** The full code, upper-cased. */
  code: string;
  /** Country or international region (CAMEO puts regions such as "AFR", "WST" in the country slot). */
  country: string;
  /** Organisation with its own CAMEO code (UNO, NAT, HMS, ...): the most specific one in the code. */
  knownGroup: string;
  ethnic: string;
  /** Religion, then denomination ("CHRCTH" gives CHR and CTH), as in GDELT. */
  religion1: string;
  religion2: string;
  /** Role codes in code order (GOV, MIL, REB, ... and the generic IGO, NGO, MNC, ...). */
  type1: string;
  type2: string;
  type3: string;
}

/** The chunk vocabularies `parseActorCode` classifies with; callers may extend or replace them. */
export interface ActorCodeVocabulary {
  /** Codes valid in the country slot besides the countries: CAMEO's international regions. */
  regions: ReadonlySet<string>;
  knownGroups: ReadonlySet<string>;
  religions: ReadonlySet<string>;
  types: ReadonlySet<string>;
  ethnic: ReadonlySet<string>;
}

function codeSet(codes: string): ReadonlySet<string> {
  return new Set(codes.split(/\s+/).filter((code) => code.length > 0));
}

/** International region codes (CAMEO manual table 3.3); GDELT lists them with the countries. */
export const REGION_CODES: ReadonlySet<string> = codeSet(`
  AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS SEA SAF WAF WST
`);

/**
 * Role ("type") codes, as in GDELT's CAMEO type lookup: the domestic primary, secondary and
 * tertiary roles (CAMEO manual table 3.1), the international generics (table 3.2), peacekeepers
 * and settlers. GDELT's type list also carries UNO, AMN, IRC and GRP; here those are known groups.
 */
export const TYPE_CODES: ReadonlySet<string> = codeSet(`
  COP GOV INS JUD MIL OPP REB SEP SPY UAF
  AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF
  MOD RAD
  IGO IMG INT MNC NGM NGO UIS
  PKO SET
`);

/**
 * Religion codes: the named religions and families (CAMEO manual table 4.1), the common
 * denominations GDELT codes as Religion2 (Catholic, Protestant, Orthodox, Sunni, Shia, ...), and
 * MUS, the older spelling of Islam that the Phoenix dictionaries still use.
 */
export const RELIGION_CODES: ReadonlySet<string> = codeSet(`
  ATH BAH BUD CHR CON HIN JAN JEW MOS SHN SIK TAO
  ABR ADR EAR INR IRR ITR NRM
  CTH PRO DOX CPT MRN LDS JHW
  SUN SHI SFI ALE DRZ
  HSD UDX
  ZRO PAG MUS
`);

/**
 * Organisations with their own CAMEO code (CAMEO manual table 3.4, plus the armed groups that
 * the Phoenix dictionaries give special codes). UNO is here rather than among the types so that
 * "IGOUNO" reads as type IGO + known group UNO.
 */
export const KNOWN_GROUP_CODES: ReadonlySet<string> = codeSet(`
  UNO KID FAO HCH HCR WBK WFP WHO ILO IAE ICJ WCT
  AFB ABD BCA CEM CSS ATD UEM ECA WAS CFA IAC IAD NEP OAU AFU PAP SAD WAD WAM EAC
  ACC AEU ARL AMU AMF GCC APE
  ADB ASN CIS COE SCE EBR EFT EEC SAA SOT WEU
  AMN CPC BIS CPA CWN GOE GOS GSS HIP HRW ICO JUR ICC ICG FID CRC IGC IHF IMF IOM IPU ITP IDB
  MSF NAT OAS OIC NON OPC XFM PRC IRC RCR WEF WTO GRP
  ALQ ASF JMA TAL HEZ HMS PLO PKK LRA IRA FLN
`);

/**
 * Ethnic-group codes of the older CAMEO actor dictionaries (ethnic Albanians, Arabs, Croats, Roma,
 * Hutu, Kurds, Tamils, Tutsi, Uighurs). CAMEO's later ethnic scheme has ~600 lower-case codes;
 * pass a larger set in `vocabulary` to use it.
 */
export const ETHNIC_CODES: ReadonlySet<string> = codeSet(`
  ABN ARB CRO GYP HUT KUR TAM TUT UIG
`);

export const DEFAULT_ACTOR_VOCABULARY: ActorCodeVocabulary = {
  regions: REGION_CODES,
  knownGroups: KNOWN_GROUP_CODES,
  religions: RELIGION_CODES,
  types: TYPE_CODES,
  ethnic: ETHNIC_CODES,
};

/**
 * Decomposes a CAMEO actor code into GDELT's actor attribute fields.
 *
 * Rules, applied to each three-letter chunk in order:
 * 1. the first chunk is the country when it is a country or region code ("RUSGOV");
 * 2. a known-group chunk sets the known group — a later one replaces an earlier one, so the most
 *    specific organisation wins ("IGOUNOKID" gives KID, UNICEF, rather than UNO);
 * 3. religion chunks fill Religion1 then Religion2; role chunks fill Type1..Type3;
 * 4. a country or region code after the first chunk sets the country if none is set yet, the
 *    country affiliation of an international actor ("MNCUSA", "NGOUSAHRI", "IGOWSTNAT");
 * 5. an ethnic chunk sets the ethnic code if none is set yet;
 * 6. anything else (domestic regions, party codes, surplus roles) is dropped from the breakdown.
 */
export function parseActorCode(
  code: string,
  countryCodes: ReadonlySet<string>,
  vocabulary: ActorCodeVocabulary = DEFAULT_ACTOR_VOCABULARY,
): ActorCodeParts {
  const full = code.trim().toUpperCase();
  const parts: ActorCodeParts = {
    code: full,
    country: "",
    knownGroup: "",
    ethnic: "",
    religion1: "",
    religion2: "",
    type1: "",
    type2: "",
    type3: "",
  };
  const isCountry = (chunk: string): boolean => countryCodes.has(chunk) || vocabulary.regions.has(chunk);

  chunksOf(full).forEach((chunk, index) => {
    if (index === 0 && isCountry(chunk)) {
      parts.country = chunk;
    } else if (vocabulary.knownGroups.has(chunk)) {
      parts.knownGroup = chunk;
    } else if (vocabulary.religions.has(chunk)) {
      if (parts.religion1 === "") parts.religion1 = chunk;
      else if (parts.religion2 === "") parts.religion2 = chunk;
    } else if (vocabulary.types.has(chunk)) {
      if (parts.type1 === "") parts.type1 = chunk;
      else if (parts.type2 === "") parts.type2 = chunk;
      else if (parts.type3 === "") parts.type3 = chunk;
    } else if (isCountry(chunk)) {
      if (parts.country === "") parts.country = chunk;
    } else if (vocabulary.ethnic.has(chunk)) {
      if (parts.ethnic === "") parts.ethnic = chunk;
    }
  });
  return parts;
}

/** Three-letter chunks of a code; a malformed tail shorter than three letters is ignored. */
function chunksOf(code: string): string[] {
  const chunks: string[] = [];
  for (let start = 0; start + 3 <= code.length; start += 3) {
    const chunk = code.slice(start, start + 3);
    if (/^[A-Z]{3}$/.test(chunk)) chunks.push(chunk);
  }
  return chunks;
}

/** `data/actors/countries.tsv`: tab-separated, `#` comments, a header line, country code first. */
export const COUNTRIES_FILE = "actors/countries.tsv";

const countryCodeCache = new Map<string, ReadonlySet<string>>();

/**
 * The CAMEO country codes: the first column of the countries table. Reads
 * `data/actors/countries.tsv` unless `path` is given; results are cached per path.
 */
export function loadCountryCodes(path: string = dataPath(COUNTRIES_FILE)): ReadonlySet<string> {
  const cached = countryCodeCache.get(path);
  if (cached !== undefined) return cached;

  const codes = new Set<string>();
  let sawHeader = false;
  for (const rawLine of readFileSync(path, "utf8").split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#")) continue;
    const first = (rawLine.split("\t")[0] ?? "").trim();
    if (!sawHeader) {
      // The header names the columns; refusing a file without one catches a wrong path early.
      if (first.toLowerCase() !== "code") {
        throw new Error(`${path}: expected a header line starting with "code", found "${first}"`);
      }
      sawHeader = true;
      continue;
    }
    if (first !== "") codes.add(first.toUpperCase());
  }
  countryCodeCache.set(path, codes);
  return codes;
}

/** The country (or region) of an actor code, "" when it has none ("IGOUNO", "REB"). */
export function countryOf(code: string, countryCodes: ReadonlySet<string> = loadCountryCodes()): string {
  return parseActorCode(code, countryCodes).country;
}
