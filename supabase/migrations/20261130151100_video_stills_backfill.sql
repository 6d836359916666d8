-- Video outputs stored before the media pipeline made posters get them now, in the background:
-- one `generation.video-stills` job per completed generation with a video output that has no
-- poster (lib/generations/backfill-video-stills.ts). The job key makes running this twice
-- harmless, and the job itself skips outputs that have one by the time it runs.
select graphile_worker.add_job(
  'generation.video-stills', json_build_object('generationId', g.id),
  max_attempts => 3, job_key => 'generation.video-stills:' || g.id)
from public.generations g
where g.status = 'completed'
  and exists (
    select 1 from jsonb_array_elements(g.outputs) o
    where o ->> 'mime' like 'video/%' and o ->> 'thumb_path' is null);
