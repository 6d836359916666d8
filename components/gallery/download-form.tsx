"use client";

import { DownloadIcon } from "lucide-react";
import { useRef } from "react";
import { Button } from "@/components/ui/button";

/**
 * Downloads a zip of the selected originals. A plain form post, so the browser saves the
 * streamed answer straight to disk (a fetch would hold the whole archive in the page's memory).
 */
export function DownloadButton({ ids }: { ids: string[] }) {
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} method="post" action="/api/generations/download" className="contents">
      <input type="hidden" name="ids" value={ids.join(",")} />
      <Button type="submit" variant="outline" size="sm" disabled={ids.length === 0}>
        <DownloadIcon aria-hidden /> Download
      </Button>
    </form>
  );
}
