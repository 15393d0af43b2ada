// Types of the newslens ES module. All offsets are UTF-16 code units: `text.slice(start, end)`.

/** [start, end) in UTF-16 code units. */
export type Span = [number, number];

export type Label = 'PER' | 'ORG' | 'LOC' | 'MISC';
export type MentionKind = 'name' | 'pronoun' | 'description';
export type ActorKind = 'person' | 'organisation' | 'place' | 'other';

export interface Entity {
  start: number;
  end: number;
  label: Label;
  text: string;
  /** Id of the actor this mention belongs to ("a0", ...). */
  actor: string | null;
}

export interface Quote {
  /** The span includes the quotation marks. */
  start: number;
  end: number;
  /** The source mention as written ("he", "Putin", "a spokesman"). */
  speaker: Span[] | null;
  speaker_text: string | null;
  speaker_kind: MentionKind | null;
  /** The cue ("said", "according to"). */
  cue: Span | null;
  actor: string | null;
  /** "unsure": a narrow ranker margin, a described speaker, a pronoun another name as near
   * could stand for, or no actor. */
  confidence: 'sure' | 'unsure';
  margin: number;
}

/** Direct or reported speech: who (source), the attributing words (cue), what (content). */
export interface Attribution {
  source: Span[];
  source_text: string | null;
  source_kind: MentionKind | null;
  /** For a relative-pronoun source ("who"), the name or noun phrase it stands for. */
  source_refers_to: string | null;
  cue: Span[];
  content: Span[];
  actor: string | null;
  /** Index into `quotes` when the content is a direct quotation; null for reported speech. */
  quote: number | null;
}

export interface Actor {
  id: string;
  name: string;
  kind: ActorKind;
  role: string | null;
  mentions: Span[];
  mention_kinds: MentionKind[];
  quotes: number;
}

export interface Analysis {
  entities: Entity[];
  quotes: Quote[];
  attributions: Attribution[];
  /** In salience order: quoted actors first. */
  actors: Actor[];
}

export type Stage = 'tokens' | 'entities' | 'quotes' | 'speakers' | 'reported' | 'actors';

export declare class Analyzer {
  private constructor();
  /** Load the wasm once (a browser fetches dist/newslens_bg.wasm, Node reads it) and the models. */
  static load(source?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<Analyzer>;
  analyze(text: string): Analysis;
  analyzeWithProgress(text: string, onProgress: (stage: Stage, fraction: number) => void): Analysis;
  static version(): string;
}
