-- A flaw of a plan may come with the value under another reading, computed and shown beside.
alter table indicator add column alt_measure text;
alter table indicator add column alt_label_vi text;
alter table indicator add column alt_label_en text;
