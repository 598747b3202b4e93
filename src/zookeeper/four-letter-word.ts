import { connect } from "node:net";

/**
 * Sends a ZooKeeper four-letter word (`ruok`, `srvr`, `mntr`, …) and answers the server's reply. Rejects when
 * nothing listens or no answer arrives in time.
 */
export function fourLetterWord(host: string, port: number, word: string, timeoutMs = 1_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host, port });
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`No answer to '${word}' from ${host}:${port}`)),
    );
    socket.once("connect", () => socket.end(word));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.once("error", reject);
    socket.once("close", (hadError) => {
      if (!hadError) resolve(Buffer.concat(chunks).toString("utf8"));
    });
  });
}

/** The `Mode:` line of `srvr` (`standalone`, `leader`, `follower`), or undefined when the server does not serve. */
export async function serverMode(host: string, port: number, timeoutMs = 1_000): Promise<string | undefined> {
  try {
    const reply = await fourLetterWord(host, port, "srvr", timeoutMs);
    return /^Mode: (\S+)/m.exec(reply)?.[1];
  } catch {
    return undefined;
  }
}
