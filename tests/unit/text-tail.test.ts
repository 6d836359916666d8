// The server-output tail the test and benchmark harnesses keep (scripts/lib/text-tail.ts).
import { describe, expect, it } from "vitest";
import { textTail } from "../../scripts/lib/text-tail";

describe("textTail", () => {
  it("keeps everything while it is shorter than the limit", () => {
    const tail = textTail(100);
    tail.push("one\n");
    tail.push("two\n");
    expect(tail.text()).toBe("one\ntwo\n");
  });

  it("keeps exactly the last characters, across and within chunks", () => {
    const tail = textTail(10);
    let all = "";
    for (let i = 0; i < 50; i++) {
      const line = `line ${i}\n`;
      tail.push(line);
      all += line;
      expect(tail.text()).toBe(all.slice(-10));
    }
    const big = textTail(5);
    big.push("abcdefghij");
    expect(big.text()).toBe("fghij");
  });

  it("keeps the tail of many lines without holding all of them", () => {
    const tail = textTail(1_000);
    const lines = Array.from({ length: 20_000 }, (_, i) => `{"level":"info","n":${i}}\n`);
    for (const line of lines) tail.push(line);
    expect(tail.text()).toBe(lines.join("").slice(-1_000));
    tail.push("last\n");
    expect(tail.text().endsWith(`${lines.at(-1)}last\n`)).toBe(true);
    expect(tail.text()).toHaveLength(1_000);
  });
});
