-- Which slice of member ids a nudge sweep has finished, and for which minute. Instances sweeping in
-- the same minute skip a slice another has finished (or is sweeping), instead of reading it again:
-- within one minute nobody becomes due who was not due at its start, since reminder times are whole
-- minutes. Written in the transaction of the slice's own claim, so a slice lost to a crash is never
-- marked finished.
create table sweep_slice (
  first_member_id bigint not null,
  last_member_id  bigint not null,
  swept_minute    timestamptz not null,
  primary key (first_member_id, last_member_id)
);
