/**
 * What grouping and related stories found, kept between builds so a rebuild that changed a few articles
 * places them in the last build's stories and lists (update-relations.ts) rather than grouping and relating
 * the whole corpus again. In group space: groups are numbered, and candidate rows and related lists name
 * groups (each group's lead copy stands for it). Term ids are the state's vocabulary's; the term weights
 * (IDF) are the last full build's.
 *
 * One file: a 4-byte header length, the header (JSON: the numbers and the places of the rest), then the
 * typed arrays, each 8-byte aligned, then the string lists as lines. Written aside and renamed over
 * (replace-file.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { ReadAhead } from '../read-ahead.ts';
import { readLargeFileSync } from '../read-large-file.ts';
import { replaceFileWith } from '../replace-file.ts';
import { hashSourcesReached, modulesIn } from '../source-version.ts';

/** Vectors in compressed rows: row r is ids/weights[offsets[r]] … [offsets[r + 1] - 1], sorted by id. */
export interface VectorRows {
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/**
 * Compressed rows as the state saves them without joining them first: the ids and weights in pieces
 * that, one after another, are the rows' (PatchedRows.toPieces).
 */
export interface RowsInPieces {
  readonly offsets: Int32Array;
  readonly ids: readonly Int32Array[];
  readonly weights: readonly Float64Array[];
}

/** Vectors (ids sorted, weights normalised) as compressed rows, one per vector. */
export function vectorRows(
  vectors: readonly { readonly ids: Int32Array; readonly weights: Float64Array }[],
): VectorRows {
  const offsets = new Int32Array(vectors.length + 1);
  vectors.forEach((v, r) => (offsets[r + 1] = (offsets[r] ?? 0) + v.ids.length));
  const total = offsets[vectors.length] ?? 0;
  const ids = new Int32Array(total);
  const weights = new Float64Array(total);
  vectors.forEach((v, r) => {
    ids.set(v.ids, offsets[r] ?? 0);
    weights.set(v.weights, offsets[r] ?? 0);
  });
  return { offsets, ids, weights };
}

export interface RelateState {
  /** Articles at the last full build: the N of its term weights. */
  readonly baseArticles: number;
  /** Articles changed, added or removed since the last full build (the weights grow stale with them). */
  readonly drift: number;
  /** How many related articles each list holds (slots per group in `related`). */
  readonly relatedCount: number;
  /** Articles in corpus order: id and extraction key. */
  readonly articleIds: readonly string[];
  readonly articleKeys: readonly string[];
  /** Each article's group. */
  readonly groupOf: Int32Array;
  /** Each article's grouping vector (its strongest terms, plain IDF). */
  readonly groupVectors: VectorRows;
  /** Each group's lead article id and its related-stories vector (damped IDF). */
  readonly leadIds: readonly string[];
  readonly relatedVectors: VectorRows;
  /** Each group's best candidates by cosine, RERANK slots each (-1 where fewer), for the shared-neighbour rerank. */
  readonly candidates: { readonly neighbours: Int32Array; readonly cosines: Float64Array };
  /** Each group's related groups: relatedCount slots (-1 where fewer), scores, EXPLAIN_TERMS term ids per slot. */
  readonly related: { readonly neighbours: Int32Array; readonly scores: Float64Array; readonly terms: Int32Array };
  /** Term text, its display form and document frequency, by term id. */
  readonly vocabulary: readonly string[];
  readonly displayForms: readonly string[];
  readonly documentFrequency: Int32Array;
}

/** A state to save: the same as one loaded, but for vector rows that may come in pieces. */
export type StateToSave = Omit<RelateState, 'groupVectors' | 'relatedVectors'> & {
  readonly groupVectors: VectorRows | RowsInPieces;
  readonly relatedVectors: VectorRows | RowsInPieces;
};

/** Hash of grouping and related stories' code: a state made by other code is not used. */
export function relateVersion(): string {
  return hashSourcesReached(createHash('sha256'), relateSources()).digest('hex').slice(0, 16);
}

/** Grouping and related stories' modules: this folder's, and what they import (source-version.ts). */
export function relateSources(): URL[] {
  return modulesIn(new URL('./', import.meta.url));
}

const LIST_NAMES = ['articleIds', 'articleKeys', 'leadIds', 'vocabulary', 'displayForms'] as const;
type ListName = (typeof LIST_NAMES)[number];

/**
 * The lists as the file's block of lines holds them: each string then a line break, written string by
 * string into one buffer (joining 320k strings into one text and encoding it cost three times as long).
 */
function linesOf(lists: Record<ListName, readonly string[]>): { block: Buffer; counts: Record<ListName, number> } {
  const counts = {} as Record<ListName, number>;
  let most = 0;
  for (const name of LIST_NAMES) for (const text of lists[name]) most += text.length * 3 + 1;
  const block = Buffer.allocUnsafe(most);
  let at = 0;
  for (const name of LIST_NAMES) {
    const list = lists[name];
    for (const text of list) {
      if (text.includes('\n')) throw new Error(`relate state: a string of ${name} holds a line break`);
      at += block.write(text, at);
      block[at++] = 0x0a;
    }
    counts[name] = list.length;
  }
  return { block: block.subarray(0, at), counts };
}

/** The lists back from the block of lines. */
function listsOf(block: Buffer, counts: Record<ListName, number>): Record<ListName, string[]> {
  const all = block.toString('utf8').split('\n');
  const lists = {} as Record<ListName, string[]>;
  let at = 0;
  for (const name of LIST_NAMES) {
    const count = counts[name];
    // The text ends with a line break: the last piece of the split is the empty rest after it.
    if (!Number.isInteger(count) || count < 0 || at + count > all.length - 1) {
      throw new Error(`relate state: ${name} runs past the end`);
    }
    lists[name] = all.slice(at, at + count);
    at += count;
  }
  if (at !== all.length - 1) throw new Error('relate state: the string lists hold more than their counts');
  return lists;
}

type ArrayName =
  | 'groupOf'
  | 'groupOffsets'
  | 'groupIds'
  | 'groupWeights'
  | 'relatedOffsets'
  | 'relatedIds'
  | 'relatedWeights'
  | 'candidateNeighbours'
  | 'candidateCosines'
  | 'relatedNeighbours'
  | 'relatedScores'
  | 'relatedTerms'
  | 'documentFrequency';

interface Header {
  readonly version: string;
  /** Made anew by each save: names the build that saved the state (see `savedToken`). */
  readonly token?: string;
  readonly baseArticles: number;
  readonly drift: number;
  readonly relatedCount: number;
  /**
   * The string lists one after another in a block of UTF-8 lines after the arrays (none holds a line break:
   * ids are slugs, keys hex, terms words), its place, and how many strings each list has. Kept out of the
   * JSON: at 100k articles its 12 MB took a rebuild 0.6 s to join, quote and encode. Display forms are ""
   * where the same as the term.
   */
  readonly lines: { readonly at: number; readonly bytes: number };
  readonly lineCounts: Record<ListName, number>;
  readonly arrays: Record<ArrayName, { kind: 'i32' | 'f64'; at: number; length: number }>;
}

const FLOAT_ARRAYS: ReadonlySet<ArrayName> = new Set<ArrayName>([
  'groupWeights',
  'relatedWeights',
  'candidateCosines',
  'relatedScores',
]);

type Saved = Int32Array | Float64Array | readonly Int32Array[] | readonly Float64Array[];

function arraysOf(state: StateToSave): Record<ArrayName, Saved> {
  return {
    groupOf: state.groupOf,
    groupOffsets: state.groupVectors.offsets,
    groupIds: state.groupVectors.ids,
    groupWeights: state.groupVectors.weights,
    relatedOffsets: state.relatedVectors.offsets,
    relatedIds: state.relatedVectors.ids,
    relatedWeights: state.relatedVectors.weights,
    candidateNeighbours: state.candidates.neighbours,
    candidateCosines: state.candidates.cosines,
    relatedNeighbours: state.related.neighbours,
    relatedScores: state.related.scores,
    relatedTerms: state.related.terms,
    documentFrequency: state.documentFrequency,
  };
}

/** An array to save as the pieces it is written from. */
function piecesOf(saved: Saved): readonly (Int32Array | Float64Array)[] {
  return saved instanceof Int32Array || saved instanceof Float64Array ? [saved] : saved;
}

const STATE_FILE = 'state.bin';

/** The relate state of the last build, in a cache folder. */
export class RelateStateStore {
  private readonly file: string;

  constructor(
    private readonly folder: string,
    private readonly version: string = relateVersion(),
  ) {
    this.file = join(folder, STATE_FILE);
  }

  /**
   * A new name for each state saved, and the name of the state loaded: a build's output record keeps the
   * token of the state the build saved, so the next build knows whether the state it updates from is the
   * one the output it finds was made with (output-inputs.ts).
   */
  savedToken: string | undefined;
  loadedToken: string | undefined;

  /** Writes of this store still going on: `settled` awaits them. */
  private writing: Promise<void> = Promise.resolve();

  /**
   * Saves the state: the file is made now and written in the background (a hundred MB or more at 100k
   * articles), while the build goes on; `settled` awaits the write.
   */
  save(state: StateToSave): void {
    const arrays = arraysOf(state);
    const places = {} as Header['arrays'];
    let at = 0;
    for (const [name, saved] of Object.entries(arrays) as [ArrayName, Saved][]) {
      const pieces = piecesOf(saved);
      const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
      const kind = FLOAT_ARRAYS.has(name) ? 'f64' : 'i32';
      places[name] = { kind, at, length };
      at += Math.ceil((length * (kind === 'i32' ? 4 : 8)) / 8) * 8;
    }
    this.savedToken = randomUUID();
    const { block, counts } = linesOf({
      articleIds: state.articleIds,
      articleKeys: state.articleKeys,
      leadIds: state.leadIds,
      vocabulary: state.vocabulary,
      displayForms: state.displayForms.map((form, t) => (form === state.vocabulary[t] ? '' : form)),
    });
    const header: Header = {
      version: this.version,
      token: this.savedToken,
      baseArticles: state.baseArticles,
      drift: state.drift,
      relatedCount: state.relatedCount,
      lines: { at, bytes: block.length },
      lineCounts: counts,
      arrays: places,
    };
    const headerBytes = Buffer.from(JSON.stringify(header));
    const start = Math.ceil((4 + headerBytes.length) / 8) * 8;
    const head = Buffer.alloc(start);
    head.writeUInt32LE(headerBytes.length, 0);
    headerBytes.copy(head, 4);
    mkdirSync(this.folder, { recursive: true });
    // The arrays are written from where they are, one after another: a copy of the whole file would add
    // its size (195 MB at 100k articles) to the build's peak memory.
    const padding = new Uint8Array(8);
    const written = this.writing.then(() =>
      replaceFileWith(this.file, async (file) => {
        const writeAll = async (bytes: Uint8Array) => {
          for (let done = 0; done < bytes.length;) done += (await file.write(bytes, done)).bytesWritten;
        };
        await writeAll(head);
        for (const saved of Object.values(arrays)) {
          let bytes = 0;
          for (const piece of piecesOf(saved)) {
            await writeAll(new Uint8Array(piece.buffer, piece.byteOffset, piece.byteLength));
            bytes += piece.byteLength;
          }
          await writeAll(padding.subarray(0, Math.ceil(bytes / 8) * 8 - bytes));
        }
        await writeAll(block);
      }),
    );
    // A failed write is reported by `settled`, not as an unhandled rejection while the build goes on.
    written.catch(() => {});
    this.writing = written;
  }

  /** Resolves when every save has been written; rejects with the first write that failed. */
  settled(): Promise<void> {
    return this.writing;
  }

  /**
   * Whether a state file is there that this code made, told from its first bytes (the header names the
   * version first): a build reads ahead only such a state. After an edit to the relate code the last
   * state is not used, and reading its 195 MB (at 100k articles) on the second core would slow the
   * extraction workers beside it for nothing.
   */
  madeByThisCode(): boolean {
    const expected = Buffer.from(`{"version":${JSON.stringify(this.version)},`);
    let fd: number;
    try {
      fd = openSync(this.file, 'r');
    } catch {
      return false;
    }
    try {
      const head = Buffer.alloc(4 + expected.length);
      return readSync(fd, head, 0, head.length, 0) === head.length && head.subarray(4).equals(expected);
    } finally {
      closeSync(fd);
    }
  }

  /** The file being read on another thread, for `load`. */
  private ahead: ReadAhead | undefined;

  /**
   * Starts reading the last build's state on another thread (read-ahead.ts), for `load` to take up: a
   * build calls this at its start, as the state is needed only after reading and extraction.
   */
  readAhead(): void {
    this.ahead ??= new ReadAhead(this.file);
  }

  /** Lets go of a read-ahead `load` did not take up (the build related in full without the state). */
  dropReadAhead(): void {
    this.ahead = undefined;
  }

  /** The last build's state, or undefined when there is none, it is unreadable or other code made it. */
  async load(): Promise<RelateState | undefined> {
    const ahead = this.ahead;
    this.ahead = undefined;
    let file: Buffer;
    try {
      file = ahead === undefined ? readLargeFileSync(this.file) : await ahead.read();
    } catch {
      return undefined;
    }
    return this.parse(file);
  }

  private parse(file: Buffer): RelateState | undefined {
    try {
      const length = file.readUInt32LE(0);
      const header = JSON.parse(file.subarray(4, 4 + length).toString('utf8')) as Header;
      if (header.version !== this.version) return undefined;
      const start = Math.ceil((4 + length) / 8) * 8;
      const { at: linesAt, bytes: linesBytes } = header.lines;
      if (start + linesAt + linesBytes > file.length) throw new Error('relate state: the lines run past the end');
      const lists = listsOf(file.subarray(start + linesAt, start + linesAt + linesBytes), header.lineCounts);
      // Views into the file's buffer, which readLargeFileSync gives it whole from offset 0: the arrays,
      // placed 8-byte aligned, are read in place.
      const array = (name: ArrayName) => {
        const { kind, at, length: count } = header.arrays[name];
        const bytes = count * (kind === 'i32' ? 4 : 8);
        if (start + at + bytes > file.length) throw new Error(`relate state: ${name} runs past the end`);
        const [buffer, offset] = [file.buffer, file.byteOffset + start + at];
        return kind === 'i32' ? new Int32Array(buffer, offset, count) : new Float64Array(buffer, offset, count);
      };
      const ints = (name: ArrayName) => {
        const a = array(name);
        if (!(a instanceof Int32Array)) throw new Error(`relate state: ${name} is not Int32`);
        return a;
      };
      const floats = (name: ArrayName) => {
        const a = array(name);
        if (!(a instanceof Float64Array)) throw new Error(`relate state: ${name} is not Float64`);
        return a;
      };
      const state: RelateState = {
        baseArticles: header.baseArticles,
        drift: header.drift,
        relatedCount: header.relatedCount,
        articleIds: lists.articleIds,
        articleKeys: lists.articleKeys,
        groupOf: ints('groupOf'),
        groupVectors: { offsets: ints('groupOffsets'), ids: ints('groupIds'), weights: floats('groupWeights') },
        leadIds: lists.leadIds,
        relatedVectors: { offsets: ints('relatedOffsets'), ids: ints('relatedIds'), weights: floats('relatedWeights') },
        candidates: { neighbours: ints('candidateNeighbours'), cosines: floats('candidateCosines') },
        related: {
          neighbours: ints('relatedNeighbours'),
          scores: floats('relatedScores'),
          terms: ints('relatedTerms'),
        },
        vocabulary: lists.vocabulary,
        displayForms: lists.displayForms.map((form, t) => (form === '' ? (lists.vocabulary[t] ?? '') : form)),
        documentFrequency: ints('documentFrequency'),
      };
      this.loadedToken = header.token;
      return state;
    } catch {
      return undefined;
    }
  }
}
