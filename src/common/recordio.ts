/**
 * RecordIO framing as Mesos streams use it: `<decimal byte length>\n<bytes>`, no trailing newline.
 */
export function encodeRecord(record: string | Uint8Array): Buffer {
  const data = typeof record === "string" ? Buffer.from(record, "utf8") : Buffer.from(record);
  return Buffer.concat([Buffer.from(`${data.length}\n`, "ascii"), data]);
}

export function encodeJsonRecord(value: unknown): Buffer {
  return encodeRecord(JSON.stringify(value));
}

/** Incremental decoder: feed it chunks in any split, take whole records out. */
export class RecordIODecoder {
  private buffered: Buffer = Buffer.alloc(0);
  private expected: number | undefined;

  /** Adds a chunk and returns every record it completed. */
  push(chunk: Uint8Array): Buffer[] {
    this.buffered = this.buffered.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffered, chunk]);
    const records: Buffer[] = [];
    for (;;) {
      if (this.expected === undefined) {
        const newline = this.buffered.indexOf(0x0a);
        if (newline < 0) {
          if (this.buffered.length > 20) throw new Error("RecordIO: record size header too long");
          break;
        }
        const header = this.buffered.subarray(0, newline).toString("ascii");
        if (!/^\d+$/.test(header)) throw new Error(`RecordIO: invalid record size '${header}'`);
        this.expected = Number(header);
        this.buffered = this.buffered.subarray(newline + 1);
      }
      if (this.buffered.length < this.expected) break;
      records.push(Buffer.from(this.buffered.subarray(0, this.expected)));
      this.buffered = this.buffered.subarray(this.expected);
      this.expected = undefined;
    }
    return records;
  }

  /** True when no partial record is pending. */
  get idle(): boolean {
    return this.expected === undefined && this.buffered.length === 0;
  }
}
