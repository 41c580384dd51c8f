-- one inventory row per product: the seed writes product ids 1..n to both tables (a seeded foreign key would choose
-- parents at random, so a key that is also the primary key is added after the load)
ALTER TABLE ec_inventory ADD FOREIGN KEY (product_id) REFERENCES ec_products (product_id);
