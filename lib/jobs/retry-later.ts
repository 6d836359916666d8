// A job that cannot do its work yet through nobody's fault, such as a webhook that arrived before
// its submission was recorded. Thrown from a task, it sends the job back to the queue's backoff
// like any failure, but the log calls it an expected wait rather than an error.
export class RetryLater extends Error {
  override name = "RetryLater";
}

export function isRetryLater(error: unknown): error is RetryLater {
  return error instanceof Error && error.name === "RetryLater";
}
