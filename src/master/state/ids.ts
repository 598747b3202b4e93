/** The master's id counters: `<masterId>-0000` frameworks, `<masterId>-S<n>` agents, `<masterId>-O<n>` offers. */
export class MasterIds {
  private frameworks = 0;
  private agents = 0;
  private offers = 0;

  constructor(readonly masterId: string) {}

  nextFrameworkId(): string {
    return `${this.masterId}-${String(this.frameworks++).padStart(4, "0")}`;
  }

  nextAgentId(): string {
    return `${this.masterId}-S${this.agents++}`;
  }

  nextOfferId(): string {
    return `${this.masterId}-O${this.offers++}`;
  }
}
