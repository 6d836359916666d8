// Upload limits and the upload reply, shared by the route (server) and the uploader (browser).
export const MAX_UPLOAD_FILES = 14;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export type UploadedImage = {
  url: string;
  path: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
};
