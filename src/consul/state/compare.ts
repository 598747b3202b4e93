/** Go's string order (by code unit), which Consul's sorted answers follow; localeCompare differs on punctuation. */
export const byteCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
