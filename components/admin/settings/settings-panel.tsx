"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/providers/fetch-json";
import { Skeleton } from "@/components/ui/skeleton";
import type { AdminSetting } from "@/lib/admin/settings/list-settings";
import { AdminHeader } from "../admin-header";
import { adminKeys } from "../query-keys";
import { QueryError } from "../query-state";
import type { Wire } from "../wire";
import { FlagsCard } from "./flags-card";
import { NumberSettingCard } from "./number-setting-card";
import { PromptsCard } from "./prompts-card";
import { TextSettingCard } from "./text-setting-card";

export type SettingWire = Wire<AdminSetting>;

export function SettingsPanel() {
  const settings = useQuery({
    queryKey: adminKeys.settings,
    queryFn: ({ signal }) => fetchJson<SettingWire[]>("/api/admin/settings", { signal }),
  });
  const of = (key: string) => settings.data?.find((s) => s.key === key);
  const starting = of("starting_credits");
  const cap = of("daily_generation_cap");
  const flags = of("feature_flags");
  const prompts = of("system_prompts");
  const creditsPage = of("credits_page");
  const retention = of("trash_retention_days");
  return (
    <div className="flex flex-col gap-5">
      <AdminHeader title="Settings" description="Changes apply within seconds, without a restart." />
      <QueryError error={settings.error} />
      {!settings.data ? (
        <div className="grid gap-4 md:grid-cols-2" aria-busy>
          <Skeleton className="h-48" />
          <Skeleton className="h-48" />
        </div>
      ) : (
        <>
          <div className="grid gap-4 md:grid-cols-2">
            {starting ? (
              <NumberSettingCard
                setting={starting}
                title="Starting credits"
                description="Credits every new account gets on its first sign-in."
                max={1_000_000}
              />
            ) : null}
            {cap ? (
              <NumberSettingCard
                setting={cap}
                title="Daily generation cap"
                description="Most generations one user may start per UTC day, across all models."
                max={100_000}
              />
            ) : null}
            {retention ? (
              <NumberSettingCard
                setting={retention}
                title="Trash retention (days)"
                description="Days a deleted generation stays in the trash, where its owner can restore it. After that the daily clean-up removes it for good, files included."
                max={3650}
              />
            ) : null}
          </div>
          {creditsPage ? (
            <TextSettingCard
              setting={creditsPage}
              title="How to get credits"
              description="The text of /credits, linked wherever someone has too few credits. Say how people get more here; the page adds a Request credits button that notifies every admin."
              page="/credits"
              maxLength={5000}
            />
          ) : null}
          {flags ? <FlagsCard setting={flags} /> : null}
          {prompts ? <PromptsCard setting={prompts} /> : null}
        </>
      )}
    </div>
  );
}
