CREATE TABLE ts_points (
  series_id integer NOT NULL,
  ts timestamptz NOT NULL,
  value double precision NOT NULL
);
CREATE INDEX ts_points_series_ts ON ts_points (series_id, ts DESC);
