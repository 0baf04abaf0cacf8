// The contract between `npm run bench` and its sections: each section module
// in scripts/bench/sections/ default-exports a `BenchSection`.

export interface BenchContext {
  /** `--quick`: fewer records and sizes, for a smoke run; figures are not for docs. */
  quick: boolean;
  /** Progress lines for the person watching (stderr). */
  log(message: string): void;
}

export interface BenchResult {
  /** Heading of the section in docs/performance.md. */
  title: string;
  /** Markdown body: tables of figures, ratios against peers measured in the same run. */
  markdown: string;
}

export interface BenchSection {
  /** Sections run in this order (ascending), then by file name. */
  order: number;
  run(context: BenchContext): Promise<BenchResult>;
}
