export interface EnvironmentVariable {
  name: string;
  type?: "VALUE" | "SECRET";
  value?: string;
}

export interface CommandURI {
  value: string;
  executable?: boolean;
  extract?: boolean;
  cache?: boolean;
  output_file?: string;
}

export interface CommandInfo {
  shell?: boolean;
  value?: string;
  arguments?: string[];
  user?: string;
  environment?: { variables: EnvironmentVariable[] };
  uris?: CommandURI[];
}

export interface DurationInfo {
  nanoseconds: number;
}

export interface KillPolicy {
  grace_period?: DurationInfo;
}
