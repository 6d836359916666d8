// The gallery's and sessions' public operations (trash, ids, tags, bulk, zip, sessions), part
// of the one list in operations.ts.
import { idParams } from "./common";
import * as gallery from "./gallery";
import * as generations from "./generations";
import type { Operation } from "./operation";
import * as sessions from "./sessions";

export const galleryOperations: readonly Operation[] = [
  {
    method: "get",
    path: "/api/generations/trash",
    summary: "My generations in the trash, with the list's filters and paging",
    tag: "Gallery",
    auth: "user",
    query: generations.listQuery,
    responses: {
      200: { description: "A page", schema: generations.generationListResponse },
      304: { description: "Unchanged since the ETag sent in If-None-Match" },
    },
    errors: [400],
  },
  {
    method: "get",
    path: "/api/generations/ids",
    summary: "Every id the list's filters match (select all), up to 10,000",
    tag: "Gallery",
    auth: "user",
    query: generations.listQuery,
    responses: { 200: { description: "Matching ids, newest first", schema: gallery.matchingIdsResponse } },
    errors: [400],
  },
  {
    method: "get",
    path: "/api/generations/tags",
    summary: "My tags, most used first",
    tag: "Gallery",
    auth: "user",
    responses: { 200: { description: "Tags with counts", schema: gallery.tagsResponse } },
    errors: [],
  },
  {
    method: "post",
    path: "/api/generations/bulk",
    summary: "Star, tag, move, trash or restore many generations; others' ids are skipped",
    tag: "Gallery",
    auth: "user",
    body: { schema: gallery.bulkRequest },
    responses: { 200: { description: "How many were done and skipped", schema: gallery.bulkResponse } },
    errors: [400, 404, 413],
  },
  {
    method: "post",
    path: "/api/generations/download",
    summary: "A zip of the originals with a manifest of prompts and parameters (streamed)",
    tag: "Gallery",
    auth: "user",
    body: { schema: gallery.downloadRequest },
    responses: { 200: { description: "The zip", contentType: "application/zip" } },
    errors: [400, 404, 413],
  },
  {
    method: "get",
    path: "/api/sessions",
    summary: "My sessions: search, sort, archived or not",
    tag: "Sessions",
    auth: "user",
    query: sessions.listSessionsSchema,
    responses: { 200: { description: "Sessions", schema: sessions.sessionListResponse } },
    errors: [400],
  },
  {
    method: "post",
    path: "/api/sessions",
    summary: "Start an empty session",
    tag: "Sessions",
    auth: "user",
    body: { schema: sessions.createSessionSchema },
    responses: { 201: { description: "The session", schema: sessions.sessionResponse } },
    errors: [400],
  },
  {
    method: "get",
    path: "/api/sessions/{id}",
    summary: "A session with its generations and their input edges",
    tag: "Sessions",
    auth: "user",
    params: idParams,
    responses: { 200: { description: "The session", schema: sessions.sessionDetailResponse } },
    errors: [404],
  },
  {
    method: "patch",
    path: "/api/sessions/{id}",
    summary: "Rename or archive a session",
    tag: "Sessions",
    auth: "user",
    params: idParams,
    body: { schema: sessions.updateSessionSchema },
    responses: { 200: { description: "The session", schema: sessions.sessionResponse } },
    errors: [400, 404],
  },
];
