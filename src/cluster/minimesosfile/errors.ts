/** A position in the source text, both 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A problem in a minimesosFile, reported as `minimesosFile:12:5: expected '}' ...`. */
export class MinimesosFileError extends Error {
  constructor(
    readonly source: string,
    readonly position: SourcePosition,
    readonly reason: string,
  ) {
    super(`${source}:${position.line}:${position.column}: ${reason}`);
    this.name = "MinimesosFileError";
  }
}
