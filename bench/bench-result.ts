/** One figure a benchmark prints; ratios are measured against a baseline of the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  ratio?: { against: string; value: number };
}
