// Agreement between the grader and an interviewer on answers the interviewer scored by hand:
// Spearman rank correlation, mean absolute difference, pass/fail agreement and the worst
// disagreements. The benchmark, the agreement test and admin validation all use this one measure.
// Pure: no I/O, so admin validation can use it in the web process.
import { DEFAULT_PASS_SCORE } from './is-written-pass';

export type Pair = { id: string; expert: number; score: number; why: string; style?: string };
export type Agreement = { pairs: Pair[]; spearman: number; mad: number; passAgree: number; worst: Pair[] };

function ranks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const result = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) result[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return result;
}

// Spearman's rho as the Pearson correlation of ranks (ties get their average rank).
export function spearman(a: number[], b: number[]): number {
  if (a.length < 2) return Number.NaN;
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i]! - ma) * (rb[i]! - mb);
    da += (ra[i]! - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  }
  return da === 0 || db === 0 ? Number.NaN : num / Math.sqrt(da * db);
}

export function agreement(pairs: Pair[], passScore = DEFAULT_PASS_SCORE): Agreement {
  const mad = pairs.reduce((s, p) => s + Math.abs(p.score - p.expert), 0) / Math.max(1, pairs.length);
  const passAgree = pairs.filter((p) => p.score >= passScore === p.expert >= passScore).length;
  const worst = [...pairs].sort((x, y) => Math.abs(y.score - y.expert) - Math.abs(x.score - x.expert));
  return { pairs, spearman: spearman(pairs.map((p) => p.expert), pairs.map((p) => p.score)), mad, passAgree, worst };
}
