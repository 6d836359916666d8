import type { Metadata } from "next";
import { FILTER_KEYS, type GenerationFilter } from "@/components/admin/generations/filter";
import { GenerationsPanel } from "@/components/admin/generations/generations-panel";
import { firstParam } from "@/components/admin/url-state";
import { requireAdminPage } from "@/lib/admin/page-guard";

export const metadata: Metadata = { title: "Generations" };

export default async function AdminGenerationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdminPage("/admin/generations");
  const params = await searchParams;
  const filter = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, firstParam(params[key])]),
  ) as GenerationFilter;
  return <GenerationsPanel initialFilter={filter} />;
}
