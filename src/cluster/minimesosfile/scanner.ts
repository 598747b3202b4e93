import { MinimesosFileError, type SourcePosition } from "./errors.js";

/** Cursor over the source text that tracks line and column. */
export class Scanner {
  index = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    readonly text: string,
    readonly source: string,
  ) {}

  get position(): SourcePosition {
    return { line: this.line, column: this.index - this.lineStart + 1 };
  }
  peek(offset = 0): string {
    return this.text[this.index + offset] ?? "";
  }
  startsWith(prefix: string): boolean {
    return this.text.startsWith(prefix, this.index);
  }
  advance(count = 1): void {
    for (let i = 0; i < count && this.index < this.text.length; i++) {
      if (this.text[this.index] === "\n") {
        this.line++;
        this.lineStart = this.index + 1;
      }
      this.index++;
    }
  }
  atEnd(): boolean {
    return this.index >= this.text.length;
  }
  fail(reason: string, position: SourcePosition = this.position): never {
    throw new MinimesosFileError(this.source, position, reason);
  }
}
