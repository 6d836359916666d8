// A new session is titled from the prompt that started it: its first words, cut at a word
// boundary, so the sessions grid reads like a list of ideas. People can rename it later.
export const MAX_TITLE_LENGTH = 200;
const AUTO_TITLE_LENGTH = 60;

export function titleFromPrompt(prompt: string | null | undefined, fallback = "Untitled session"): string {
  const text = (prompt ?? "").replace(/\s+/g, " ").trim();
  if (!text) return fallback;
  if (text.length <= AUTO_TITLE_LENGTH) return text;
  const cut = text.slice(0, AUTO_TITLE_LENGTH + 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > AUTO_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut.slice(0, AUTO_TITLE_LENGTH)).trim()}…`;
}
