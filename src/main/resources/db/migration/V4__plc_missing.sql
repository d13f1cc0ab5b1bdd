-- When a successful PLC read last found the batch in neither its WRITE slot nor its READ slot (the PLC came back with
-- empty memory: plant-contract #33); null while the PLC holds it. Only an operator's requeue acts on it.
alter table batch add column plc_missing_at timestamptz;
