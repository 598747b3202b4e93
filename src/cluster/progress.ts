/** Where `up` and `destroy` report their steps: stderr, one line per step. */
export interface Progress {
  step<T>(title: string, work: () => Promise<T>): Promise<T>;
  note(line: string): void;
}

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
}

const useColour = (stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean =>
  stream.isTTY === true && env.NO_COLOR === undefined && env.TERM !== "dumb";

/**
 * On a terminal each step ends in ✓ or ✗ with its time (coloured unless NO_COLOR is set); elsewhere
 * plain lines, so logs and CI output stay readable.
 */
export function createProgress({
  stream = process.stderr,
  env = process.env,
}: ProgressOptions = {}): Progress {
  const tty = stream.isTTY === true && env.TERM !== "dumb";
  const colour = useColour(stream, env);
  const paint = (code: number, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  return {
    async step(title, work) {
      const started = performance.now();
      if (!tty) stream.write(`${title} ...\n`);
      try {
        const result = await work();
        const ms = Math.round(performance.now() - started);
        stream.write(tty ? ` ${paint(32, "✓")} ${title} (${ms} ms)\n` : `${title}: done (${ms} ms)\n`);
        return result;
      } catch (error) {
        stream.write(tty ? ` ${paint(31, "✗")} ${title}\n` : `${title}: failed\n`);
        throw error;
      }
    },
    note(line) {
      stream.write(`${line}\n`);
    },
  };
}

/** Progress that prints nothing (the test library). */
export const silentProgress: Progress = { step: (_title, work) => work(), note: () => undefined };
