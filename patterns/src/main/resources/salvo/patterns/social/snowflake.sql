-- social for Snowflake: HYBRID tables, because the requests read users and posts by key and follow, post and like by
-- inserting rows (secondary indexes on the numeric lookup columns; timestamps are not indexed).
-- Unverified against a live Snowflake account. Identifiers are unquoted (Snowflake stores them upper case);
-- Salvo's seed and {table} quote them in lower case: see docs/patterns.md, "Snowflake DDL".
CREATE HYBRID TABLE soc_users (
  user_id NUMBER(19,0) AUTOINCREMENT START 1000000000 INCREMENT 1 PRIMARY KEY,
  handle VARCHAR NOT NULL,
  joined_at TIMESTAMP_TZ NOT NULL DEFAULT CURRENT_TIMESTAMP()
);
CREATE HYBRID TABLE soc_follows (
  follow_id NUMBER(19,0) AUTOINCREMENT START 1000000000 INCREMENT 1 PRIMARY KEY,
  follower_id NUMBER(19,0) NOT NULL REFERENCES soc_users (user_id),
  followee_id NUMBER(19,0) NOT NULL REFERENCES soc_users (user_id)
);
CREATE HYBRID TABLE soc_posts (
  post_id NUMBER(19,0) AUTOINCREMENT START 1000000000 INCREMENT 1 PRIMARY KEY,
  author_id NUMBER(19,0) NOT NULL REFERENCES soc_users (user_id),
  body VARCHAR NOT NULL,
  posted_at TIMESTAMP_TZ NOT NULL DEFAULT CURRENT_TIMESTAMP()
);
CREATE HYBRID TABLE soc_likes (
  like_id NUMBER(19,0) AUTOINCREMENT START 1000000000 INCREMENT 1 PRIMARY KEY,
  post_id NUMBER(19,0) NOT NULL REFERENCES soc_posts (post_id),
  user_id NUMBER(19,0) NOT NULL REFERENCES soc_users (user_id),
  liked_at TIMESTAMP_TZ NOT NULL DEFAULT CURRENT_TIMESTAMP()
);
