import { formatRanges } from "../../mesos/ranges.js";
import { reservationRole, type Resource } from "../../mesos/resource.js";

/** Resources in Mesos's text form, as its error messages print them: `cpus(allocated: web):1; mem(allocated: web):128`. */
export function formatResources(resources: readonly Resource[]): string {
  return resources
    .map((r) => {
      const tags = [
        reservationRole(r) !== "*" ? `reservations: [(STATIC,${reservationRole(r)})]` : undefined,
        r.allocation_info ? `allocated: ${r.allocation_info.role}` : undefined,
      ].filter(Boolean);
      const value =
        r.type === "SCALAR"
          ? String(r.scalar?.value ?? 0)
          : r.type === "RANGES"
            ? formatRanges(r.ranges?.range ?? [])
            : `{${(r.set?.item ?? []).join(", ")}}`;
      return `${r.name}${tags.length ? `(${tags.join(", ")})` : ""}:${value}`;
    })
    .join("; ");
}
