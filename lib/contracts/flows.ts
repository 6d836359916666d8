// Flows: node graphs of chained generations, their versions, estimates and runs. The graph is
// React Flow's own object (lib/flows/graph-schema.ts); routes read it with parseGraph, which
// names the node at fault.
import { z } from "zod";
import { flowGraphSchema } from "@/lib/flows/graph-schema";
import { NODE_STATUSES, RUN_STATUSES } from "@/lib/flows/run-types";
import { idSchema, timestampSchema } from "./common";

const name = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");
const nodeIds = z.array(z.string().min(1).max(200)).max(200, "must name at most 200 nodes");

export const graphSchema = flowGraphSchema.meta({
  id: "FlowGraph",
  description:
    "React Flow's object. Node types: `text` (`data.text`), `image` (`data.asset_id` or `data.url`), " +
    "`generate` (`data.model`, `data.params`), `llm` (`data.model`, `data.params`, `data.pinned`), " +
    "`output`. Edges connect a source handle named after the kind it gives (`text`, `image`, `video`) " +
    "to a target handle named after the model's port (`prompt`, `image`, `mask`, `reference_images`, " +
    "`first_frame`, `last_frame`). At most 200 nodes and 500 edges.",
});

/** A graph as a request carries it: checked by the route, which names the node at fault. */
const graphInput = z.unknown().meta({ description: "A FlowGraph (see the Flow answer)." });

export const createFlowRequest = z.strictObject({
  name: name.optional(),
  graph: graphInput.optional(),
  template: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: "A template id from GET /api/flow-templates." }),
});

export const patchFlowRequest = z.strictObject({
  name: name.optional(),
  graph: graphInput.optional(),
  revision: z
    .int()
    .positive()
    .optional()
    .meta({ description: "The revision the change was made on; 409 if another save came first." }),
});

export const runRequest = z.strictObject({
  targets: nodeIds.optional().meta({
    description: "Run these and what they depend on; none: every Output node (or every last node).",
  }),
  force: nodeIds
    .optional()
    .meta({ description: "Run these again even where a finished result could be reused." }),
});

export const estimateRequest = runRequest.extend({
  graph: graphInput.optional().meta({ description: "Price this graph instead of the saved one." }),
});

export const versionRequest = z.strictObject({ name });

export const createdResponse = z.object({ id: idSchema });

export const flowSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    graph: graphSchema,
    revision: z.number().int(),
    created_at: timestampSchema,
    updated_at: timestampSchema,
  })
  .meta({ id: "Flow" });

/** Links to the pictures a graph's Image nodes name, signed when it is read (never stored in it). */
const imagePreviewsSchema = z.record(z.string(), z.string()).meta({
  description:
    "A link to the picture each Image node names, keyed by its `data.asset_id` (or, in graphs saved before asset ids, its `data.url`); signed for about an hour.",
});

export const flowDetailSchema = flowSchema.extend({ images: imagePreviewsSchema }).meta({ id: "FlowDetail" });

export const flowListResponse = z.object({
  flows: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      created_at: timestampSchema,
      updated_at: timestampSchema,
      runs: z.number().int(),
      last_run_status: z.enum(RUN_STATUSES).nullable(),
      thumbnail_url: z.string().nullable(),
    }),
  ),
});

export const estimateResponse = z.object({
  credits: z.number().int().meta({ description: "What the nodes that will really run cost." }),
  nodes: z.array(
    z.object({
      node_id: z.string(),
      credits: z.number().int(),
      reused_from: idSchema
        .optional()
        .meta({ description: "The generation it will be reused from, at 0 credits." }),
    }),
  ),
});

export const runStartedResponse = z.object({
  id: idSchema,
  status: z.enum(RUN_STATUSES),
  estimated_credits: z.number().int(),
});

const receiptNode = z.object({
  node_id: z.string(),
  status: z.enum(NODE_STATUSES),
  generation_id: idSchema.nullable(),
  reused_from: idSchema.nullable(),
  estimated_credits: z.number().int(),
  credits: z.number().int().meta({ description: "What it cost: 0 when reused, failed or canceled." }),
  error: z.string().nullable(),
});

const runBase = {
  id: idSchema,
  flow_id: idSchema,
  version_id: idSchema,
  status: z.enum(RUN_STATUSES),
  targets: z.array(z.string()),
  estimated_credits: z.number().int(),
  charged_credits: z.number().int(),
  created_at: timestampSchema,
  ended_at: timestampSchema.nullable(),
};

const runOutput = z.object({
  asset_id: idSchema.nullable(),
  mime: z.string(),
  url: z.string(),
  thumb_url: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});

export const runSchema = z
  .object({
    ...runBase,
    nodes: z.array(receiptNode.extend({ outputs: z.array(runOutput), text: z.string().nullable() })),
  })
  .meta({ id: "FlowRun" });

export const runHistoryResponse = z.object({
  runs: z.array(z.object({ ...runBase, nodes: z.array(receiptNode) })),
});

const versionSummary = z.object({
  id: idSchema,
  flow_id: idSchema,
  name: z.string().nullable(),
  created_at: timestampSchema,
});

export const versionListResponse = z.object({ versions: z.array(versionSummary) });
export const versionSchema = versionSummary.extend({ graph: graphSchema, images: imagePreviewsSchema });
export const versionCreatedResponse = z.object({
  id: idSchema,
  name: z.string(),
  created_at: timestampSchema,
});

export const templatesResponse = z.object({
  templates: z.array(
    z.object({ id: z.string(), name: z.string(), description: z.string(), graph: graphSchema }),
  ),
});

/** `POST /api/v1/flows/{id}/runs`: a saved flow run with just its exposed inputs. */
export const apiRunRequest = z.strictObject({
  inputs: z
    .record(z.string(), z.unknown())
    .optional()
    .meta({
      description:
        "Values of the flow's exposed inputs, by name, as GET /api/v1/flows/{id}/schema describes them; " +
        "an input left out takes its default. A value the schema refuses is a 422 naming `inputs.<name>`.",
    }),
  version: idSchema.optional().meta({
    description:
      "Run this version of the flow (a named version, or one a run ran); left out: the flow as saved now.",
  }),
  webhook_url: z
    .string()
    .max(2048, "must be at most 2048 characters")
    .optional()
    .meta({
      description:
        "Also send this run's end (`flow_run.completed` or `flow_run.failed`) here, signed per Standard " +
        "Webhooks with the `webhook_secret` of the answer. The same address rules as webhook endpoints.",
    }),
});

export const apiRunStartedResponse = runStartedResponse.extend({
  version_id: idSchema.meta({ description: "The version the run runs: the graph with the inputs applied." }),
  webhook_secret: z.string().optional().meta({
    description: "With `webhook_url`: the secret (`whsec_…`) that signs its delivery. Shown only here.",
  }),
});

export const inputSchemaQuery = z.object({
  version: idSchema
    .optional()
    .meta({ description: "A version of the flow; left out: the flow as saved now." }),
});

export const inputSchemaResponse = z.record(z.string(), z.unknown()).meta({
  id: "FlowInputSchema",
  description:
    "A JSON Schema (draft 2020-12) of the `inputs` object: one property per exposed input, in the order " +
    "of the flow's form, with its title, default and limits. Images are asset ids or http(s) URLs.",
});

export const runParams = z.object({ id: idSchema, runId: idSchema });
export const versionParams = z.object({ id: idSchema, versionId: idSchema });
