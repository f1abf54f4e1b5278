/** Clustering scores against a ground truth: B-cubed and pairwise precision, recall and F1. */

export interface ClusterScores {
  readonly b3Precision: number;
  readonly b3Recall: number;
  readonly b3F1: number;
  readonly pairPrecision: number;
  readonly pairRecall: number;
  readonly pairF1: number;
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** `predicted` and `truth` map each item to its cluster label; items missing from `predicted` are singletons. */
export function clusterScores(
  predicted: ReadonlyMap<string, string>,
  truth: ReadonlyMap<string, string>,
): ClusterScores {
  const items = [...truth.keys()];
  const label = (item: string): string => predicted.get(item) ?? `singleton:${item}`;
  const clusterSize = new Map<string, number>();
  const classSize = new Map<string, number>();
  const both = new Map<string, number>();
  for (const item of items) {
    const c = label(item);
    const t = truth.get(item) ?? '';
    clusterSize.set(c, (clusterSize.get(c) ?? 0) + 1);
    classSize.set(t, (classSize.get(t) ?? 0) + 1);
    both.set(`${c}\u0000${t}`, (both.get(`${c}\u0000${t}`) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (const item of items) {
    const c = label(item);
    const t = truth.get(item) ?? '';
    const n = both.get(`${c}\u0000${t}`) ?? 0;
    p += n / (clusterSize.get(c) ?? 1);
    r += n / (classSize.get(t) ?? 1);
  }
  const pairs = (n: number): number => (n * (n - 1)) / 2;
  let sameBoth = 0;
  for (const n of both.values()) sameBoth += pairs(n);
  let sameCluster = 0;
  for (const n of clusterSize.values()) sameCluster += pairs(n);
  let sameClass = 0;
  for (const n of classSize.values()) sameClass += pairs(n);
  const b3Precision = p / items.length;
  const b3Recall = r / items.length;
  const pairPrecision = sameCluster === 0 ? 1 : sameBoth / sameCluster;
  const pairRecall = sameClass === 0 ? 1 : sameBoth / sameClass;
  return {
    b3Precision,
    b3Recall,
    b3F1: f1(b3Precision, b3Recall),
    pairPrecision,
    pairRecall,
    pairF1: f1(pairPrecision, pairRecall),
  };
}
