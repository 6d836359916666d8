"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Label } from "@/components/ui/label";
import { ROLES, type Role } from "@/lib/auth/types";
import { ROLE_LABELS } from "../badges";
import { NativeSelect } from "../fields";
import { adminKeys } from "../query-keys";

export function RoleForm({
  user,
  canChange,
  isSelf,
}: {
  user: { id: string; role: Role };
  canChange: boolean;
  isSelf: boolean;
}) {
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>(user.role);
  const change = useMutation({
    mutationFn: (next: Role) =>
      fetchJson<{ role: Role }>(`/api/admin/users/${user.id}/role`, { method: "POST", json: { role: next } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.user(user.id) });
      void queryClient.invalidateQueries({ queryKey: adminKeys.usersAll });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (role !== user.role) change.mutate(role);
  }

  const note = isSelf
    ? "You cannot change your own role."
    : canChange
      ? "Admins can use this console; super admins can also change roles and manage keys."
      : "Only super admins can change roles.";
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Role</CardTitle>
        <CardDescription>{note}</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} className="flex flex-col gap-3">
          <div className="flex flex-col gap-2">
            <Label htmlFor="user-role">Role</Label>
            <NativeSelect
              id="user-role"
              value={role}
              disabled={!canChange}
              onChange={(event) => setRole(event.target.value as Role)}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </NativeSelect>
          </div>
          {change.error ? <FormMessage>{change.error.message}</FormMessage> : null}
          {change.isSuccess && role === user.role ? <FormMessage tone="info">Role saved.</FormMessage> : null}
          {canChange ? (
            <Button type="submit" variant="outline" disabled={change.isPending || role === user.role}>
              Save role
            </Button>
          ) : null}
        </form>
      </CardContent>
    </Card>
  );
}
