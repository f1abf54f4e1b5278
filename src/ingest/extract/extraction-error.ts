/** An input file that cannot become an article, with the line the problem is on (1 for whole-file problems). */
export class ExtractionError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'ExtractionError';
  }
}
