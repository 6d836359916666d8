import { describe, expect, it } from "vitest";
import { galleryHref, matchesGalleryFilters, parseGalleryState } from "@/components/gallery/gallery-filters";
import { containsPattern } from "@/lib/gallery/list-filter";
import { titleFromPrompt } from "@/lib/sessions/session-title";

describe("gallery URL state", () => {
  it("reads what it writes, and drops what it does not know", () => {
    const href = galleryHref({
      q: "red kite",
      kind: "video",
      starred: true,
      tag: "sea",
      view: "trash",
      highlight: "",
    });
    expect(href).toBe("/history?q=red+kite&kind=video&tag=sea&starred=true&view=trash");
    const state = parseGalleryState(new URLSearchParams(href.split("?")[1]));
    expect(state).toMatchObject({ q: "red kite", kind: "video", starred: true, tag: "sea", view: "trash" });
    expect(
      parseGalleryState({ kind: "text", status: "done", session: "x", from: "yesterday" }),
    ).toMatchObject({
      kind: "",
      status: "",
      session: "",
      from: "",
    });
  });

  it("matches polled items against every filter but the text search", () => {
    const item = {
      model: "flux-schnell",
      provider: "replicate",
      kind: "image",
      status: "completed",
      session_id: "s",
      tags: ["sea"],
      starred: true,
      created_at: "2026-11-30T10:00:00.000Z",
      trashed_at: null,
    };
    const none = parseGalleryState({});
    expect(matchesGalleryFilters(item, { ...none, tag: "Sea", starred: true, to: "2026-11-30" })).toBe(true);
    expect(matchesGalleryFilters(item, { ...none, from: "2026-12-01" })).toBe(false);
    expect(matchesGalleryFilters({ ...item, trashed_at: "2026-11-30T11:00:00.000Z" }, none)).toBe(false);
  });
});

describe("search and titles", () => {
  it("escapes LIKE's own characters", () => {
    expect(containsPattern("100%_off\\")).toBe("%100\\%\\_off\\\\%");
  });

  it("titles a session from its prompt's first words", () => {
    expect(titleFromPrompt("  a   small boat ")).toBe("a small boat");
    expect(titleFromPrompt(null)).toBeNull();
    expect(titleFromPrompt("  \n ")).toBeNull();
    expect(titleFromPrompt(`${"word ".repeat(20)}end`)).toBe(`${"word ".repeat(12).trim()}…`);
  });
});
