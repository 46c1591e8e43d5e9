-- An approved decision report is the record of a decision: the application refuses to change it, and so does the
-- database, whoever asks (a change is a new version, a new row).
create or replace function decision_reports_approved_immutable() returns trigger
language plpgsql as $$
begin
    if old.status = 'Approved' then
        raise exception 'decision report % is approved and cannot be changed', old.id using errcode = 'check_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger decision_reports_approved_immutable
    before update or delete on decision_reports
    for each row execute function decision_reports_approved_immutable();
