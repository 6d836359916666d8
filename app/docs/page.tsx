import type { Metadata } from "next";
import Link from "next/link";
import { C, DocsArticle, H2 } from "@/components/docs/prose";

export const metadata: Metadata = { title: "Getting started" };

export default function GettingStartedPage() {
  return (
    <DocsArticle
      title="Getting started"
      lead="Atelier puts image and video models from several providers behind one catalog, one balance and one history."
    >
      <H2>1. Sign in</H2>
      <p>
        Sign in with Google, Telegram or a code sent to your email. New accounts start with credits, enough to
        try an image, an edit and a short video.
      </p>
      <H2>2. Make something</H2>
      <p>
        Open <Link href="/create">Create</Link>, pick a model, write a prompt and press Generate (or{" "}
        <C>Ctrl</C>/<C>⌘</C> + <C>Enter</C>). The price is on the button before you press it. The result
        appears in place as soon as the provider is done; you can leave the page meanwhile, nothing is lost.
      </p>
      <p>
        <Link href="/video">Video</Link> turns a prompt, or a still image as its first frame, into a short
        clip.
      </p>
      <H2>3. Iterate</H2>
      <p>
        Every output is kept in <Link href="/history">History</Link>. Open one to download it, see its seed
        and settings, use it as the input of the next step, or try again with the same inputs. Each result
        remembers where it came from, so a chain of edits can always be traced back.
      </p>
      <H2>4. Go further</H2>
      <ul className="list-disc pl-6">
        <li>
          <Link href="/docs/models">Models and prices</Link>: what each model does and what it costs.
        </li>
        <li>
          <Link href="/docs/flows">Flows</Link>: chain steps in a node editor and re-run only what changed.
        </li>
        <li>
          <Link href="/docs/using-the-api">Using the API</Link>: script generations from your own code.
        </li>
      </ul>
    </DocsArticle>
  );
}
