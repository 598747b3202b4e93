/** An answer other than 200, with Consul's status and plain-text body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const unknownService = (id: string) =>
  new HttpError(
    404,
    `Unknown service ID "${id}". Ensure that the service ID is passed, not the service name.`,
  );

export const unknownCheck = (id: string) =>
  new HttpError(404, `Unknown check ID "${id}". Ensure that the check ID is passed, not the check name.`);
