// Every answer an API test receives from a documented operation is checked against its
// contract (lib/contracts/operations.ts): a status the document does not list, an error not in
// the error shape, or a body its schema refuses fails the test that received it.
import { errorBodySchema } from "@/lib/contracts/common";
import { impliedErrors, type Operation } from "@/lib/contracts/operation";
import { operations } from "@/lib/contracts/operations";

const matchers = operations.map((op) => ({
  op,
  pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
}));

function operationFor(method: string, pathname: string): Operation | undefined {
  const lower = method.toLowerCase();
  // A literal path (`/api/generations/list`) wins over a template (`/api/generations/{id}`).
  const found = matchers.filter((m) => m.op.method === lower && m.pattern.test(pathname));
  return found.find((m) => !m.op.path.includes("{"))?.op ?? found[0]?.op;
}

/** Statuses every operation may answer whatever it documents: bugs (500) fail elsewhere. */
const ALWAYS = new Set([405, 500]);

export function checkAgainstContract(
  method: string,
  url: URL,
  status: number,
  contentType: string,
  body: unknown,
): void {
  const op = operationFor(method, url.pathname);
  if (!op || ALWAYS.has(status)) return;
  const where = `${method} ${url.pathname} answered ${status}`;
  // An error status documented with its own body (health's 503) is checked like a success below.
  if (status >= 400 && !op.responses[status]) {
    const documented = op.errors.includes(status) || impliedErrors(op).includes(status);
    if (!documented)
      throw new Error(`${where}, which ${op.method.toUpperCase()} ${op.path} does not document`);
    const parsed = errorBodySchema.safeParse(body);
    if (!parsed.success)
      throw new Error(`${where} with a body outside the error shape: ${parsed.error.message}`);
    return;
  }
  const response = op.responses[status];
  if (!response) throw new Error(`${where}, which ${op.method.toUpperCase()} ${op.path} does not document`);
  if (!response.schema) return;
  if (!contentType.includes("json")) throw new Error(`${where} with ${contentType}, documented as JSON`);
  const parsed = response.schema.safeParse(body);
  if (!parsed.success)
    throw new Error(`${where} with a body its contract refuses: ${parsed.error.message.slice(0, 2000)}`);
}
