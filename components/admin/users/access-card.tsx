"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BanIcon, CircleCheckIcon } from "lucide-react";
import { fetchJson } from "@/components/providers/fetch-json";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import type { Role } from "@/lib/auth/types";
import { ConfirmButton } from "../confirm-dialog";
import { adminKeys } from "../query-keys";

type Status = "active" | "banned";

/** Ban or unban; a ban signs the user out everywhere at once. */
export function AccessCard({
  user,
  isSelf,
  viewerSuperAdmin,
}: {
  user: { id: string; email: string | null; role: Role; status: Status };
  isSelf: boolean;
  viewerSuperAdmin: boolean;
}) {
  const queryClient = useQueryClient();
  const setStatus = useMutation({
    mutationFn: (status: Status) =>
      fetchJson(`/api/admin/users/${user.id}/status`, { method: "POST", json: { status } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.user(user.id) });
      void queryClient.invalidateQueries({ queryKey: adminKeys.usersAll });
    },
  });
  const allowed = !isSelf && (user.role === "user" || viewerSuperAdmin);
  const banned = user.status === "banned";
  const who = user.email ?? "this user";

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Access</CardTitle>
        <CardDescription>
          {banned
            ? "Banned: cannot sign in or use the API."
            : isSelf
              ? "You cannot ban yourself."
              : allowed
                ? "A ban signs them out at once and blocks sign-in."
                : "Only super admins can ban an admin."}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {setStatus.error ? <FormMessage>{setStatus.error.message}</FormMessage> : null}
        {banned ? (
          <ConfirmButton
            variant="outline"
            disabled={!allowed || setStatus.isPending}
            title={`Unban ${who}?`}
            description="They will be able to sign in again. Their earlier sessions stay ended."
            confirmLabel="Unban"
            onConfirm={() => setStatus.mutate("active")}
          >
            <CircleCheckIcon /> Unban
          </ConfirmButton>
        ) : (
          <ConfirmButton
            variant="destructive"
            destructive
            disabled={!allowed || setStatus.isPending}
            title={`Ban ${who}?`}
            description="They are signed out everywhere at once and cannot sign in until unbanned. Running jobs finish."
            confirmLabel="Ban user"
            onConfirm={() => setStatus.mutate("banned")}
          >
            <BanIcon /> Ban user
          </ConfirmButton>
        )}
      </CardContent>
    </Card>
  );
}
