import { describe, expect, it } from "vitest";
import { checkAgainstContract } from "../helpers/contract-check";

// The API tests' response check: what it lets through and what fails the test that got it.
const at = (path: string) => new URL(path, "http://127.0.0.1");
const JSON_TYPE = "application/json";
const me = { id: "6f1c2f5e-8d7b-4c2a-9a55-0d5d0b6f0a11", email: "a@example.com", role: "user", credits: 5 };

describe("checkAgainstContract", () => {
  it("passes a documented answer, extra fields included", () => {
    expect(() =>
      checkAgainstContract("GET", at("/api/me"), 200, JSON_TYPE, { ...me, extra: 1 }),
    ).not.toThrow();
  });

  it("fails a body its schema refuses", () => {
    expect(() => checkAgainstContract("GET", at("/api/me"), 200, JSON_TYPE, { ...me, credits: "5" })).toThrow(
      /contract refuses/,
    );
  });

  it("fails a status the operation does not document", () => {
    expect(() => checkAgainstContract("GET", at("/api/me"), 201, JSON_TYPE, me)).toThrow(/does not document/);
    const error = { error: { code: "conflict", message: "no" } };
    expect(() => checkAgainstContract("GET", at("/api/me"), 409, JSON_TYPE, error)).toThrow(
      /does not document/,
    );
  });

  it("fails an error outside the error shape, and passes one inside it", () => {
    const flat = { error: "Not signed in.", code: "unauthorized" };
    expect(() => checkAgainstContract("GET", at("/api/me"), 401, JSON_TYPE, flat)).toThrow(/error shape/);
    const nested = { error: { code: "unauthorized", message: "Not signed in." } };
    expect(() => checkAgainstContract("GET", at("/api/me"), 401, JSON_TYPE, nested)).not.toThrow();
  });

  it("matches a literal path before a template and checks templated ones", () => {
    const list = { items: [], next_cursor: null };
    expect(() =>
      checkAgainstContract("GET", at("/api/generations/list?limit=5"), 200, JSON_TYPE, list),
    ).not.toThrow();
    expect(() => checkAgainstContract("GET", at("/api/generations/abc"), 200, JSON_TYPE, list)).toThrow(
      /contract refuses/,
    );
  });

  it("leaves undocumented (internal) routes alone", () => {
    expect(() =>
      checkAgainstContract("GET", at("/api/admin/users"), 200, JSON_TYPE, "anything"),
    ).not.toThrow();
  });
});
