// Size caps for downloaded outputs, per kind. A provider answer above these fails the job.
export const OUTPUT_LIMITS = {
  imageMaxBytes: 50 * 1024 * 1024,
  videoMaxBytes: 500 * 1024 * 1024,
};
