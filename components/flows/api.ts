"use client";
// The flow API as the browser calls it (contract in the flows routes), with its query keys.
import { fetchJson } from "@/components/providers/fetch-json";
import type { RunWire } from "./store/run-view";
import type { FlowGraph } from "./store/types";

export type { FlowGraph };

export type FlowSummary = {
  id: string;
  name: string;
  updated_at: string;
  runs: number;
  thumbnail_url: string | null;
};
export type FlowDetail = { id: string; name: string; graph: FlowGraph; updated_at: string };
export type EstimateWire = {
  credits: number;
  nodes: { node_id: string; credits: number; reused_from?: string | null }[];
};
export type RunRequest = { targets?: string[]; force?: string[] };
export type FlowTemplate = { id: string; name: string; description: string; graph: FlowGraph };
export type FlowVersion = { id: string; name: string; created_at: string };
export type FlowVersionDetail = FlowVersion & { graph: FlowGraph };

export const flowKeys = {
  all: ["flows"] as const,
  list: ["flows", "list"] as const,
  detail: (id: string) => ["flows", "detail", id] as const,
  runs: (id: string) => ["flows", "runs", id] as const,
  run: (id: string, runId: string) => ["flows", "run", id, runId] as const,
  versions: (id: string) => ["flows", "versions", id] as const,
  version: (id: string, versionId: string) => ["flows", "version", id, versionId] as const,
  templates: ["flows", "templates"] as const,
};

const base = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

export const flowsApi = {
  list: (signal?: AbortSignal) => fetchJson<FlowSummary[]>("/api/flows", { signal }),
  get: (id: string, signal?: AbortSignal) => fetchJson<FlowDetail>(base(id), { signal }),
  create: (body: { name: string; graph: FlowGraph }) =>
    fetchJson<{ id: string }>("/api/flows", { method: "POST", json: body }),
  update: (id: string, body: { name?: string; graph?: FlowGraph }, signal?: AbortSignal) =>
    fetchJson<unknown>(base(id), { method: "PATCH", json: body, signal }),
  remove: (id: string) => fetchJson<unknown>(base(id), { method: "DELETE" }),
  estimate: (id: string, body: RunRequest, signal?: AbortSignal) =>
    fetchJson<EstimateWire>(`${base(id)}/estimate`, { method: "POST", json: body, signal }),
  run: (id: string, body: RunRequest) =>
    fetchJson<{ id: string }>(`${base(id)}/runs`, { method: "POST", json: body }),
  getRun: (id: string, runId: string, signal?: AbortSignal) =>
    fetchJson<RunWire>(`${base(id)}/runs/${encodeURIComponent(runId)}`, { signal }),
  cancelRun: (id: string, runId: string) =>
    fetchJson<unknown>(`${base(id)}/runs/${encodeURIComponent(runId)}/cancel`, { method: "POST" }),
  runs: (id: string, signal?: AbortSignal) => fetchJson<RunWire[]>(`${base(id)}/runs`, { signal }),
  versions: (id: string, signal?: AbortSignal) =>
    fetchJson<FlowVersion[]>(`${base(id)}/versions`, { signal }),
  version: (id: string, versionId: string, signal?: AbortSignal) =>
    fetchJson<FlowVersionDetail>(`${base(id)}/versions/${encodeURIComponent(versionId)}`, { signal }),
  saveVersion: (id: string, name: string) =>
    fetchJson<{ id: string }>(`${base(id)}/versions`, { method: "POST", json: { name } }),
  templates: (signal?: AbortSignal) => fetchJson<FlowTemplate[]>("/api/flows/templates", { signal }),
};
