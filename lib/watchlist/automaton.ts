/**
 * The Aho–Corasick automaton of a watchlist's folded forms: a trie with
 * failure links, flattened into typed arrays, and (for any realistic
 * watchlist) the complete transition table, so that a scan reads one array
 * entry per character whatever the number of terms.
 */

export interface Automaton {
  /** Code unit → symbol class (0 = appears in no form, so the scan restarts at the root). */
  classOf: Uint16Array;
  /** Root transitions by class (0 = stay at root). */
  rootNext: Int32Array;
  /** Trie edges of node s: edgeClass/edgeTarget[edgeStart[s] .. edgeStart[s + 1]). */
  edgeStart: Int32Array;
  edgeClass: Uint16Array;
  edgeTarget: Int32Array;
  fail: Int32Array;
  /** The node itself when a form ends there, else the nearest failure-chain node where one does; -1 none. */
  firstOutput: Int32Array;
  /** From an output node, the next output node down its failure chain; -1 none. */
  nextOutput: Int32Array;
  /** Form ending at an output node (-1 elsewhere). */
  formAt: Int32Array;
  /**
   * The complete transition table, failures folded in. A state is named by its
   * row, node × classCount: rows[row + cls] is the next state's row, bitwise
   * negated (~row) when a form ends there. So a scan reads one entry per
   * character and learns at once whether to collect matches. Left out (null)
   * for a huge watchlist, whose table would cost too much memory: see nextRow.
   */
  rows: Int32Array | null;
  classCount: number;
}

/** Largest transition table built, in entries (4 bytes each): 16 MB. */
export const DEFAULT_DENSE_LIMIT = 4_000_000;

/**
 * Builds the automaton of the folded forms; a form's id is its index. The
 * complete transition table is built unless it would exceed `denseLimit` entries.
 */
export function buildAutomaton(forms: readonly string[], denseLimit: number = DEFAULT_DENSE_LIMIT): Automaton {
  const classOf = new Uint16Array(0x10000);
  // Classes in code unit order: ASCII letters, digits and the space come first,
  // so the entries a Latin page reads lie together at the start of each row.
  const codes = new Set<number>();
  for (const form of forms) for (let k = 0; k < form.length; k++) codes.add(form.charCodeAt(k));
  let classCount = 1;
  for (const code of [...codes].sort((a, b) => a - b)) classOf[code] = classCount++;
  // Trie with Map children while building; flattened into typed arrays after.
  const children: Map<number, number>[] = [new Map()];
  const formAtList: number[] = [-1];
  forms.forEach((form, formId) => {
    let node = 0;
    for (let k = 0; k < form.length; k++) {
      const cls = classOf[form.charCodeAt(k)]!;
      let next = children[node]!.get(cls);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        formAtList.push(-1);
        children[node]!.set(cls, next);
      }
      node = next;
    }
    formAtList[node] = formId;
  });

  const nodeCount = children.length;
  const edgeStart = new Int32Array(nodeCount + 1);
  let edgeCount = 0;
  for (let s = 0; s < nodeCount; s++) {
    edgeStart[s] = edgeCount;
    edgeCount += children[s]!.size;
  }
  edgeStart[nodeCount] = edgeCount;
  const edgeClass = new Uint16Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  for (let s = 0; s < nodeCount; s++) {
    let e = edgeStart[s]!;
    for (const [cls, target] of children[s]!) {
      edgeClass[e] = cls;
      edgeTarget[e] = target;
      e++;
    }
  }
  const rootNext = new Int32Array(classCount);
  for (const [cls, target] of children[0]!) rootNext[cls] = target;

  const formAt = Int32Array.from(formAtList);
  const fail = new Int32Array(nodeCount);
  const firstOutput = new Int32Array(nodeCount).fill(-1);
  const nextOutput = new Int32Array(nodeCount).fill(-1);
  // Breadth-first, so every node's failure target is finished before the node.
  const queue: number[] = [];
  for (const target of children[0]!.values()) {
    fail[target] = 0;
    queue.push(target);
  }
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    const failOut = firstOutput[fail[s]!]!;
    nextOutput[s] = failOut;
    firstOutput[s] = formAt[s]! >= 0 ? s : failOut;
    for (const [cls, target] of children[s]!) {
      let f = fail[s]!;
      let next = -1;
      for (;;) {
        const candidate = children[f]!.get(cls);
        if (candidate !== undefined) {
          next = candidate;
          break;
        }
        if (f === 0) break;
        f = fail[f]!;
      }
      fail[target] = next < 0 ? 0 : next;
      queue.push(target);
    }
  }
  let rows: Int32Array | null = null;
  if (nodeCount * classCount <= denseLimit) {
    rows = new Int32Array(nodeCount * classCount);
    rows.set(rootNext, 0);
    // Breadth-first again: a node's row starts as its failure node's row, already complete.
    for (const s of queue) {
      const f = fail[s]!;
      rows.copyWithin(s * classCount, f * classCount, f * classCount + classCount);
      for (const [cls, target] of children[s]!) rows[s * classCount + cls] = target;
    }
    // Node ids → rows, negated where a form ends (the root, row 0, ends none).
    for (let k = 0; k < rows.length; k++) rows[k] = rowOf(firstOutput, classCount, rows[k]!);
  }
  return { classOf, rootNext, edgeStart, edgeClass, edgeTarget, fail, firstOutput, nextOutput, formAt, rows, classCount };
}

function rowOf(firstOutput: Int32Array, classCount: number, node: number): number {
  const row = node * classCount;
  return firstOutput[node]! >= 0 ? ~row : row;
}

/** One transition without the table: trie edges, falling back along failure links. */
function sparseStep(automaton: Automaton, from: number, cls: number): number {
  const { rootNext, edgeStart, edgeClass, edgeTarget, fail } = automaton;
  for (let state = from; ; state = fail[state]!) {
    if (state === 0) return rootNext[cls]!;
    for (let e = edgeStart[state]!, stop = edgeStart[state + 1]!; e < stop; e++) {
      if (edgeClass[e] === cls) return edgeTarget[e]!;
    }
  }
}

/** rows[row + cls], read from the table or, for a huge watchlist, worked out from the trie. */
export function nextRow(automaton: Automaton, row: number, cls: number): number {
  if (automaton.rows !== null) return automaton.rows[row + cls]!;
  return rowOf(automaton.firstOutput, automaton.classCount, sparseStep(automaton, row / automaton.classCount, cls));
}
