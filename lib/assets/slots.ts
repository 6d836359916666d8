// Which part a consumed asset plays in a generation, from the port its input field is named after.

export const INPUT_SLOTS = ["image", "mask", "reference", "first_frame", "last_frame"] as const;
export type InputSlot = (typeof INPUT_SLOTS)[number];

const SLOT_OF_PORT: Record<string, InputSlot> = {
  image: "image",
  mask: "mask",
  reference_images: "reference",
  first_frame: "first_frame",
  last_frame: "last_frame",
};

/** The slot of an image input; every image input is named after a port (lib/models/ports.ts). */
export function slotOf(param: string): InputSlot {
  const slot = SLOT_OF_PORT[param];
  if (!slot) throw new Error(`"${param}" is not an image port`);
  return slot;
}
