/**
 * CAMEO codes statements of intention separately from the acts themselves: "wants to rejoin the
 * deal" is 03x (express intent to cooperate), "threatens to attack" is 13x (threaten). These tables
 * map the code an act would get to the code its intention gets, most specific prefix first.
 */
const INTENT_BY_PREFIX: ReadonlyArray<readonly [string, string]> = [
  ["061", "0311"], ["062", "0312"], ["063", "0313"], ["064", "0314"],
  ["071", "0331"], ["072", "0332"], ["073", "0333"], ["074", "0334"],
  ["057", "030"], ["056", "037"], ["04", "036"], ["05", "032"], ["06", "031"], ["07", "033"], ["08", "035"],
  ["14", "133"], ["15", "138"], ["161", "1313"], ["163", "1312"], ["16", "131"], ["17", "137"], ["18", "1383"],
  ["193", "1384"], ["19", "138"], ["20", "1385"],
];

/** Threats: "threatens to impose sanctions" → 1312 whatever root the act has. */
const THREAT_BY_PREFIX: ReadonlyArray<readonly [string, string]> = [
  ["163", "1312"], ["161", "1313"], ["16", "131"], ["17", "137"], ["18", "1383"], ["193", "1384"], ["20", "1385"], ["19", "138"], ["15", "138"], ["14", "133"],
];

function lookup(table: ReadonlyArray<readonly [string, string]>, code: string): string | undefined {
  return table.find(([prefix]) => code.startsWith(prefix))?.[1];
}

/** The code for an intention to do `code`; undefined when the act is itself verbal (01–03, 09–13). */
export function intentCode(code: string): string | undefined {
  return lookup(INTENT_BY_PREFIX, code);
}

export function threatCode(code: string): string {
  return lookup(THREAT_BY_PREFIX, code) ?? "130";
}

/** Refusals: "refused to meet" is 125, "refused to cooperate" 121, otherwise 120 (reject). */
const REFUSAL_BY_PREFIX: ReadonlyArray<readonly [string, string]> = [["04", "125"], ["06", "121"], ["07", "122"], ["08", "123"], ["05", "120"]];

export function refusalCode(code: string): string {
  return lookup(REFUSAL_BY_PREFIX, code) ?? "120";
}
