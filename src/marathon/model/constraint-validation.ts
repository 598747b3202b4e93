export const CONSTRAINT_OPERATORS = ["UNIQUE", "CLUSTER", "GROUP_BY", "LIKE", "MAX_PER", "UNLIKE", "IS"];

const isRegex = (text: string): boolean => {
  try {
    new RegExp(text);
    return true;
  } catch {
    return false;
  }
};

/** Marathon's message for one bad constraint, or undefined when it is valid. */
export function constraintError(constraint: readonly string[]): string | undefined {
  if (constraint.length < 2 || constraint.length > 3) return "Each constraint must have either 2 or 3 fields";
  const operator = (constraint[1] ?? "").toUpperCase();
  const value = constraint[2];
  const hasValue = value !== undefined && value !== "";
  if (!CONSTRAINT_OPERATORS.includes(operator))
    return "operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER, UNLIKE or IS";
  switch (operator) {
    case "UNIQUE":
      return hasValue ? "UNIQUE does not accept a value" : undefined;
    case "LIKE":
    case "UNLIKE":
      return hasValue && isRegex(value)
        ? undefined
        : "LIKE and UNLIKE require a non-empty, regular expression value";
    case "MAX_PER":
      return hasValue && /^\d+$/.test(value) ? undefined : "MAX_PER requires an integer value";
    case "GROUP_BY":
      return !hasValue || /^\d+$/.test(value)
        ? undefined
        : "GROUP BY must define an integer value or else no value at all";
    case "IS":
      return hasValue ? undefined : "IS requires a value";
    default:
      return undefined;
  }
}
