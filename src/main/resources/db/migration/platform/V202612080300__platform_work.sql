-- The pipeline's durable work queues (docs/adr/007-set-based-pipeline.md): one row per event and consuming stage,
-- written in the producer's transaction (one multi-row insert per transaction) and claimed in batches by any node
-- with FOR UPDATE SKIP LOCKED. A row is deleted in the transaction that handled it, so a crash hands it back.
-- Live work (a single response) is claimed before bulk work, so an import's backlog never delays a live score.
CREATE TABLE platform_work (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  stage       text NOT NULL,
  bulk        boolean NOT NULL DEFAULT false,   -- queued by a transaction with many events (batch, CSV chunk): claimed after live work
  payload     text NOT NULL,
  enqueued_at timestamptz NOT NULL DEFAULT now(),
  not_before  timestamptz NOT NULL DEFAULT now(),
  attempts    int NOT NULL DEFAULT 0,
  last_error  text
);
CREATE INDEX platform_work_stage ON platform_work (stage, bulk, id);
