-- A still taken from a video output (its last frame, to continue the clip from) is an asset of
-- its own: role 'frame', made by the output's generation, its original the video. The video's
-- poster is its thumbnail, as for images.
alter table public.assets drop constraint assets_role_check;
alter table public.assets add constraint assets_role_check
  check (role in ('input', 'mask', 'output', 'thumbnail', 'frame'));

alter table public.assets drop constraint assets_output_has_generation;
alter table public.assets add constraint assets_output_has_generation
  check ((role in ('output', 'thumbnail', 'frame')) = (generation_id is not null));
