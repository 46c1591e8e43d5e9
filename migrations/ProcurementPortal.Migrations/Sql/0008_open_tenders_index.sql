-- The opportunities page (open_tenders, 0003) lists the tenders open now, soonest deadline first. Without an index it
-- read every procurement of every tenant to find the few that are open; this partial index holds only open tenders,
-- in deadline order, so the function reads those whose deadline is still ahead and nothing else.
create index if not exists ix_procurements_open_by_deadline on procurements (submission_deadline) where state = 'TenderOpen';
