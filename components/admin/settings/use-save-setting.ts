"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/providers/fetch-json";
import type { SettingKey } from "@/lib/settings/settings";
import { adminKeys } from "../query-keys";

export function useSaveSetting(key: SettingKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: unknown) =>
      fetchJson<{ key: string; value: unknown }>(`/api/admin/settings/${key}`, {
        method: "PUT",
        json: { value },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.settings }),
  });
}
