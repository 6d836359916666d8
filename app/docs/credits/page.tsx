import type { Metadata } from "next";
import Link from "next/link";
import { DocsArticle, H2 } from "@/components/docs/prose";

export const metadata: Metadata = { title: "Credits and refunds" };

export default function CreditsDocsPage() {
  return (
    <DocsArticle
      title="Credits and refunds"
      lead="One balance pays for every model. You see the price before you start and never pay for a job that did not deliver."
    >
      <H2>What a job costs</H2>
      <p>
        Each model has a price per image, per second of video or per megapixel (see{" "}
        <Link href="/docs/models">Models and prices</Link>). The form shows the total for your settings on the
        Generate button; that exact amount is taken from your balance when you submit.
      </p>
      <H2>Refunds</H2>
      <p>
        If a job fails, times out or you cancel it before it finishes, the whole price goes back to your
        balance automatically, once. Your balance in the header updates at the same moment, in every open tab.
      </p>
      <H2>Flows</H2>
      <p>
        A flow run reserves its estimate once when it starts. Each step is charged its real price as it runs,
        steps reused from earlier runs cost nothing, and whatever was not used is released when the run ends,
        however it ends.
      </p>
      <H2>Getting more</H2>
      <p>
        How credits are granted depends on who runs this server;{" "}
        <Link href="/credits">How to get credits</Link> explains it in their words and lets you ask the admins
        for more.
      </p>
    </DocsArticle>
  );
}
