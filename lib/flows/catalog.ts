// The catalog as the flow rules see it: enough of each model to know its ports and output.
// The browser builds one from `GET /api/models`, the server from the catalog with admin
// overrides applied; both are plain lookups by model id.
import type { PortSource } from "@/lib/flows/ports";

export type CatalogModel = PortSource & {
  id: string;
  name: string;
};

export type FlowCatalog = ReadonlyMap<string, CatalogModel>;

export function flowCatalog(models: readonly CatalogModel[]): FlowCatalog {
  return new Map(models.map((m) => [m.id, m]));
}
