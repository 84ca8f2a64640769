/** Import of PETRARCH-1, PETRARCH-2 (Phoenix) and TABARI dictionaries; formats in FORMATS.md. */
export type * from "./types.js";
export { loadForeignDictionaries } from "./load.js";
export { parseActorFile, parseActorCode } from "./actors.js";
export { parseAgentFile } from "./agents.js";
export { parseVerbFile, parseTransformation, splitEventCode } from "./verbs.js";
export { parsePatternSide } from "./patterns.js";
export { parseDiscardFile } from "./discards.js";
export { parseIssueFile, expandIssuePhrase } from "./issues.js";
export { parseConfig } from "./config.js";
export { kindFromName, kindFromContent, formatFromContent } from "./sniff.js";
export { parseDictionaryDate, parsePhrase, regularPlural } from "./phrase.js";
