import { execFileSync } from "node:child_process";
import { join } from "node:path";

export interface CertificateFiles {
  cert: string;
  key: string;
}

/** Makes a throwaway self-signed certificate for 127.0.0.1 with `openssl`, as PEM files in `dir`. */
export function createSelfSignedCert(dir: string): CertificateFiles {
  const cert = join(dir, "cert.pem");
  const key = join(dir, "key.pem");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1"].concat([
      "-subj",
      "/CN=127.0.0.1",
    ]),
    { stdio: "ignore" },
  );
  return { cert, key };
}
