export type { Wire } from "@/lib/api/wire";
