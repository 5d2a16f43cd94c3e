/**
 * Phrase patterns of one language for the aggressiveness analyzer, matched on folded text.
 */
export interface PatternSet {
  /** Modal + harm verb aimed at someone, doxxing hints, "you'll regret it". Toxic. */
  threat: RegExp[];
  /** Incitement to self-harm ("suicide-toi", "kys"). Toxic. */
  selfHarm: RegExp[];
  /** Direct hostility aimed at the reader: "ferme ta gueule", "go back to…". Aggressive. */
  harassment: RegExp[];
  /** Exasperation without a target: "j'en ai marre". Mild. */
  hostility: RegExp[];
}
