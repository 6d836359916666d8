// sharp, configured once per process. Import sharp from here, never from "sharp" directly,
// so no pipeline can run before these settings apply.
import sharp from "sharp";

// libvips' operation cache keeps decoded images around for reuse we never make: pure memory cost.
sharp.cache(false);
// One libvips thread per image; parallelism comes from the media semaphore, which bounds memory.
sharp.concurrency(1);

/** Largest decoded image accepted (width x height), about 8K x 6K; bigger inputs are refused unread. */
export const MAX_INPUT_PIXELS = 50_000_000;
/** Thumbnails fit inside this square. */
export const THUMBNAIL_SIZE = 512;
export const THUMBNAIL_QUALITY = 80;

export { sharp };
