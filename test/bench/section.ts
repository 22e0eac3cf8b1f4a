/** A part of `npm run bench`: it measures something and returns lines to print. A benchmark reports; it never fails. */
export interface BenchSection {
  readonly title: string;
  run(): Promise<readonly string[]>;
}
