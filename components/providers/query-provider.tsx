"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { ApiError, isAuthError } from "@/components/providers/fetch-json";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A signed-out or forbidden answer will not change by asking again; neither will a 4xx.
        retry: (failureCount, error) => {
          if (isAuthError(error)) return false;
          if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429)
            return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}

/** One QueryClient for the whole browser session. */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
