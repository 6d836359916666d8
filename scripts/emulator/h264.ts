// A minimal H.264 (Baseline) encoder: every frame is an IDR picture made only of I_PCM
// macroblocks (raw samples, no prediction or transform), which every decoder must support.
// Output is NAL units without start codes, ready for an MP4 `avc1` track.

export interface YuvFrame {
  /** Luma, `paddedWidth * paddedHeight` bytes (padded to whole 16x16 macroblocks). */
  y: Uint8Array;
  /** Chroma planes, each `(paddedWidth / 2) * (paddedHeight / 2)` bytes. */
  cb: Uint8Array;
  cr: Uint8Array;
}

export function paddedSize(width: number, height: number): { width: number; height: number } {
  return { width: Math.ceil(width / 16) * 16, height: Math.ceil(height / 16) * 16 };
}

class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private count = 0;

  bit(value: number): void {
    this.current = (this.current << 1) | (value & 1);
    if (++this.count === 8) {
      this.bytes.push(this.current);
      this.current = 0;
      this.count = 0;
    }
  }
  bits(value: number, width: number): void {
    for (let i = width - 1; i >= 0; i--) this.bit((value >>> i) & 1);
  }
  ue(value: number): void {
    const coded = value + 1;
    const width = 32 - Math.clz32(coded);
    this.bits(0, width - 1);
    this.bits(coded, width);
  }
  se(value: number): void {
    this.ue(value <= 0 ? -2 * value : 2 * value - 1);
  }
  alignZero(): void {
    while (this.count !== 0) this.bit(0);
  }
  /** Raw bytes; the writer must be byte aligned. */
  raw(data: Uint8Array, from: number, length: number): void {
    for (let i = from; i < from + length; i++) this.bytes.push(data[i]!);
  }
  trailing(): Uint8Array {
    this.bit(1);
    this.alignZero();
    return Uint8Array.from(this.bytes);
  }
}

/** NAL header byte + RBSP with emulation-prevention bytes inserted. */
function nal(header: number, rbsp: Uint8Array): Buffer {
  const out: number[] = [header];
  let zeros = 0;
  for (const byte of rbsp) {
    if (zeros >= 2 && byte <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(byte);
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return Buffer.from(out);
}

export function sps(width: number, height: number): Buffer {
  const padded = paddedSize(width, height);
  const w = new BitWriter();
  w.bits(66, 8); // Baseline profile
  w.bits(0xc0, 8); // constraint_set0 + constraint_set1
  w.bits(30, 8); // level 3.0
  w.ue(0); // seq_parameter_set_id
  w.ue(0); // log2_max_frame_num_minus4
  w.ue(2); // pic_order_cnt_type
  w.ue(1); // max_num_ref_frames
  w.bit(0); // gaps_in_frame_num_value_allowed_flag
  w.ue(padded.width / 16 - 1);
  w.ue(padded.height / 16 - 1);
  w.bit(1); // frame_mbs_only_flag
  w.bit(1); // direct_8x8_inference_flag
  const cropRight = (padded.width - width) / 2;
  const cropBottom = (padded.height - height) / 2;
  w.bit(cropRight || cropBottom ? 1 : 0);
  if (cropRight || cropBottom) for (const offset of [0, cropRight, 0, cropBottom]) w.ue(offset);
  w.bit(0); // vui_parameters_present_flag
  return nal(0x67, w.trailing());
}

export function pps(): Buffer {
  const w = new BitWriter();
  w.ue(0); // pic_parameter_set_id
  w.ue(0); // seq_parameter_set_id
  w.bits(0, 2); // entropy_coding_mode_flag (CAVLC), bottom_field_pic_order_in_frame_present_flag
  w.ue(0); // num_slice_groups_minus1
  w.ue(0); // num_ref_idx_l0_default_active_minus1
  w.ue(0); // num_ref_idx_l1_default_active_minus1
  w.bits(0, 3); // weighted_pred_flag, weighted_bipred_idc
  w.se(0); // pic_init_qp_minus26
  w.se(0); // pic_init_qs_minus26
  w.se(0); // chroma_qp_index_offset
  w.bits(0, 3); // deblocking_filter_control_present, constrained_intra_pred, redundant_pic_cnt_present
  return nal(0x68, w.trailing());
}

export function idrSlice(frame: YuvFrame, width: number, height: number, idrPicId: number): Buffer {
  const padded = paddedSize(width, height);
  const w = new BitWriter();
  w.ue(0); // first_mb_in_slice
  w.ue(7); // slice_type: I (all slices)
  w.ue(0); // pic_parameter_set_id
  w.bits(0, 4); // frame_num
  w.ue(idrPicId);
  w.bits(0, 2); // no_output_of_prior_pics_flag, long_term_reference_flag
  w.se(0); // slice_qp_delta
  const chromaWidth = padded.width / 2;
  for (let mbY = 0; mbY < padded.height / 16; mbY++) {
    for (let mbX = 0; mbX < padded.width / 16; mbX++) {
      w.ue(25); // mb_type I_PCM
      w.alignZero(); // pcm_alignment_zero_bit
      for (let row = 0; row < 16; row++) w.raw(frame.y, (mbY * 16 + row) * padded.width + mbX * 16, 16);
      for (const plane of [frame.cb, frame.cr]) {
        for (let row = 0; row < 8; row++) w.raw(plane, (mbY * 8 + row) * chromaWidth + mbX * 8, 8);
      }
    }
  }
  return nal(0x65, w.trailing());
}
