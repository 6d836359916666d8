-- Every model now names its inputs after the same ports (prompt, image, mask, reference_images,
-- first_frame, last_frame). Stored inputs and their asset edges are renamed per model, so a
-- retry of an older generation validates against the model as it is today.

create temporary table port_renames (model_id text, old_key text, new_key text) on commit drop;
insert into port_renames values
  ('flux-kontext-pro', 'image_url', 'image'),
  ('real-esrgan', 'image_url', 'image'),
  ('background-remover', 'image_url', 'image'),
  ('fal-nano-banana-edit', 'image_urls', 'reference_images'),
  ('gemini-2-5-flash-image', 'image_urls', 'reference_images'),
  ('kling-2-5-turbo-i2v', 'image_url', 'first_frame'),
  ('kling-2-5-turbo-i2v', 'last_frame_url', 'last_frame'),
  ('veo-3-1-fast', 'image_url', 'first_frame'),
  ('veo-3-1-fast', 'last_frame_url', 'last_frame');

update public.generations g
set input = (
  select jsonb_object_agg(coalesce(r.new_key, f.key), f.value)
  from jsonb_each(g.input) f
  left join port_renames r on r.model_id = g.model_id and r.old_key = f.key
)
where jsonb_typeof(g.input) = 'object'
  and exists (select 1 from port_renames r where r.model_id = g.model_id and g.input ? r.old_key);

update public.generation_inputs gi
set param = r.new_key
from public.generations g, port_renames r
where g.id = gi.generation_id and r.model_id = g.model_id and r.old_key = gi.param;
