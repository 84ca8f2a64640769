/** Why a verb group did or did not become an event: the material of `--explain`. */
export interface EventDecision {
  sentence: number;
  /** Index in doc.verbGroups. */
  verbGroup: number;
  /** The verb group's text. */
  verb: string;
  /** Number of events coded from this verb group (0 when not coded). */
  events: number;
  /** One line: the pattern that fired, or why none did. */
  reason: string;
}
