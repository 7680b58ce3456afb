-- Durable timers (db-scheduler). Any node may pick a due execution; the row lock (picked, version)
-- makes sure only one runs it.
CREATE TABLE platform_scheduled_tasks (
  task_name            text NOT NULL,
  task_instance        text NOT NULL,
  task_data            bytea,
  execution_time       timestamptz NOT NULL,
  picked               boolean NOT NULL,
  picked_by            text,
  last_success         timestamptz,
  last_failure         timestamptz,
  consecutive_failures int,
  last_heartbeat       timestamptz,
  version              bigint NOT NULL,
  priority             smallint,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX platform_scheduled_tasks_execution_time ON platform_scheduled_tasks (execution_time);
CREATE INDEX platform_scheduled_tasks_last_heartbeat ON platform_scheduled_tasks (last_heartbeat);
CREATE INDEX platform_scheduled_tasks_priority_execution_time ON platform_scheduled_tasks (priority DESC, execution_time ASC);
