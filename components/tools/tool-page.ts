import "server-only";
// What every tool page does first: sign-in required (back here after), and the image a
// result's action link brought along (?image=&parent=).
import { redirect } from "next/navigation";
import { firstParam } from "@/components/generations/search-params";
import { getAuthUser } from "@/lib/auth";
import type { PickedImage } from "./history-images";

type Params = Record<string, string | string[] | undefined>;

export async function toolPageStart(path: string, params: Params): Promise<PickedImage | null> {
  if (!(await getAuthUser())) {
    const query = new URLSearchParams();
    for (const key of ["image", "parent"]) {
      const value = firstParam(params[key]);
      if (value) query.set(key, value);
    }
    const next = query.size > 0 ? `${path}?${query}` : path;
    redirect(`/login?next=${encodeURIComponent(next)}`);
  }
  const url = firstParam(params.image);
  const parentId = firstParam(params.parent);
  return url ? { url, ...(parentId && { parentId }) } : null;
}
