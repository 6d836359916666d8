import type { Metadata } from "next";
import Link from "next/link";
import { DocsArticle, H2 } from "@/components/docs/prose";

export const metadata: Metadata = { title: "Flows" };

export default function FlowsDocsPage() {
  return (
    <DocsArticle
      title="Flows"
      lead="A flow chains steps in a node editor: a prompt feeds a model, its image feeds the next model, and so on."
    >
      <H2>Build</H2>
      <p>
        Open <Link href="/flows">Flows</Link>, start from a template or a blank canvas, drag nodes from the
        palette and connect an output to an input of the same kind (text, image or video). A connection that
        cannot work is refused with the reason.
      </p>
      <H2>Run only what changed</H2>
      <p>
        Every step is identified by its model, its settings (seed included) and its inputs. When you run a
        flow again, a step whose identity has not changed is reused from the last run at no cost and marked
        &ldquo;reused&rdquo;. Force a step to run again, or give it a new seed, from the step itself. Run to a
        single node to run only that node and what it needs.
      </p>
      <H2>Pay once, see the receipt</H2>
      <p>
        The Run button shows the total of the steps that will really run. Each run keeps a receipt with the
        estimated and charged price of every step.
      </p>
      <H2>A form for the flow</H2>
      <p>
        Select a node and tick its fields under &ldquo;Ask for in the form&rdquo; (a prompt, a setting, an
        image), then arrange them, label them and give them defaults under Form in the editor&apos;s toolbar.
        The flow&apos;s simple page (the play button on its card) shows that form: fill it in, see the price,
        run, and watch the results arrive. Scripts run it the same way through the{" "}
        <Link href="/docs/using-the-api">API</Link>.
      </p>
      <H2>Runs outlive the tab</H2>
      <p>
        Runs happen on the server: close the tab, come back later, and the run has carried on; a server
        restart does not lose it either.
      </p>
    </DocsArticle>
  );
}
