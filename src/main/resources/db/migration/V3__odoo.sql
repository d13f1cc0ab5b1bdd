-- When task 3 marked the batch's MO done in Odoo (ODOO_MARK_DONE=true); null while it has not.
alter table batch add column odoo_done_at timestamptz;
