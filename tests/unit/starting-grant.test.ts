// A new account can try the product: one image, one edit and one short video on the default
// starting grant, and the operator is told when the grant in force cannot pay for a video.
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { falKlingTextToVideo } from "@/lib/models/fal";
import { flux11Pro, fluxKontextPro } from "@/lib/models/replicate";
import { veoFast } from "@/lib/models/replicate-video";
import { MODELS } from "@/lib/models-config";
import { smallestJobCredits } from "@/lib/pricing";
import { startingGrantProblem } from "@/lib/settings/starting-grant-check";

describe("the smallest job of a model", () => {
  it("is its shortest clip for video and one image otherwise", () => {
    expect(smallestJobCredits(veoFast)).toBe(60);
    expect(smallestJobCredits(falKlingTextToVideo)).toBe(45);
    expect(smallestJobCredits(flux11Pro)).toBe(5);
  });

  it("follows an admin's price", () => {
    expect(smallestJobCredits(veoFast, 20)).toBe(80);
  });
});

describe("the starting grant", () => {
  it("pays for an image, an edit and the shortest clip of every video model by default", () => {
    const video = Math.max(...MODELS.filter((m) => m.kind === "video").map((m) => smallestJobCredits(m)));
    const tryEverything = smallestJobCredits(flux11Pro) + smallestJobCredits(fluxKontextPro) + video;
    expect(process.env.STARTING_CREDITS ?? "").toBe("");
    expect(env.STARTING_CREDITS).toBeGreaterThanOrEqual(tryEverything);
  });

  it("is reported when it is below the cheapest video", () => {
    const cheapest = { model: "kling-2-5-turbo-t2v", name: "Kling", credits: 45 };
    expect(startingGrantProblem(44, cheapest)).toMatch(
      /44 credits, less than the cheapest video \(Kling, 45 credits\)/,
    );
    expect(startingGrantProblem(45, cheapest)).toBeNull();
    expect(startingGrantProblem(0, null)).toBeNull();
  });
});
