// The flow graph's rules, shared by the editor and the server: its schema, node types and their
// handles, the connection check and whole-graph validation. Pure and browser-safe.
export { type CatalogModel, type FlowCatalog, flowCatalog } from "@/lib/flows/catalog";
export { type Connection, type ConnectionCheck, validateConnection } from "@/lib/flows/connection";
export {
  type ExposableField,
  exposableFields,
  fittingInputs,
  type InputKind,
  type ResolvedInput,
  resolveInputs,
} from "@/lib/flows/exposed-inputs";
export {
  ancestorsOf,
  descendantsOf,
  findCycle,
  topologicalOrder,
} from "@/lib/flows/graph-order";
export {
  EMPTY_GRAPH,
  type FlowEdge,
  type FlowGraph,
  type FlowInput,
  type FlowNode,
  flowEdgeSchema,
  flowGraphSchema,
  flowInputSchema,
  INPUT_NAME,
  MAX_EDGES,
  MAX_INPUTS,
  MAX_NODES,
  MAX_TEXT_LENGTH,
  NODE_TYPES,
  type NodeOf,
  type NodeType,
} from "@/lib/flows/graph-schema";
export { handlesOf, type NodeHandles, sourceKind, targetPort } from "@/lib/flows/handles";
export { applyInputs, inputsJsonSchema, inputValueSchema, parseInputs } from "@/lib/flows/input-schema";
export {
  INPUT_PORT_NAMES,
  type InputPort,
  type InputPortName,
  type ModelPorts,
  PORT_KINDS,
  type PortKind,
  portsOf,
} from "@/lib/flows/ports";
export {
  type Estimate,
  type EstimateNode,
  type FlowSummary,
  type FlowTemplate,
  isNodeEnded,
  isRunActive,
  NODE_STATUSES,
  type NodeStatus,
  RUN_STATUSES,
  type RunNode,
  type RunOutput,
  type RunRequest,
  type RunStatus,
  type RunSummary,
  type RunView,
} from "@/lib/flows/run-types";
export { type GraphIssue, type ValidateOptions, validateGraph } from "@/lib/flows/validate-graph";
