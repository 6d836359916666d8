// React Query keys of the profile's own settings.
export const profileKeys = {
  apiKeys: ["profile", "api-keys"] as const,
  endpoints: ["profile", "webhook-endpoints"] as const,
  deliveries: (endpointId: string) => ["profile", "webhook-endpoints", endpointId, "deliveries"] as const,
};
