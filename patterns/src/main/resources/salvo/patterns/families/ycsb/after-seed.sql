-- YCSB's key names: user<n> (the seed spec writes the numbers)
UPDATE usertable SET ycsb_key = 'user' || ycsb_key;
VACUUM ANALYZE usertable;
