export interface Label {
  key: string;
  value?: string;
}

export interface Labels {
  labels: Label[];
}
