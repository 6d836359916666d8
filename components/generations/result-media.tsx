"use client";

import { ArrowRightIcon, DownloadIcon, LoaderCircleIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { downloadName, downloadUrl } from "./download-name";
import { type NextStep, stepHref } from "./next-steps";
import { RunProgress } from "./run-progress";
import { StatusChip } from "./status-chip";
import { type GenerationDetail, type GenerationOutput, isActive, type ProviderStatus } from "./types";

/** What the job is waiting for, by what its provider last said. */
const WAITING: Record<ProviderStatus, string> = {
  queued: "Waiting in the provider's queue. This page updates by itself.",
  starting: "The model is starting up. This page updates by itself.",
  processing: "Generating your result. This page updates by itself.",
};

/** The outputs at full size with download and "take it further" links; progress while running. */
export function ResultMedia({ item, steps }: { item: GenerationDetail; steps: NextStep[] }) {
  if (item.outputs.length === 0) {
    return (
      <div className="flex aspect-square w-full max-w-xl flex-col items-center justify-center gap-3 rounded-xl border bg-muted/40 p-6 text-center sm:aspect-video">
        {isActive(item.status) ? (
          <LoaderCircleIcon
            aria-hidden
            className="size-8 animate-spin text-muted-foreground motion-reduce:animate-none"
          />
        ) : null}
        {/* While it runs, the heading's chip says so; here the bar and the provider's words. */}
        {isActive(item.status) ? <RunProgress item={item} /> : <StatusChip status={item.status} />}
        <p className="text-muted-foreground text-sm">
          {item.status === "failed"
            ? "No output: the job failed. Your credits were refunded."
            : item.status === "canceled"
              ? "Canceled before it finished. Your credits were refunded."
              : WAITING[item.provider_status ?? "queued"]}
        </p>
      </div>
    );
  }
  return (
    <div className={item.outputs.length > 1 ? "grid gap-6 md:grid-cols-2" : "flex flex-col gap-6"}>
      {item.outputs.map((output, index) => (
        <figure key={output.url} className="flex flex-col gap-3">
          <OutputView output={output} alt={item.prompt ?? `Output ${index + 1}`} />
          <figcaption className="flex flex-wrap gap-2">
            <DownloadLink item={item} output={output} index={index} />
            {stepsFor(output, steps).map(({ step, image }) => (
              <Button
                key={step.label}
                asChild
                variant={step.label === "Use as input" || step.from === "last-frame" ? "secondary" : "ghost"}
              >
                <Link href={stepHref(step, image, item.id)}>
                  {step.label} <ArrowRightIcon />
                </Link>
              </Button>
            ))}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}

/** An image takes the image steps; a video with a stored last frame, the step that continues it. */
function stepsFor(output: GenerationOutput, steps: NextStep[]): { step: NextStep; image: string }[] {
  if (output.mime.startsWith("image/"))
    return steps.filter((step) => step.from === "image").map((step) => ({ step, image: output.url }));
  const lastFrame = output.last_frame_url;
  if (!lastFrame) return [];
  return steps.filter((step) => step.from === "last-frame").map((step) => ({ step, image: lastFrame }));
}

function DownloadLink({
  item,
  output,
  index,
}: {
  item: GenerationDetail;
  output: GenerationOutput;
  index: number;
}) {
  const name = downloadName(item, output, index, item.outputs.length);
  return (
    <Button asChild variant="outline">
      {/* The attribute names same-origin files; the parameter names them wherever they are served. */}
      <a href={downloadUrl(output.url, name)} download={name}>
        <DownloadIcon /> Download
      </a>
    </Button>
  );
}

function OutputView({ output, alt }: { output: GenerationOutput; alt: string }) {
  if (output.mime.startsWith("video/")) {
    return (
      // biome-ignore lint/a11y/useMediaCaption: generated clips have no caption track.
      <video
        src={output.url}
        poster={output.thumbnail_url ?? undefined}
        width={output.width ?? undefined}
        height={output.height ?? undefined}
        controls
        playsInline
        preload="metadata"
        className="h-auto max-h-[min(75vh,calc(100dvh-19rem))] w-full rounded-xl bg-black"
      />
    );
  }
  return (
    <a href={output.url} target="_blank" rel="noreferrer" className="block">
      {/* biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed. */}
      <img
        src={output.url}
        alt={alt}
        width={output.width ?? undefined}
        height={output.height ?? undefined}
        className="h-auto max-h-[min(75vh,calc(100dvh-19rem))] w-full rounded-xl border bg-muted object-contain"
      />
    </a>
  );
}
