/** The one formatter of every read command: data on stdout, as a table/text or as JSON (`--json`). */

/** Minimum column width, as minimesos's `%-20s` columns had. */
export const MIN_COLUMN_WIDTH = 20;

/**
 * A plain-text table: every column but the last left-aligned and padded to 20 characters (wider when a
 * value is longer), separated by one space, like minimesos's `ps`.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(MIN_COLUMN_WIDTH, title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    header
      .map((_, column) => {
        const cell = cells[column] ?? "";
        return column === header.length - 1 ? cell : cell.padEnd(widths[column] ?? MIN_COLUMN_WIDTH);
      })
      .join(" ")
      .trimEnd();
  return [line(header), ...rows.map(line)].map((l) => `${l}\n`).join("");
}

/** Pretty JSON (indent 2) with a final newline, so `| jq` and diffs work. */
export const formatJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export interface OutputOptions {
  json?: boolean;
}

/** Writes `value` to stdout: as JSON with `--json`, otherwise as `renderText(value)`. */
export function writeOutput<T>(
  options: OutputOptions,
  value: T,
  renderText: (value: T) => string,
  stdout: NodeJS.WritableStream = process.stdout,
): void {
  stdout.write(options.json ? formatJson(value) : renderText(value));
}
