import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { ApiKeyUsage } from "@/lib/admin/api-key-usage";
import { formatDateTime, formatNumber } from "../format";
import { DataTable, EmptyRow, Td, Th } from "../table";
import type { Wire } from "../wire";

/** Personal API keys used in the range: who owns each, what it asked for and what it spent. */
export function ApiKeyUsageTable({ rows }: { rows: Wire<ApiKeyUsage>[] }) {
  return (
    <section aria-label="Per API key" className="flex min-w-0 flex-col gap-3">
      <h2 className="font-semibold text-lg">Per API key</h2>
      <DataTable>
        <thead>
          <tr>
            <Th>Key</Th>
            <Th className="text-right">Requests</Th>
            <Th className="hidden text-right sm:table-cell">Rate limited</Th>
            <Th className="text-right">Generations</Th>
            <Th className="hidden text-right sm:table-cell">Net credits</Th>
            <Th className="hidden lg:table-cell">Last used</Th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? <EmptyRow colSpan={6}>No API key was used in this range.</EmptyRow> : null}
          {rows.map((r) => (
            <tr key={r.key_id}>
              <Td className="max-w-48 sm:max-w-72">
                <span className="flex items-center gap-2">
                  <span className="truncate font-medium">{r.name}</span>
                  {r.revoked ? <Badge variant="outline">Revoked</Badge> : null}
                </span>
                <span className="block truncate text-muted-foreground text-xs">
                  <span className="font-mono">{r.prefix}…</span> ·{" "}
                  <Link href={`/admin/users/${r.user_id}`} className="underline-offset-4 hover:underline">
                    {r.email ?? r.user_id}
                  </Link>
                </span>
              </Td>
              <Td className="text-right tabular-nums">{formatNumber(r.requests)}</Td>
              <Td className="hidden text-right tabular-nums sm:table-cell">{formatNumber(r.limited)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(r.generations)}</Td>
              <Td className="hidden text-right tabular-nums sm:table-cell">{formatNumber(r.net)}</Td>
              <Td className="hidden whitespace-nowrap text-muted-foreground lg:table-cell">
                {formatDateTime(r.last_used_at)}
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
