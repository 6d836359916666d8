import type { Metadata } from "next";
import { DocsArticle } from "@/components/docs/prose";
import { listEffectiveModels } from "@/lib/models/overrides";
import { TOOL_LABELS } from "@/lib/models/tools";
import { smallestJobCredits } from "@/lib/pricing";

export const metadata: Metadata = { title: "Models and prices" };
// Read from the catalog and the admins' overrides on every request, so it is always current.
export const dynamic = "force-dynamic";

const PROVIDER_NAMES = { replicate: "Replicate", fal: "fal.ai", google: "Google" } as const;
const UNIT_NAMES = {
  image: "per image",
  second: "per second",
  megapixel: "per megapixel",
  request: "per request",
} as const;

export default async function ModelsDocsPage() {
  const models = (await listEffectiveModels()).filter((m) => m.enabled);
  return (
    <DocsArticle
      title="Models and prices"
      lead="Every model you can use today, what it is for and what it costs in credits. Prices are charged when you submit and refunded in full if the job fails."
    >
      <section
        aria-label="Models and prices"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: wider than a phone, the table scrolls sideways; a keyboard must be able to scroll it too.
        tabIndex={0}
        className="overflow-x-auto rounded-lg border outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60"
      >
        <table className="w-full text-sm">
          <caption className="sr-only">Enabled models with their provider, uses and price</caption>
          <thead className="bg-muted/50 text-left">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Model
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Provider
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Used for
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Price
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Smallest job
              </th>
            </tr>
          </thead>
          <tbody>
            {models.map(({ model, unitPrice }) => (
              <tr key={model.id} className="border-t align-top">
                <td className="px-3 py-2">
                  <div className="font-medium">{model.name}</div>
                  <div className="text-muted-foreground text-xs">{model.description}</div>
                  <code className="text-muted-foreground text-xs">{model.id}</code>
                </td>
                <td className="px-3 py-2">{PROVIDER_NAMES[model.provider]}</td>
                <td className="px-3 py-2">{model.tools.map((tool) => TOOL_LABELS[tool]).join(", ")}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                  {unitPrice} {UNIT_NAMES[model.price.unit]}
                </td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                  {smallestJobCredits(model, unitPrice)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </DocsArticle>
  );
}
